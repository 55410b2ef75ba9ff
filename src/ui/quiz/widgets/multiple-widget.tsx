import type { MultiplePublic, MultipleUserInput } from '../../../content/quiz-model.ts';
import type { WidgetProps } from './types.ts';
import { ChoiceList, ChoiceText, ItemFieldset } from './widget-parts.tsx';

/** A group of checkboxes (the stem says that more than one may be right, see quizzes/README.md). */
export function MultipleWidget(props: WidgetProps<MultiplePublic, MultipleUserInput>) {
  const { item, text, value, onChange, idBase, legend } = props;
  const selected = value?.selected ?? [];
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((s) => s !== id);
    onChange(next.length === 0 ? null : { selected: item.choices.filter((c) => next.includes(c)) });
  };
  return (
    <ItemFieldset idBase={idBase} legend={legend}>
      <ChoiceList
        type="checkbox"
        idBase={idBase}
        choices={item.choices}
        isChecked={(id) => selected.includes(id)}
        onPick={toggle}
        label={(id) => <ChoiceText nodes={text.choices[id]} />}
      />
    </ItemFieldset>
  );
}

import type { SinglePublic, SingleUserInput } from '../../../content/quiz-model.ts';
import type { WidgetProps } from './types.ts';
import { ChoiceList, ChoiceText, ItemFieldset } from './widget-parts.tsx';

/** A radio group: arrow keys move between choices, as native radios do. */
export function SingleWidget(props: WidgetProps<SinglePublic, SingleUserInput>) {
  const { item, text, value, onChange, idBase, legend } = props;
  return (
    <ItemFieldset idBase={idBase} legend={legend}>
      <ChoiceList
        type="radio"
        idBase={idBase}
        choices={item.choices}
        isChecked={(id) => value?.selected === id}
        onPick={(id) => onChange({ selected: id })}
        label={(id) => <ChoiceText nodes={text.choices[id]} />}
      />
    </ItemFieldset>
  );
}

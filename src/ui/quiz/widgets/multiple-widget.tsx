import type { MultiplePublic, MultipleUserInput } from '../../../content/quiz-model.ts';
import { Inlines } from '../../content/render.tsx';
import type { WidgetProps } from './types.ts';

/** A group of checkboxes (the stem says that more than one may be right, see quizzes/README.md). */
export function MultipleWidget({
  item,
  text,
  value,
  onChange,
  idBase,
  legend,
}: WidgetProps<MultiplePublic, MultipleUserInput>) {
  const selected = value?.selected ?? [];
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((s) => s !== id);
    onChange(next.length === 0 ? null : { selected: item.choices.filter((c) => next.includes(c)) });
  };
  return (
    <fieldset className="quiz-field">
      <legend>{legend}</legend>
      <ul className="quiz-choices">
        {item.choices.map((id) => (
          <li key={id}>
            <label className="quiz-choice">
              <input
                type="checkbox"
                name={`${idBase}-${id}`}
                value={id}
                checked={selected.includes(id)}
                onChange={(e) => toggle(id, e.currentTarget.checked)}
              />
              <span>
                <Inlines nodes={text.choices[id] ?? []} />
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

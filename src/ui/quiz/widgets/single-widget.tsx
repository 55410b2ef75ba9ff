import type { SinglePublic, SingleUserInput } from '../../../content/quiz-model.ts';
import { Inlines } from '../../content/render.tsx';
import type { WidgetProps } from './types.ts';

/** A radio group: arrow keys move between choices, as native radios do. */
export function SingleWidget({
  item,
  text,
  value,
  onChange,
  idBase,
  legend,
}: WidgetProps<SinglePublic, SingleUserInput>) {
  return (
    <fieldset className="quiz-field">
      <legend>{legend}</legend>
      <ul className="quiz-choices">
        {item.choices.map((id) => (
          <li key={id}>
            <label className="quiz-choice">
              <input
                type="radio"
                name={idBase}
                value={id}
                checked={value?.selected === id}
                onChange={() => onChange({ selected: id })}
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

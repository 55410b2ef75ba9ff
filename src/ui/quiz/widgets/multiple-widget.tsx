import { useTranslation } from 'react-i18next';
import type { MultiplePublic, MultipleUserInput } from '../../../content/quiz-model.ts';
import { Inlines } from '../../content/render.tsx';
import { UiText } from '../ui-text.tsx';
import type { WidgetProps } from './types.ts';

/** A group of checkboxes; the hint says that more than one may be right. */
export function MultipleWidget({
  item,
  text,
  value,
  onChange,
  idBase,
  legend,
}: WidgetProps<MultiplePublic, MultipleUserInput>) {
  const { t } = useTranslation();
  const selected = value?.selected ?? [];
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((s) => s !== id);
    onChange(next.length === 0 ? null : { selected: item.choices.filter((c) => next.includes(c)) });
  };
  return (
    <fieldset className="quiz-field" aria-describedby={`${idBase}-hint`}>
      <legend>{legend}</legend>
      <UiText as="p" className="quiz-hint" id={`${idBase}-hint`}>
        {t('quiz.hint.multiple')}
      </UiText>
      <ul className="quiz-choices">
        {item.choices.map((id) => (
          <li key={id}>
            <label className="quiz-choice">
              <input
                type="checkbox"
                name={`${idBase}-${id}`}
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

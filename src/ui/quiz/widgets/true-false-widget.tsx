import { useTranslation } from 'react-i18next';
import type { TrueFalsePublic, TrueFalseUserInput } from '../../../content/quiz-model.ts';
import { UiText } from '../ui-text.tsx';
import type { WidgetProps } from './types.ts';

/** Two radios, True and False, in the learner's interface language. */
export function TrueFalseWidget({
  text: _text,
  value,
  onChange,
  idBase,
  legend,
}: WidgetProps<TrueFalsePublic, TrueFalseUserInput>) {
  const { t } = useTranslation();
  return (
    <fieldset className="quiz-field">
      <legend>{legend}</legend>
      <ul className="quiz-choices quiz-choices-inline">
        {[true, false].map((v) => (
          <li key={String(v)}>
            <label className="quiz-choice">
              <input
                type="radio"
                name={idBase}
                value={String(v)}
                checked={value?.value === v}
                onChange={() => onChange({ value: v })}
              />
              <UiText>{v ? t('quiz.true') : t('quiz.false')}</UiText>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

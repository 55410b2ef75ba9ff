import { useTranslation } from 'react-i18next';
import type { Certainty } from '../../content/quiz-model.ts';
import { useUiLocale } from '../use-ui-locale.ts';
import { CERTAINTIES, levelLabel } from './certainty.ts';
import { useUiAttrs } from './ui-text.tsx';

/** The label of a certainty level in the interface language: "Fairly (more than 67%)". */
export function useLevelLabel(): (c: Certainty) => string {
  const { t } = useTranslation();
  const ui = useUiLocale();
  return (c) => levelLabel(t, c, ui);
}

/**
 * "How sure are you?": a native radio group (arrow keys move between levels) under an item of a
 * CBM quiz. `invalid` shows why Check answer did not mark the item; each radio is described by
 * that message, so it is read out when focus lands on the group.
 */
export function CertaintyField({
  itemId,
  value,
  onChange,
  invalid,
}: {
  itemId: string;
  value: Certainty | null;
  onChange: (c: Certainty) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const attrs = useUiAttrs();
  const label = useLevelLabel();
  const errorId = `cbm-${itemId}-error`;
  return (
    <fieldset className={`quiz-certainty${invalid ? ' is-invalid' : ''}`} {...attrs}>
      <legend>{t('quiz.cbm.legend')}</legend>
      <ul className="quiz-choices quiz-certainty-choices">
        {CERTAINTIES.map((c) => (
          <li key={c}>
            <label className="quiz-choice">
              <input
                type="radio"
                name={`cbm-${itemId}`}
                value={c}
                checked={value === c}
                aria-describedby={invalid ? errorId : undefined}
                onChange={() => onChange(c)}
              />
              <span>{label(c)}</span>
            </label>
          </li>
        ))}
      </ul>
      {invalid && (
        <p id={errorId} className="quiz-error">
          {t('quiz.cbm.required')}
        </p>
      )}
    </fieldset>
  );
}

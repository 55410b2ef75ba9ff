import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NumericPublic, NumericUserInput } from '../../../content/quiz-model.ts';
import { useUiAttrs } from '../ui-text.tsx';
import type { WidgetProps } from './types.ts';
import { ItemFieldset } from './widget-parts.tsx';

/** "1 996", "1,5" and "1.5" are read as numbers; anything else is kept on screen and flagged. */
export function parseNumber(raw: string): number | null {
  const s = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[٫,]/g, '.')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  if (!/^[-+−]?\d*\.?\d+$/.test(s.replace('−', '-'))) return null;
  const n = Number(s.replace('−', '-'));
  return Number.isFinite(n) ? n : null;
}

/** A labelled text input (inputmode decimal, so phones show digits) with the unit after it. */
export function NumericWidget({
  text,
  value,
  onChange,
  idBase,
  legend,
}: WidgetProps<NumericPublic, NumericUserInput>) {
  const { t } = useTranslation();
  const ui = useUiAttrs();
  const [raw, setRaw] = useState(value ? String(value.value) : '');
  const invalid = raw.trim() !== '' && parseNumber(raw) === null;
  return (
    <ItemFieldset idBase={idBase} legend={legend}>
      <div className="quiz-input-row">
        <label htmlFor={`${idBase}-input`} {...ui}>
          {t('quiz.numeric.label')}
        </label>
        <input
          id={`${idBase}-input`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          dir="ltr"
          value={raw}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${idBase}-error` : undefined}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setRaw(next);
            const n = parseNumber(next);
            onChange(n === null ? null : { value: n });
          }}
        />
        {text.unit && <span className="quiz-unit">{text.unit}</span>}
      </div>
      {invalid && (
        <p className="quiz-error" id={`${idBase}-error`} {...ui}>
          {t('quiz.numeric.invalid')}
        </p>
      )}
    </ItemFieldset>
  );
}

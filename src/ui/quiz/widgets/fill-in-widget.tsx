import { useTranslation } from 'react-i18next';
import { FILL_IN_MAX_LENGTH, type FillInPublic, type FillInUserInput } from '../../../content/quiz-model.ts';
import { useUiAttrs } from '../ui-text.tsx';
import type { WidgetProps } from './types.ts';
import { ItemFieldset } from './widget-parts.tsx';

/** A labelled text input, as long as the saved record allows. */
export function FillInWidget({
  value,
  onChange,
  idBase,
  legend,
}: WidgetProps<FillInPublic, FillInUserInput>) {
  const { t } = useTranslation();
  const ui = useUiAttrs();
  return (
    <ItemFieldset idBase={idBase} legend={legend}>
      <div className="quiz-input-row">
        <label htmlFor={`${idBase}-input`} {...ui}>
          {t('quiz.fillIn.label')}
        </label>
        <input
          id={`${idBase}-input`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={FILL_IN_MAX_LENGTH}
          value={value?.text ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange(v.trim() === '' ? null : { text: v });
          }}
        />
      </div>
    </ItemFieldset>
  );
}

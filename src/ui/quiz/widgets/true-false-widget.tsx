import { useTranslation } from 'react-i18next';
import type { TrueFalsePublic, TrueFalseUserInput } from '../../../content/quiz-model.ts';
import { UiText } from '../ui-text.tsx';
import type { WidgetProps } from './types.ts';
import { ChoiceList, ItemFieldset } from './widget-parts.tsx';

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
    <ItemFieldset idBase={idBase} legend={legend}>
      <ChoiceList
        type="radio"
        inline
        idBase={idBase}
        choices={['true', 'false']}
        isChecked={(v) => value?.value === (v === 'true')}
        onPick={(v) => onChange({ value: v === 'true' })}
        label={(v) => <UiText>{v === 'true' ? t('quiz.true') : t('quiz.false')}</UiText>}
      />
    </ItemFieldset>
  );
}

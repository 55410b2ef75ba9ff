import { useTranslation } from 'react-i18next';
import type { MatchingPublic, MatchingUserInput } from '../../../content/quiz-model.ts';
import { Inlines, inlineText } from '../../content/render.tsx';
import { useUiAttrs } from '../ui-text.tsx';
import type { WidgetProps } from './types.ts';
import { ItemFieldset } from './widget-parts.tsx';

/**
 * One labelled select per premise: usable by keyboard and screen reader alone, no dragging.
 * Responses are listed in the attempt's shuffled order.
 */
export function MatchingWidget(props: WidgetProps<MatchingPublic, MatchingUserInput>) {
  const { item, text, value, onChange, idBase, legend } = props;
  const { t } = useTranslation();
  const ui = useUiAttrs();
  const pairs = value?.pairs ?? {};
  const set = (premise: string, response: string) => {
    const next = { ...pairs };
    if (response === '') delete next[premise];
    else next[premise] = response;
    onChange(Object.keys(next).length === 0 ? null : { pairs: next });
  };
  return (
    <ItemFieldset idBase={idBase} legend={legend} hint={t('quiz.hint.matching')}>
      <ul className="quiz-matching">
        {item.premises.map((p) => (
          <li key={p}>
            <label htmlFor={`${idBase}-${p}`}>
              <Inlines nodes={text.choices[p] ?? []} />
            </label>
            <select
              id={`${idBase}-${p}`}
              value={pairs[p] ?? ''}
              onChange={(e) => set(p, e.currentTarget.value)}
            >
              <option value="" {...ui}>
                {t('quiz.matching.choose')}
              </option>
              {item.responses.map((r) => (
                <option key={r} value={r}>
                  {inlineText(text.choices[r] ?? [])}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </ItemFieldset>
  );
}

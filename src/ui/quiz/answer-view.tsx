import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLocale } from '../../content/model.ts';
import type { ItemText, QuizItem, UserInput } from '../../content/quiz-model.ts';
import { Inlines } from '../content/render.tsx';

const choice = (text: ItemText, id: string) => <Inlines nodes={text.choices[id] ?? []} />;

/** The learner's response in words, for the review; "Not answered" when there is none. */
export function LearnerAnswer({
  item,
  input,
  text,
}: {
  item: QuizItem;
  input: UserInput | null;
  text: ItemText;
}): ReactNode {
  const { t } = useTranslation();
  if (!input) return <em>{t('quiz.review.notAnswered')}</em>;
  const v = input as unknown as Record<string, unknown>;
  switch (item.kind) {
    case 'single':
      return choice(text, v.selected as string);
    case 'multiple':
      return (
        <ul>
          {(v.selected as string[]).map((id) => (
            <li key={id}>{choice(text, id)}</li>
          ))}
        </ul>
      );
    case 'true-false':
      return v.value ? t('quiz.true') : t('quiz.false');
    case 'matching':
      return <Pairs item={item} pairs={v.pairs as Record<string, string>} text={text} />;
    case 'sequencing':
      return (
        <ol>
          {(v.order as string[]).map((id) => (
            <li key={id}>{choice(text, id)}</li>
          ))}
        </ol>
      );
    case 'numeric':
      return (
        <span>
          <bdi>{String(v.value)}</bdi>
          {text.unit ? ` ${text.unit}` : ''}
        </span>
      );
    case 'fill-in':
      return <bdi>{v.text as string}</bdi>;
  }
}

function Pairs({
  item,
  pairs,
  text,
}: {
  item: Extract<QuizItem, { kind: 'matching' }>;
  pairs: Record<string, string>;
  text: ItemText;
}) {
  const { t } = useTranslation();
  return (
    <ul>
      {item.premises.map((p) => (
        <li key={p}>
          {choice(text, p)}
          <span aria-hidden="true" className="quiz-pair-arrow">
            {' → '}
          </span>
          <span className="visually-hidden">: </span>
          {pairs[p] ? choice(text, pairs[p]) : <em>{t('quiz.review.notAnswered')}</em>}
        </li>
      ))}
    </ul>
  );
}

/** The key in words: what the right answer was. */
export function RightAnswer({
  item,
  text,
  locale,
}: {
  item: QuizItem;
  text: ItemText;
  locale: ContentLocale;
}): ReactNode {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'single':
      return choice(text, item.rubric.correct);
    case 'multiple':
      return (
        <ul>
          {item.rubric.correct.map((id) => (
            <li key={id}>{choice(text, id)}</li>
          ))}
        </ul>
      );
    case 'true-false':
      return item.rubric.correct ? t('quiz.true') : t('quiz.false');
    case 'matching':
      return <Pairs item={item} pairs={item.rubric.pairs} text={text} />;
    case 'sequencing':
      return (
        <ol>
          {item.rubric.order.map((id) => (
            <li key={id}>{choice(text, id)}</li>
          ))}
        </ol>
      );
    case 'numeric':
      return (
        <span>
          <bdi>{String(item.rubric.value)}</bdi>
          {item.rubric.tolerance > 0 ? <bdi>{` ± ${item.rubric.tolerance}`}</bdi> : ''}
          {text.unit ? ` ${text.unit}` : ''}
        </span>
      );
    case 'fill-in':
      return <bdi>{(item.rubric.accepted[locale] ?? [])[0] ?? ''}</bdi>;
  }
}

import type { Score, TrueFalseItem, TrueFalseUserInput } from '../../../content/quiz-model.ts';
import { validateTrueFalse } from './validate-true-false.ts';

/** All or nothing: 1 point when the answer is the key, else 0. */
export function scoreTrueFalse(input: TrueFalseUserInput | null | undefined, item: TrueFalseItem): Score {
  const invalid = validateTrueFalse(input, item);
  if (invalid) return invalid;
  return { type: 'points', earned: input!.value === item.rubric.correct ? 1 : 0, total: 1 };
}

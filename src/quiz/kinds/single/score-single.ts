import type { Score, SingleItem, SingleUserInput } from '../../../content/quiz-model.ts';
import { validateSingle } from './validate-single.ts';

/** All or nothing: 1 point when the selected choice is the key, else 0. */
export function scoreSingle(input: SingleUserInput | null | undefined, item: SingleItem): Score {
  const invalid = validateSingle(input, item);
  if (invalid) return invalid;
  return { type: 'points', earned: input!.selected === item.rubric.correct ? 1 : 0, total: 1 };
}

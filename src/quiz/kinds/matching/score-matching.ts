import type { MatchingItem, MatchingUserInput, Score } from '../../../content/quiz-model.ts';
import { validateMatching } from './validate-matching.ts';

/** Partial credit: the fraction of premises matched to their key response; total 1. */
export function scoreMatching(input: MatchingUserInput | null | undefined, item: MatchingItem): Score {
  const invalid = validateMatching(input, item);
  if (invalid) return invalid;
  const right = item.premises.filter((p) => input!.pairs[p] === item.rubric.pairs[p]).length;
  return { type: 'points', earned: right / item.premises.length, total: 1 };
}

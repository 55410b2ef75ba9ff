import type { MatchingItem, MatchingUserInput, Score } from '../../../content/quiz-model.ts';

/** Incomplete while any premise is unmatched, or a premise is matched to an unknown response. */
export function validateMatching(
  input: MatchingUserInput | null | undefined,
  item: Omit<MatchingItem, 'rubric'>,
): Extract<Score, { type: 'invalid' }> | null {
  if (!input || typeof input.pairs !== 'object' || input.pairs === null)
    return { type: 'invalid', reason: 'nothing matched' };
  const responses = new Set(item.responses);
  for (const p of item.premises) {
    const r = Object.hasOwn(input.pairs, p) ? input.pairs[p] : undefined;
    if (r === undefined || r === '') return { type: 'invalid', reason: `premise "${p}" is unmatched` };
    if (!responses.has(r)) return { type: 'invalid', reason: `"${r}" is not a response of this item` };
  }
  return null;
}

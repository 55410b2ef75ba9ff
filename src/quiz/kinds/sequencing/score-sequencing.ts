import type { Score, SequencingItem, SequencingUserInput } from '../../../content/quiz-model.ts';
import { validateSequencing } from './validate-sequencing.ts';

/**
 * Partial credit "relative to the next item" (Moodle's ordering question): of the n − 1
 * adjacent pairs in the learner's order, the fraction whose second step is the one that comes
 * immediately after the first in the key. Full marks exactly when the order is the key; a
 * single-step item scores 1. Total 1.
 */
export function scoreSequencing(input: SequencingUserInput | null | undefined, item: SequencingItem): Score {
  const invalid = validateSequencing(input, item);
  if (invalid) return invalid;
  const order = input!.order;
  if (order.length === 1) return { type: 'points', earned: 1, total: 1 };
  const next = new Map<string, string>();
  item.rubric.order.forEach((s, i) => {
    const n = item.rubric.order[i + 1];
    if (n !== undefined) next.set(s, n);
  });
  let right = 0;
  for (let i = 0; i + 1 < order.length; i++) if (next.get(order[i]!) === order[i + 1]) right++;
  return { type: 'points', earned: right / (order.length - 1), total: 1 };
}

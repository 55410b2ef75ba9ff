import type { SequencingItem, SequencingPublic } from '../../../content/quiz-model.ts';
import { shuffle } from '../../random.ts';

/**
 * Steps shuffled for this attempt. The key order is never shown: when the shuffle happens to
 * produce it, the steps are rotated by one (still deterministic for the seed).
 */
export function publicSequencing(item: SequencingItem, seed: number): SequencingPublic {
  let steps = shuffle(item.steps, seed);
  const key = item.rubric.order;
  if (steps.length > 1 && steps.every((s, i) => s === key[i])) steps = [...steps.slice(1), steps[0]!];
  return { kind: 'sequencing', id: item.id, steps };
}

import type { SequencingItem, SequencingPublic } from '../../../content/quiz-model.ts';
import { sequenceHash } from '../../../content/quiz-model.ts';
import { shuffle } from '../../random.ts';

/**
 * Steps shuffled for this attempt. The key order is never shown: when the shuffle happens to
 * produce it (recognised by the key's hash, since the key itself is not loaded before
 * submission), the steps are rotated by one (still deterministic for the seed).
 */
export function publicSequencing(item: Omit<SequencingItem, 'rubric'>, seed: number): SequencingPublic {
  let steps = shuffle(item.steps, seed);
  if (steps.length > 1 && sequenceHash(steps) === item.keyHash) steps = [...steps.slice(1), steps[0]!];
  return { kind: 'sequencing', id: item.id, steps };
}

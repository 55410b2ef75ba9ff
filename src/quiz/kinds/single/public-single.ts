import type { SingleItem, SinglePublic } from '../../../content/quiz-model.ts';
import { shuffleWithFixed } from '../../random.ts';

/** Choice ids shuffled for this attempt; `fixed` choices keep their authored place. */
export function publicSingle(item: Omit<SingleItem, 'rubric'>, seed: number): SinglePublic {
  return { kind: 'single', id: item.id, choices: shuffleWithFixed(item.choices, seed).map((c) => c.id) };
}

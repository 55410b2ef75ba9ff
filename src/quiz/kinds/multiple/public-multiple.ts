import type { MultipleItem, MultiplePublic } from '../../../content/quiz-model.ts';
import { shuffleWithFixed } from '../../random.ts';

/** Choice ids shuffled for this attempt; `fixed` choices keep their authored place. */
export function publicMultiple(item: Omit<MultipleItem, 'rubric'>, seed: number): MultiplePublic {
  return { kind: 'multiple', id: item.id, choices: shuffleWithFixed(item.choices, seed).map((c) => c.id) };
}

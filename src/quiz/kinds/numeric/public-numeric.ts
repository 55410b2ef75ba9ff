import type { NumericItem, NumericPublic } from '../../../content/quiz-model.ts';

/** A number input: nothing to shuffle. */
export function publicNumeric(item: Omit<NumericItem, 'rubric'>, _seed: number): NumericPublic {
  return { kind: 'numeric', id: item.id };
}

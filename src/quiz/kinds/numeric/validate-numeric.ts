import type { NumericItem, NumericUserInput, Score } from '../../../content/quiz-model.ts';

/** Incomplete unless the value is a finite number. */
export function validateNumeric(
  input: NumericUserInput | null | undefined,
  _item: Omit<NumericItem, 'rubric'>,
): Extract<Score, { type: 'invalid' }> | null {
  if (!input || typeof input.value !== 'number' || !Number.isFinite(input.value))
    return { type: 'invalid', reason: 'no number given' };
  return null;
}

import type { Score, TrueFalseItem, TrueFalseUserInput } from '../../../content/quiz-model.ts';

/** Incomplete when neither true nor false is chosen. */
export function validateTrueFalse(
  input: TrueFalseUserInput | null | undefined,
  _item: Omit<TrueFalseItem, 'rubric'>,
): Extract<Score, { type: 'invalid' }> | null {
  if (!input || typeof input.value !== 'boolean')
    return { type: 'invalid', reason: 'neither true nor false chosen' };
  return null;
}

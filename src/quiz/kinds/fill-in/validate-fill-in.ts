import type { FillInItem, FillInUserInput, Score } from '../../../content/quiz-model.ts';
import { normalizeAnswer } from '../../normalize.ts';

/** Incomplete when the text is empty once normalised (spaces or punctuation only). */
export function validateFillIn(
  input: FillInUserInput | null | undefined,
  _item: Omit<FillInItem, 'rubric'>,
): Extract<Score, { type: 'invalid' }> | null {
  if (!input || typeof input.text !== 'string' || normalizeAnswer(input.text) === '')
    return { type: 'invalid', reason: 'no answer typed' };
  return null;
}

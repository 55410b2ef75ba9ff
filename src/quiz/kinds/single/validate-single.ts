import type { Score, SingleItem, SingleUserInput } from '../../../content/quiz-model.ts';

/** Incomplete when nothing is selected or the selection is not a choice of this item. */
export function validateSingle(
  input: SingleUserInput | null | undefined,
  item: Omit<SingleItem, 'rubric'>,
): Extract<Score, { type: 'invalid' }> | null {
  if (!input || typeof input.selected !== 'string' || input.selected === '')
    return { type: 'invalid', reason: 'no choice selected' };
  if (!item.choices.some((c) => c.id === input.selected))
    return { type: 'invalid', reason: `"${input.selected}" is not a choice of this item` };
  return null;
}

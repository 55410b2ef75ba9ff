import type { MultipleItem, MultipleUserInput, Score } from '../../../content/quiz-model.ts';

/** Incomplete when nothing is selected, a choice is selected twice, or one is not of this item. */
export function validateMultiple(
  input: MultipleUserInput | null | undefined,
  item: Omit<MultipleItem, 'rubric'>,
): Extract<Score, { type: 'invalid' }> | null {
  if (!input || !Array.isArray(input.selected) || input.selected.length === 0)
    return { type: 'invalid', reason: 'no choice selected' };
  if (new Set(input.selected).size !== input.selected.length)
    return { type: 'invalid', reason: 'a choice is selected twice' };
  const ids = new Set(item.choices.map((c) => c.id));
  const unknown = input.selected.find((s) => !ids.has(s));
  if (unknown !== undefined) return { type: 'invalid', reason: `"${unknown}" is not a choice of this item` };
  return null;
}

import type { Score, SequencingItem, SequencingUserInput } from '../../../content/quiz-model.ts';

/** Incomplete unless the order holds every step exactly once. */
export function validateSequencing(
  input: SequencingUserInput | null | undefined,
  item: Omit<SequencingItem, 'rubric'>,
): Extract<Score, { type: 'invalid' }> | null {
  if (!input || !Array.isArray(input.order) || input.order.length === 0)
    return { type: 'invalid', reason: 'no order given' };
  const steps = new Set(item.steps);
  if (
    input.order.length !== steps.size ||
    new Set(input.order).size !== steps.size ||
    input.order.some((s) => !steps.has(s))
  )
    return { type: 'invalid', reason: 'the order must hold every step exactly once' };
  return null;
}

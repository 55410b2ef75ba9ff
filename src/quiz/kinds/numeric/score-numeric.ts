import type { NumericItem, NumericUserInput, Score } from '../../../content/quiz-model.ts';
import { validateNumeric } from './validate-numeric.ts';

/** Guards against binary rounding at the edge of the tolerance (0.1 + 0.2 vs 0.3). */
const EPSILON = 1e-9;

/** All or nothing: 1 point when |value − key| ≤ tolerance, else 0. */
export function scoreNumeric(input: NumericUserInput | null | undefined, item: NumericItem): Score {
  const invalid = validateNumeric(input, item);
  if (invalid) return invalid;
  const { value, tolerance } = item.rubric;
  const ok = Math.abs(input!.value - value) <= tolerance + EPSILON * Math.max(1, Math.abs(value));
  return { type: 'points', earned: ok ? 1 : 0, total: 1 };
}

import type { MultipleItem, MultipleUserInput, Score } from '../../../content/quiz-model.ts';
import { validateMultiple } from './validate-multiple.ts';

/**
 * Partial credit per choice, with k = the number of correct choices: +1/k for each correct
 * choice picked, −1/k for each wrong choice picked, floored at 0; total 1. Picking every choice
 * therefore earns nothing unless every choice is correct, and full marks need exactly the key.
 * (Moodle's multiple-response rule with wrong choices weighted −1/k.)
 */
export function scoreMultiple(input: MultipleUserInput | null | undefined, item: MultipleItem): Score {
  const invalid = validateMultiple(input, item);
  if (invalid) return invalid;
  const key = new Set(item.rubric.correct);
  const k = key.size;
  let right = 0;
  let wrong = 0;
  for (const s of input!.selected) {
    if (key.has(s)) right++;
    else wrong++;
  }
  const earned = Math.max(0, (right - wrong) / k);
  return { type: 'points', earned, total: 1 };
}

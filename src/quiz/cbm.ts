import type { Certainty, Score } from '../content/quiz-model.ts';
import { fraction } from './score.ts';

/** Marks for a right answer at certainty 1, 2, 3 (Moodle CBM). */
export const CBM_RIGHT: Record<Certainty, number> = { 1: 1, 2: 2, 3: 3 };
/** Marks for a wrong answer at certainty 1, 2, 3 (Moodle CBM). */
export const CBM_WRONG: Record<Certainty, number> = { 1: 0, 2: -2, 3: -6 };

/**
 * Certainty-based marks for one scored item, Moodle's rule (`question_cbm::adjust_fraction`):
 * a fraction f > 0 earns f × the right-answer mark for the certainty (partial credit scales the
 * reward), and f = 0 (wrong or incomplete) earns the wrong-answer penalty: 0, −2 or −6. The
 * maximum per item is 3.
 */
export function cbmMarks(score: Score, certainty: Certainty): number {
  const f = fraction(score);
  return f > 0 ? CBM_RIGHT[certainty] * f : CBM_WRONG[certainty];
}

/**
 * The certainty assumed for an item answered (or left) without one, as Moodle does
 * (`question_cbm::default_certainty`): the lowest, so a forgotten certainty never costs marks.
 */
export const CBM_DEFAULT_CERTAINTY: Certainty = 1;

/** The most CBM marks an item can earn (certainty 3, right). */
export const CBM_MAX_PER_ITEM = 3;

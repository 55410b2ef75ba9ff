import type { GradingMethod, Score } from '../content/quiz-model.ts';

/**
 * The two small rules that turn scores into a grade, in a module of their own so that the saved
 * record (log-codec.ts) and the tracking bridge can use them at launch without loading the
 * scoring of every item kind.
 */

/** The earned fraction of a score; an invalid (incomplete) answer counts as 0. */
export function fraction(score: Score): number {
  return score.type === 'points' && score.total > 0 ? score.earned / score.total : 0;
}

/** The quiz grade from attempt percents, by grading method; null when there are none. */
export function gradeAttempts(percents: readonly number[], method: GradingMethod): number | null {
  if (percents.length === 0) return null;
  switch (method) {
    case 'highest':
      return Math.max(...percents);
    case 'last':
      return percents[percents.length - 1]!;
    case 'average':
      return percents.reduce((a, b) => a + b, 0) / percents.length;
  }
}

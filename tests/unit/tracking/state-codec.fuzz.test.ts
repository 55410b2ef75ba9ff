import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/content/compile.ts';
import type { QuizDefinition } from '../../../src/content/quiz-model.ts';
import { decodeAttempts } from '../../../src/quiz/codec.ts';
import { mulberry32 } from '../../../src/quiz/random.ts';
import { decodeState, encodeState } from '../../../src/tracking/state-codec.ts';
import { attemptPool, randomReachableState, worstCaseState } from '../../support/resume-states.ts';
import { bank, quiz } from '../quiz/builders.ts';

/** SCORM 1.2 allows 4,096 characters of suspend_data; the course keeps to half of that. */
const BUDGET = 2000;

const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const course = compileCourse({ root });
const realQuizzes = course.quizzes.map((q) => q.definition);

/**
 * The quiz plan of quizzes/README.md, to see the budget before every quiz is written: a final
 * assessment drawing 20 of 84 mixed items, 3 attempts, with certainty-based marking; a formative
 * check of 7 mixed items (one of each kind) per lesson.
 */
const plannedQuizzes: QuizDefinition[] = [
  quiz(bank(12, 7), { id: 'final', draw: 20, attempts: 3, cbm: true }),
  ...course.index.lessons.map((l, i) =>
    quiz(bank(1, 7).map((item) => ({ ...item, id: `${l.id}-${item.id}`, lesson: l.id })), { id: `check-${String(i + 1).padStart(2, '0')}`, kind: 'formative', attempts: null, feedback: 'immediate' }),
  ),
];

describe('resume state of this course', () => {
  const worstCase = (quizzes: QuizDefinition[]) => {
    const codecCourse = { lessons: course.index.lessons, quizzes };
    const worst = worstCaseState(course.index, quizzes);
    const encoded = encodeState(worst, codecCourse);
    expect(decodeState(encoded, codecCourse)).toEqual({ ok: true, version: 2, state: worst });
    const byId = (id: string) => quizzes.find((q) => q.id === id);
    expect(decodeAttempts(worst.attempts, byId).errors).toEqual([]);
    return encoded.length;
  };

  it('stays within 2,000 characters at its worst, with every quiz written so far at its maximum attempts', () => {
    const length = worstCase(realQuizzes);
    console.log(`worst-case resume state, ${realQuizzes.length} quizzes written: ${length} characters`);
    expect(length).toBeLessThanOrEqual(BUDGET);
  });

  it('round-trips the worst case of the planned quizzes exactly (its length is reported, not yet bounded)', () => {
    const length = worstCase(plannedQuizzes);
    console.log(`worst-case resume state, planned quizzes: ${length} characters`);
    expect(length).toBeGreaterThan(worstCase([]));
  });

  it('round-trips 100,000 random reachable states exactly, each within the budget', () => {
    const quizzes = realQuizzes.length > 0 ? realQuizzes : plannedQuizzes;
    const codecCourse = { lessons: course.index.lessons, quizzes };
    const pool = attemptPool(quizzes, 400);
    const byId = (id: string) => quizzes.find((q) => q.id === id);
    // The attempts are opaque to the state codec; check once that every one of them is readable.
    for (const a of pool) expect(decodeAttempts(a, byId).errors).toEqual([]);
    const rnd = mulberry32(20_200_427);
    let longest = 0;
    for (let i = 0; i < 100_000; i++) {
      const s = randomReachableState(course.index, pool, rnd);
      const encoded = encodeState(s, codecCourse);
      longest = Math.max(longest, encoded.length);
      const back = decodeState(encoded, codecCourse);
      if (!back.ok || encoded.length > BUDGET) expect({ encoded, back }).toEqual({ encoded, back: { ok: true, state: s, version: 2 } });
      // toEqual on every state would take most of the run; compare a canonical form instead.
      if (JSON.stringify(back.ok && back.state) !== JSON.stringify(s)) expect(back).toEqual({ ok: true, state: s, version: 2 });
    }
    expect(longest).toBeLessThanOrEqual(BUDGET);
  }, 60_000);
});

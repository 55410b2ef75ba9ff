import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/content/compile.ts';
import type { QuizDefinition } from '../../../src/content/quiz-model.ts';
import {
  QUIZ_RECORD_BUDGET,
  decodeQuizLogs,
  drawItems,
  encodeQuizLogs,
  encodeResponses,
  type QuizLog,
} from '../../../src/quiz/index.ts';
import { longestResponse } from '../../support/resume-states.ts';
import { bank, quiz } from './builders.ts';

/**
 * The quiz part of the resume state at its worst must leave room for the rest (visited sections,
 * location, preferences) within the course's 2,000-character budget for cmi.suspend_data.
 */
const QUIZ_BUDGET = QUIZ_RECORD_BUDGET;

const root = path.resolve(import.meta.dirname, '../../..');
const course = compileCourse({ root });

/** The last day the record can hold: a known day of submission always takes 3 characters. */
const LAST_DAY = 36 ** 3 - 1;

/**
 * Every quiz at its worst: the longest draw and responses (with a certainty each where the quiz
 * uses certainty-based marking), every limited attempt used but the last, which is in progress,
 * each used one with its day of submission, and every formative check with an attempt in
 * progress too.
 */
function worstLogs(quizzes: readonly QuizDefinition[]): string {
  const logs: Record<string, QuizLog> = {};
  for (const q of quizzes) {
    let worst = { seed: 0, tokens: '' };
    for (let i = 0; i < 300; i++) {
      const seed = 2 ** 31 + ((i * 2654435761) % 2 ** 31);
      const items = drawItems(q, seed);
      // A quiz with certainty-based marking saves a certainty with each response (`^3`).
      const tokens = encodeResponses(
        q,
        seed,
        items.map(longestResponse),
        q.cbm ? items.map(() => 3 as const) : undefined,
      );
      if (tokens.length > worst.tokens.length) worst = { seed, tokens };
    }
    logs[q.id] =
      q.attempts === null
        ? { submitted: [], count: 1295, best: 1000, current: worst }
        : {
            submitted: Array.from({ length: q.attempts - 1 }, () => ({
              ...worst,
              score: 1000,
              day: LAST_DAY,
            })),
            count: q.attempts - 1,
            best: 1000,
            current: worst,
          };
  }
  const text = encodeQuizLogs(logs, quizzes);
  const back = decodeQuizLogs(text, quizzes);
  expect(back.errors).toEqual([]);
  // Everything but formative attempts in progress survives, whatever the budget.
  for (const q of quizzes) expect(back.logs[q.id]).toMatchObject({ count: logs[q.id]!.count, best: 1000 });
  const final = quizzes.find((q) => q.attempts !== null);
  if (final) {
    expect(back.logs[final.id]!.current).toEqual(logs[final.id]!.current);
    expect(back.logs[final.id]!.submitted).toEqual(logs[final.id]!.submitted);
  }
  return text;
}

describe('the quiz record in the resume state', () => {
  it(`stays within ${QUIZ_BUDGET} characters at its worst for the quizzes written so far`, () => {
    const quizzes = course.quizzes.map((q) => q.definition);
    const length = worstLogs(quizzes).length;
    console.log(`worst-case quiz record, ${quizzes.length} quizzes written: ${length} characters`);
    expect(length).toBeLessThanOrEqual(QUIZ_BUDGET);
  });

  it(`stays within ${QUIZ_BUDGET} characters for the planned course: 12 formative checks and a final bank`, () => {
    const planned = [
      ...Array.from({ length: 12 }, (_, i) =>
        quiz(bank(1, 7), {
          id: `${String(i + 1).padStart(2, '0')}-lesson`,
          kind: 'formative',
          attempts: null,
          draw: 7,
        }),
      ),
      quiz(bank(12, 5), { id: 'final', draw: 20 }),
    ];
    const length = worstLogs(planned).length;
    console.log(`worst-case quiz record, planned course: ${length} characters`);
    expect(length).toBeLessThanOrEqual(QUIZ_BUDGET);
  });
});

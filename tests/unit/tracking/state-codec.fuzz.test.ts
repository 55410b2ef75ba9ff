import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/content/compile.ts';
import { decodeQuizLogs, encodeQuizLogs, mulberry32 } from '../../../src/quiz/index.ts';
import { decodeState, encodeState } from '../../../src/tracking/state-codec.ts';
import { attemptPool, randomReachableState, worstCaseState } from '../../support/resume-states.ts';

/** SCORM 1.2 allows 4,096 characters of suspend_data; the course keeps to half of that. */
const BUDGET = 2000;

const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const course = compileCourse({ root });
const quizzes = course.quizzes.map((q) => q.definition);

describe('resume state of this course', () => {
  it('stays within 2,000 characters at its worst: every section visited, every quiz at its maximum attempts, each dated', () => {
    const worst = worstCaseState(course.index, quizzes);
    const encoded = encodeState(worst, course.index);
    console.log(`worst-case resume state (${quizzes.length} quizzes): ${encoded.length} characters, of which the quiz record ${worst.attempts.length}`);
    expect(encoded.length).toBeLessThanOrEqual(BUDGET);
    expect(decodeState(encoded, course.index)).toEqual({ ok: true, version: 2, state: worst });
    const logs = decodeQuizLogs(worst.attempts, quizzes);
    expect(logs.errors).toEqual([]);
    const limited = quizzes.filter((q) => q.attempts !== null);
    expect(limited.length).toBeGreaterThan(0);
    for (const q of limited) expect(logs.logs[q.id]!.submitted.map((a) => a.day)).toEqual(Array(q.attempts).fill(36 ** 3 - 1));
  });

  it('round-trips 100,000 random reachable states exactly, each within the budget', () => {
    const pool = attemptPool(quizzes, 300);
    // The quiz record is opaque to the state codec; check once that every one of them is readable
    // and written back the same, attempts with a day and attempts saved before days were kept alike.
    const days = { known: 0, unknown: 0 };
    for (const a of pool) {
      const back = decodeQuizLogs(a, quizzes);
      expect(back.errors).toEqual([]);
      expect(encodeQuizLogs(back.logs, quizzes)).toBe(a);
      for (const log of Object.values(back.logs)) for (const s of log.submitted) days[s.day === null ? 'unknown' : 'known']++;
    }
    expect(days.known).toBeGreaterThan(100);
    expect(days.unknown).toBeGreaterThan(20);
    const rnd = mulberry32(20_200_427);
    let longest = 0;
    for (let i = 0; i < 100_000; i++) {
      const s = randomReachableState(course.index, pool, rnd);
      const encoded = encodeState(s, course.index);
      longest = Math.max(longest, encoded.length);
      const back = decodeState(encoded, course.index);
      if (!back.ok || encoded.length > BUDGET) expect({ encoded, back }).toEqual({ encoded, back: { ok: true, state: s, version: 2 } });
      // toEqual on every state would take most of the run; compare a canonical form instead.
      if (JSON.stringify(back.ok && back.state) !== JSON.stringify(s)) expect(back).toEqual({ ok: true, state: s, version: 2 });
    }
    expect(longest).toBeLessThanOrEqual(BUDGET);
  }, 60_000);
});

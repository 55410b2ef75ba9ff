import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuizKey } from '../../../src/content/quiz-model.ts';
import { publicQuiz, quizKey } from '../../../src/content/vite-plugin.ts';
import {
  EMPTY_LOG,
  answerItem,
  beginAttempt,
  calendarDay,
  completionDay,
  currentRecord,
  dayToDate,
  decodeQuizLogs,
  drawItems,
  encodeQuizLogs,
  logOutcome,
  quizRefHash,
  savedToRecord,
  submitAttempt,
  toPerMille,
  withKey,
  type QuizLog,
  type QuizRef,
  type SubmittedAttempt,
} from '../../../src/quiz/index.ts';
import { bank, quiz, trueFalse } from './builders.ts';

/** 20 true-false items whose key is `true`, 3 attempts. */
const final = quiz(
  Array.from({ length: 20 }, (_, i) => trueFalse(true, `t${i}`, `l${i % 4}`)),
  { draw: 20 },
);
const formative = quiz(bank(1, 7), {
  id: '04-tpnw',
  kind: 'formative',
  attempts: null,
  draw: 7,
  feedback: 'immediate',
});

/** 2025-06-12, day 1,989 of the record (`1j9`). */
const JUNE_12 = 1989;

/** Runs one attempt with `right` items answered right and submits it on `day`. */
function take(
  log: QuizLog,
  right: number,
  seed = 7,
  day: number | null = JUNE_12,
): ReturnType<typeof submitAttempt> {
  let l = beginAttempt(final, log, seed)!;
  drawItems(final, seed).forEach((_, i) => {
    l = answerItem(final, l, i, { value: i < right });
  });
  return submitAttempt(final, l, day);
}

describe('an attempt in the log', () => {
  it('starts with every item unanswered and keeps responses as the learner answers', () => {
    const started = beginAttempt(final, EMPTY_LOG, 42)!;
    expect(currentRecord(final, started)!.responses).toEqual(new Array(20).fill(null));
    const answered = answerItem(final, started, 3, { value: false });
    expect(currentRecord(final, answered)!.responses[3]).toEqual({ value: false });
    expect(answerItem(final, answered, 3, null).current).toEqual(started.current);
  });

  it('resumes the attempt in progress rather than starting another', () => {
    const started = beginAttempt(final, EMPTY_LOG, 42)!;
    expect(beginAttempt(final, started, 99)).toBe(started);
    expect(beginAttempt(final, started, 99, true)!.current!.seed).toBe(99);
  });

  it('records the score and the best, fails once and passes on the second attempt', () => {
    const first = take(EMPTY_LOG, 15)!;
    expect(first.result.passed).toBe(false);
    expect(first.log).toMatchObject({ count: 1, best: 750, current: null });
    expect(logOutcome(final, first.log)).toMatchObject({
      attemptsUsed: 1,
      attemptsLeft: 2,
      passed: false,
      failed: false,
    });
    const second = take(first.log, 16, 8)!;
    expect(second.result.passed).toBe(true);
    expect(logOutcome(final, second.log)).toEqual({
      attemptsUsed: 2,
      attemptsLeft: 1,
      grade: 0.8,
      best: 0.8,
      passed: true,
      failed: false,
    });
  });

  it('refuses a fourth attempt and reports the quiz failed when no attempt passed', () => {
    let log = EMPTY_LOG;
    for (let i = 0; i < 3; i++) log = take(log, 10, i)!.log;
    expect(beginAttempt(final, log, 5)).toBeNull();
    expect(logOutcome(final, log)).toMatchObject({
      attemptsLeft: 0,
      passed: false,
      failed: true,
      grade: 0.5,
    });
  });

  it('grades by the quiz method: last and average as well as highest', () => {
    let log = EMPTY_LOG;
    for (const right of [18, 12, 14]) log = take(log, right)!.log;
    expect(logOutcome({ ...final, grading: 'highest' }, log).grade).toBe(0.9);
    expect(logOutcome({ ...final, grading: 'last' }, log).grade).toBe(0.7);
    expect(logOutcome({ ...final, grading: 'average' }, log).grade).toBeCloseTo(0.7333, 3);
    expect(logOutcome({ ...final, grading: 'last' }, log).passed).toBe(false);
  });

  it('keeps only the latest attempt of an unlimited quiz, with its best score and count', () => {
    let log = EMPTY_LOG;
    for (let i = 0; i < 5; i++) {
      log = beginAttempt(formative, log, i)!;
      log = submitAttempt(formative, log, JUNE_12)!.log;
    }
    expect(log.count).toBe(5);
    expect(log.submitted).toHaveLength(1);
    expect(logOutcome(formative, log)).toMatchObject({
      attemptsLeft: null,
      grade: 0,
      passed: false,
      failed: false,
    });
  });

  it('stores scores per mille rounded down, so a stored score never passes where the exact one failed', () => {
    expect(toPerMille(0.8)).toBe(800);
    expect(toPerMille(16 / 20)).toBe(800);
    expect(toPerMille(0.79996)).toBe(799);
    expect(toPerMille(1)).toBe(1000);
    expect(toPerMille(0)).toBe(0);
  });
});

describe('the saved form of the logs', () => {
  const refs: QuizRef[] = [
    { id: final.id, attempts: 3 },
    { id: formative.id, attempts: null },
  ];
  const byId = { [final.id]: final, [formative.id]: formative };

  it('writes each quiz as a 3-character ref, attempts with their score and day, and a summary for an unlimited quiz', () => {
    const f = take(EMPTY_LOG, 16)!.log;
    const started = beginAttempt(formative, { ...EMPTY_LOG, count: 2, best: 571 }, 11)!;
    const text = encodeQuizLogs({ [final.id]: f, [formative.id]: started }, refs);
    const [a, s, p] = text.split(';');
    expect(a).toMatch(new RegExp(`^${quizRefHash('final')}:7:(t|f)(,(t|f)){19}:m8:1j9$`));
    expect(s).toBe(`${quizRefHash('04-tpnw')}#fv.2`);
    expect(p).toBe(`${quizRefHash('04-tpnw')}:b:${',,,,,,'}:p`);
    expect(decodeQuizLogs(text, refs)).toEqual({
      logs: { [final.id]: f, [formative.id]: { ...started, submitted: [] } },
      errors: [],
    });
  });

  it('falls back to the literal id when two quizzes share a hash', () => {
    // 18-bit hashes: among a few thousand ids two share one (the birthday bound).
    const seen = new Map<string, string>();
    let a = '';
    let b = '';
    for (let i = 0; !b; i++) {
      const id = `quiz-${i}`;
      const other = seen.get(quizRefHash(id));
      if (other) [a, b] = [other, id];
      else seen.set(quizRefHash(id), id);
    }
    const log: QuizLog = {
      submitted: [{ seed: 1, tokens: 't', score: 1000, day: null }],
      count: 1,
      best: 1000,
      current: null,
    };
    const qs = [
      { id: a, attempts: 3 },
      { id: b, attempts: 3 },
    ];
    const text = encodeQuizLogs({ [a]: log, [b]: log }, qs);
    expect(text).toBe(`(${a}):1:t:rs;(${b}):1:t:rs`);
    expect(decodeQuizLogs(text, qs).logs).toEqual({ [a]: log, [b]: log });
  });

  it('round-trips any log it can hold, with or without days of submission (property)', () => {
    const attemptArb = fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      tokens: fc.constantFrom(',,,', 't,f,,t', '2,03,=ab%2C'),
    });
    const finalLog = fc
      .tuple(
        fc.array(
          fc.record({
            ...{ seed: attemptArb.map((a) => a.seed), tokens: attemptArb.map((a) => a.tokens) },
            // 25 ‰ is `p` in base 36, as the mark of an attempt in progress: it must not read as one.
            score: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(25)),
            day: fc.option(fc.integer({ min: 0, max: 36 ** 3 - 1 }), { nil: null }),
          }),
          { maxLength: 3 },
        ),
        fc.option(attemptArb, { nil: null }),
      )
      .map(([submitted, current]): QuizLog => ({
        submitted,
        count: submitted.length,
        best: submitted.length ? Math.max(...submitted.map((s) => s.score)) : null,
        current,
      }));
    const formativeLog = fc
      .tuple(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.option(attemptArb, { nil: null }),
      )
      .map(([count, best, current]): QuizLog => ({
        submitted: [],
        count,
        best: count ? best : null,
        current,
      }));
    fc.assert(
      fc.property(finalLog, formativeLog, (f, s) => {
        const logs = { [final.id]: f, [formative.id]: s };
        const back = decodeQuizLogs(encodeQuizLogs(logs, refs), refs);
        expect(back.errors).toEqual([]);
        const expected: Record<string, QuizLog> = {};
        if (f.count > 0 || f.current) expected[final.id] = f;
        if (s.count > 0 || s.current)
          expected[formative.id] = s.count > 0 ? s : { ...s, count: 0, best: null };
        expect(back.logs).toEqual(expected);
      }),
    );
  });

  it('reads a submitted score of 25 per mille (`p` in base 36) back as a score, not as an attempt in progress', () => {
    const ref = quizRefHash('final');
    for (const day of [null, JUNE_12]) {
      const log: QuizLog = {
        submitted: [{ seed: 1, tokens: 't', score: 25, day }],
        count: 1,
        best: 25,
        current: null,
      };
      const text = encodeQuizLogs({ [final.id]: log }, refs);
      expect(text).toBe(day === null ? `${ref}:1:t:0p` : `${ref}:1:t:0p:1j9`);
      expect(decodeQuizLogs(text, refs)).toEqual({ logs: { [final.id]: log }, errors: [] });
    }
  });

  it('reports, never throws on, entries it cannot use', () => {
    const r = decodeQuizLogs(
      `garbage;${quizRefHash('final')}:zzzzzzzz:t:1;AAA#10.1;${quizRefHash('final')}#rs.1`,
      refs,
    );
    expect(r.logs).toEqual({});
    expect(r.errors).toHaveLength(4);
    // A day of other than 3 lower-case base-36 digits is not one this codec writes.
    const ref = quizRefHash('final');
    const days = decodeQuizLogs(`${ref}:1:t:rs:1j;${ref}:1:t:rs:1j9a;${ref}:1:t:rs:1J9;${ref}:1:t:rs:`, refs);
    expect(days.logs).toEqual({});
    expect(days.errors).toEqual(
      Array.from({ length: 4 }, () => expect.stringMatching(/^unreadable quiz entry/)),
    );
    expect(decodeQuizLogs('', refs)).toEqual({ logs: {}, errors: [] });
  });

  it('restores a saved attempt exactly, or says it no longer fits the quiz', () => {
    const f = take(EMPTY_LOG, 12)!;
    const back = decodeQuizLogs(encodeQuizLogs({ [final.id]: f.log }, refs), refs).logs[final.id]!;
    expect(savedToRecord(byId[final.id]!, back.submitted[0]!)).toEqual(f.record);
    expect(savedToRecord(quiz([trueFalse()], { draw: 1 }), back.submitted[0]!)).toBeNull();
  });
});

describe('the day of a submission', () => {
  const refs: QuizRef[] = [{ id: final.id, attempts: 3 }];
  const ref = quizRefHash('final');
  const utc = (d: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);

  it('counts local calendar days from 2020-01-01, whatever the hour, within what the record holds', () => {
    expect(calendarDay(new Date(2020, 0, 1))).toBe(0);
    expect(calendarDay(new Date(2025, 5, 12, 0, 0))).toBe(JUNE_12);
    expect(calendarDay(new Date(2025, 5, 12, 23, 59, 59))).toBe(JUNE_12);
    expect(calendarDay(new Date(2147, 8, 27))).toBe(36 ** 3 - 1);
    // A clock set before 2020, or past 2147: a day the record cannot hold is unknown.
    expect(calendarDay(new Date(2019, 11, 31))).toBeNull();
    expect(calendarDay(new Date(2147, 8, 28))).toBeNull();
    expect(calendarDay(new Date(Number.NaN))).toBeNull();
  });

  it('turns a day back into that calendar day, shown in UTC so it never shifts (property)', () => {
    expect(utc(dayToDate(JUNE_12))).toBe('12 June 2025');
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2020, 0, 1), max: new Date(2147, 8, 27, 23), noInvalidDate: true }),
        (d) => {
          const back = dayToDate(calendarDay(d)!);
          expect([back.getUTCFullYear(), back.getUTCMonth(), back.getUTCDate()]).toEqual([
            d.getFullYear(),
            d.getMonth(),
            d.getDate(),
          ]);
        },
      ),
    );
  });

  it('records the day the caller passes, not the clock, and an impossible day as unknown', () => {
    expect(take(EMPTY_LOG, 20, 7, JUNE_12)!.log.submitted[0]!.day).toBe(JUNE_12);
    expect(take(EMPTY_LOG, 20, 7, 0)!.log.submitted[0]!.day).toBe(0);
    expect(take(EMPTY_LOG, 20, 7, null)!.log.submitted[0]!.day).toBeNull();
    expect(take(EMPTY_LOG, 20, 7, -1)!.log.submitted[0]!.day).toBeNull();
    expect(take(EMPTY_LOG, 20, 7, 36 ** 3)!.log.submitted[0]!.day).toBeNull();
    expect(take(EMPTY_LOG, 20, 7, 1.5)!.log.submitted[0]!.day).toBeNull();
  });

  it('writes a known day as 3 base-36 digits after the score, and nothing for an unknown one', () => {
    const first = take(EMPTY_LOG, 12, 7, 0)!.log;
    const second = take(first, 16, 8, null)!.log;
    const third = take(second, 20, 9, 36 ** 3 - 1)!.log;
    const text = encodeQuizLogs({ [final.id]: third }, refs);
    // ref, seed, tokens, then the score (600, 800, 1000 ‰) and the day (0, unknown, the last one held)
    expect(text.split(';').map((e) => e.split(':').slice(3))).toEqual([['go', '000'], ['m8'], ['rs', 'zzz']]);
    expect(decodeQuizLogs(text, refs)).toEqual({ logs: { [final.id]: third }, errors: [] });
  });

  it('reads a record saved before days were recorded, and one where later attempts have days', () => {
    // As an earlier build wrote it: an attempt is ref, seed, tokens and score.
    const old = `${ref}:7:t,f:go;${ref}:8:t,t:m8`;
    expect(decodeQuizLogs(old, refs)).toEqual({
      logs: {
        [final.id]: {
          submitted: [
            { seed: 7, tokens: 't,f', score: 600, day: null },
            { seed: 8, tokens: 't,t', score: 800, day: null },
          ],
          count: 2,
          best: 800,
          current: null,
        },
      },
      errors: [],
    });
    // The same learner, a third attempt submitted with this build: the old entries are written as they were.
    const mixed = decodeQuizLogs(`${old};${ref}:9:t,t:rs:1j9`, refs);
    expect(mixed.errors).toEqual([]);
    expect(mixed.logs[final.id]!.submitted.map((a) => a.day)).toEqual([null, null, JUNE_12]);
    expect(encodeQuizLogs(mixed.logs, refs)).toBe(`${old};${ref}:9:t,t:rs:1j9`);
  });
});

describe('the day a quiz was completed', () => {
  /** A log of submitted attempts from [score per mille, day] pairs. */
  const logOf = (...attempts: [number, number | null][]): QuizLog => {
    const submitted: SubmittedAttempt[] = attempts.map(([score, day], i) => ({
      seed: i,
      tokens: '',
      score,
      day,
    }));
    return {
      submitted,
      count: submitted.length,
      best: submitted.length ? Math.max(...submitted.map((a) => a.score)) : null,
      current: null,
    };
  };
  const highest = { ...final, grading: 'highest' as const };
  const last = { ...final, grading: 'last' as const };
  const average = { ...final, grading: 'average' as const };

  it('is the day of the first passing attempt with highest grading, whatever came after', () => {
    expect(completionDay(highest, logOf([750, 10], [800, 11], [1000, 12]))).toBe(11);
    expect(completionDay(highest, logOf([900, 10], [300, 11]))).toBe(10);
    expect(completionDay(highest, logOf([790, 10], [799, 11]))).toBeNull();
  });

  it('is the day from which the last attempt has passed, with last grading', () => {
    expect(completionDay(last, logOf([800, 10], [900, 11]))).toBe(10);
    expect(completionDay(last, logOf([800, 10], [500, 11], [850, 12]))).toBe(12);
    expect(completionDay(last, logOf([900, 10], [500, 11]))).toBeNull();
  });

  it('is the day from which the running average has reached the pass mark and stayed there, with average grading', () => {
    expect(completionDay(average, logOf([700, 10], [900, 11]))).toBe(11);
    expect(completionDay(average, logOf([1000, 10], [700, 11]))).toBe(10);
    expect(completionDay(average, logOf([900, 10], [600, 11], [900, 12]))).toBe(12);
    expect(completionDay(average, logOf([900, 10], [600, 11]))).toBeNull();
  });

  it('is unknown, never a later day, when the deciding attempt was saved before days were recorded', () => {
    expect(completionDay(highest, logOf([850, null], [950, 12]))).toBeNull();
    expect(completionDay(highest, logOf([500, null], [850, 12]))).toBe(12);
  });

  it('is unknown before any attempt and for a quiz with unlimited attempts, whose record keeps no days', () => {
    expect(completionDay(highest, EMPTY_LOG)).toBeNull();
    expect(completionDay(formative, { ...logOf([1000, 10]), count: 4 })).toBeNull();
  });

  it('is known exactly when the quiz is passed, by any grading method (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('highest' as const, 'last' as const, 'average' as const),
        fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 3 }),
        (grading, passMark, scores) => {
          const q = { ...final, grading, passMark };
          const log = logOf(...scores.map((score, i): [number, number] => [score, 100 + i]));
          const day = completionDay(q, log);
          expect(day !== null).toBe(logOutcome(q, log).passed);
          // The outcome is passed after the deciding attempt and after every one that follows it.
          if (day !== null)
            for (let n = day - 100 + 1; n <= scores.length; n++)
              expect(
                logOutcome(q, logOf(...scores.slice(0, n).map((x): [number, null] => [x, null]))).passed,
              ).toBe(true);
        },
      ),
    );
  });
});

describe('the key joined at submit time', () => {
  it('scores the public structure joined with its key as the full definition', () => {
    const compiled = {
      definition: formative,
      text: { es: { title: '', items: {} }, en: { title: '', items: {} }, zh: { title: '', items: {} } },
      feedback: { es: {}, en: {}, zh: {} },
    };
    const { structure } = publicQuiz(compiled, 'en');
    expect(JSON.stringify(structure)).not.toContain('rubric');
    expect(withKey(structure, quizKey(compiled, 'en'))).toEqual(formative);
  });

  it('refuses a key that belongs to another quiz or lacks an item', () => {
    const compiled = { definition: formative, text: {} as never, feedback: { es: {}, en: {}, zh: {} } };
    const { structure } = {
      structure: { ...formative, items: formative.items.map(({ rubric: _r, ...i }) => i) },
    };
    const key: QuizKey = quizKey(compiled, 'en');
    expect(() => withKey(structure, { ...key, id: 'final' })).toThrow(/does not belong/);
    expect(() => withKey(structure, { ...key, rubrics: {} })).toThrow(/no answer for item/);
  });
});

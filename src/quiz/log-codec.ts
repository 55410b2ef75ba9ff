import type { GradingMethod } from '../content/quiz-model.ts';
import { hashString } from '../content/quiz-model.ts';
import { gradeAttempts } from './grade.ts';
import { isSeed } from './random.ts';

/**
 * The learner's quiz record: per quiz, the attempts that count and the one in progress, kept in
 * the compact form that is saved (the `attempts` field of the resume state, cmi.suspend_data).
 *
 * Why this shape: the whole course state must fit in 2,000 characters, and the quiz structures
 * load lazily, so the record is written without them. An attempt is its seed (which restores the
 * items drawn, their order and their choice order) and its response tokens (codec.ts), plus the
 * score it earned when submitted and the day it was submitted, so grades, pass/fail and the date
 * of completion (the certificate's) are known at launch without loading a quiz or its key. A quiz
 * with unlimited attempts (a formative check) keeps only its best score and how many attempts
 * were made; a quiz with limited attempts keeps every attempt, so "last" and "average" grading
 * work and a review can be shown after a reload.
 *
 * Saved form (the `attempts` field), entries joined with `;`:
 *
 *     Xk3:1k3jz9c:2,t,03,,1996:rs:1l0   an attempt: quiz ref, seed (base 36), tokens, score, day
 *     Xk3:1k3jz9c:2,t,03,,1996:rs       the same attempt saved by a build before days (day unknown)
 *     Xk3:9a0b1:2,,f,,:p                the attempt in progress (`p`)
 *     Pq_#m8.3                          unlimited quiz: best score 800 ‰ (base 36), 3 attempts
 *
 * A quiz ref is a 3-character hash of the quiz id when no other quiz of the course shares it, else
 * the id in parentheses. Scores are per mille, rounded down, so a stored score never passes
 * where the exact one failed; 25 ‰ is written `0p`, as a lone `p` marks the attempt in progress.
 * The day is the learner's local calendar day of the submission, counted from 2020-01-01 (day 0),
 * in 3 base-36 digits (`1l0` is day 2,052: 2025-08-14), so it holds days up to 2147; it is
 * optional, as records saved before it was added have none, and a day the record cannot hold (a
 * clock set before 2020) is not written: the day is then unknown (null), never guessed. Decoding
 * never throws: what cannot be read is reported and skipped.
 *
 * This module is the record alone (no scoring, drawing or response codec), so the store can hold
 * it and the tracking bridge can read, write and grade it at launch without the rest of the
 * engine, which loads with the quiz screens (log.ts).
 */

/** An attempt as saved: the seed and the response tokens. */
export interface SavedAttempt {
  seed: number;
  tokens: string;
}

export interface SubmittedAttempt extends SavedAttempt {
  /** The fraction earned, per mille (0–1000), rounded down. */
  score: number;
  /**
   * The learner's local calendar day of the submission ({@link calendarDay}); null when unknown
   * (saved by a build that did not record days, or a clock outside what the record holds).
   */
  day: number | null;
}

export interface QuizLog {
  /**
   * Submitted attempts, oldest first. A limited quiz keeps (and saves) all of them; an unlimited
   * one keeps the latest in memory for its review and saves only `count` and `best`.
   */
  submitted: SubmittedAttempt[];
  /** Attempts submitted so far. */
  count: number;
  /** Best score per mille; null before the first submission. */
  best: number | null;
  current: SavedAttempt | null;
}

/** What the log codec needs to know of a quiz: its id and whether its attempts are limited. */
export interface QuizRef {
  id: string;
  attempts: number | null;
}

export const EMPTY_LOG: QuizLog = Object.freeze({
  submitted: Object.freeze([]) as unknown as SubmittedAttempt[],
  count: 0,
  best: null,
  current: null,
}) as QuizLog;

/** The fraction 0–1 as a stored score: per mille, rounded down (79.96 % is 799, never 800). */
export function toPerMille(fraction: number): number {
  return Math.max(0, Math.min(1000, Math.floor(fraction * 1000 + 1e-9)));
}

/* ------------------------------------------------------------------ */
/* Days                                                                */
/* ------------------------------------------------------------------ */

const MS_PER_DAY = 86_400_000;
/** Day 0 of the record: 2020-01-01, as a count of days since 1970-01-01. */
const DAY_EPOCH = Date.UTC(2020, 0, 1) / MS_PER_DAY;
/** Days the record can hold: 3 base-36 digits, 2020-01-01 to 2147-09-27. */
const DAY_RANGE = 36 ** 3;

/** True for a day number the saved record can hold (an integer in [0, 36³)). */
export function isDay(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < DAY_RANGE;
}

/**
 * The local calendar day of `moment` (its year, month and day where the learner is, so a learner
 * in Mexico City who submits at 23:30 gets that day, not tomorrow's in UTC) as a day number
 * counted from 2020-01-01; null when the record cannot hold it. The caller passes the moment in:
 * the engine never reads the clock.
 */
export function calendarDay(moment: Date): number | null {
  const day = Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate()) / MS_PER_DAY - DAY_EPOCH;
  return isDay(day) ? day : null;
}

/**
 * The day number as midnight UTC of that calendar day: format it with `timeZone: 'UTC'` and it
 * shows the same day wherever the certificate is printed.
 */
export function dayToDate(day: number): Date {
  return new Date((DAY_EPOCH + day) * MS_PER_DAY);
}

/** False once every allowed attempt is submitted (an unlimited quiz never runs out). */
export function attemptsLeft(quiz: Pick<QuizRef, 'attempts'>, log: QuizLog): number | null {
  return quiz.attempts === null ? null : Math.max(0, quiz.attempts - log.count);
}

export interface LogOutcome {
  attemptsUsed: number;
  /** null = unlimited. */
  attemptsLeft: number | null;
  /** 0–1 by the grading method (an unlimited quiz: its best); null before the first attempt. */
  grade: number | null;
  /** Best attempt, 0–1; null before the first attempt. */
  best: number | null;
  passed: boolean;
  /** No attempt left and not passed. */
  failed: boolean;
}

/** A grade (0–1) reaches the pass mark, compared per mille so 16/20 passes an 80 % mark. */
const reaches = (grade: number, passMark: number) => grade * 1000 + 1e-9 >= passMark * 1000;

/**
 * Grade and pass/fail of a quiz from its log, by its grading method. Mastery and pass/fail are
 * decided here (and in scoreAttempt), nowhere else.
 */
export function logOutcome(
  quiz: { attempts: number | null; passMark: number; grading: GradingMethod },
  log: QuizLog,
): LogOutcome {
  const grade =
    quiz.attempts === null
      ? log.best === null
        ? null
        : log.best / 1000
      : gradeAttempts(
          log.submitted.map((a) => a.score / 1000),
          quiz.grading,
        );
  const passed = grade !== null && reaches(grade, quiz.passMark);
  const left = attemptsLeft(quiz, log);
  return {
    attemptsUsed: log.count,
    attemptsLeft: left,
    grade,
    best: log.best === null ? null : log.best / 1000,
    passed,
    failed: !passed && left === 0,
  };
}

/**
 * The day the learner completed a quiz with limited attempts (the certificate's date): the day of
 * the submission from which its outcome ({@link logOutcome}) is passed and has stayed passed. With
 * `highest` grading that is the first passing attempt; with `last`, the first of the passing
 * attempts at the end (pass, fail, pass: the third); with `average`, the attempt from which the
 * running average reaches the pass mark and stays there. Null when the quiz is not passed, has
 * unlimited attempts (its record keeps no days), or that submission's day is unknown (saved by an
 * earlier build): never a later day, which would claim a completion that did not happen then.
 */
export function completionDay(
  quiz: { attempts: number | null; passMark: number; grading: GradingMethod },
  log: QuizLog,
): number | null {
  if (quiz.attempts === null) return null;
  const percents = log.submitted.map((a) => a.score / 1000);
  let from: SubmittedAttempt | null = null;
  for (let n = 1; n <= percents.length; n++) {
    const grade = gradeAttempts(percents.slice(0, n), quiz.grading);
    if (grade === null || !reaches(grade, quiz.passMark)) from = null;
    else from ??= log.submitted[n - 1]!;
  }
  return from?.day ?? null;
}

/* ------------------------------------------------------------------ */
/* Saved form                                                          */
/* ------------------------------------------------------------------ */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 18 bits of FNV-1a of the quiz id, as 3 URL-safe base-64 characters. */
export function quizRefHash(id: string): string {
  const h = hashString(id) >>> 14;
  return B64[(h >> 12) & 63]! + B64[(h >> 6) & 63]! + B64[h & 63]!;
}

function refTable(quizzes: readonly QuizRef[]): {
  toRef: Map<string, string>;
  fromRef: Map<string, QuizRef>;
} {
  const byHash = new Map<string, QuizRef[]>();
  for (const q of quizzes) byHash.set(quizRefHash(q.id), [...(byHash.get(quizRefHash(q.id)) ?? []), q]);
  const toRef = new Map<string, string>();
  const fromRef = new Map<string, QuizRef>();
  for (const [h, qs] of byHash) {
    for (const q of qs) {
      const ref = qs.length === 1 ? h : `(${q.id})`;
      toRef.set(q.id, ref);
      fromRef.set(ref, q);
    }
  }
  return { toRef, fromRef };
}

const b36 = (n: number) => n.toString(36);

/**
 * A submitted attempt's score in base 36; 25 ‰ is `0p`, since a lone `p` marks the attempt in
 * progress (earlier builds wrote `p`, and read 25 ‰ back as an attempt in progress).
 */
const scoreField = (score: number) => (score === 25 ? '0p' : b36(score));

/** A submitted attempt's day as written after its score (`:1l0`); nothing when it is unknown. */
const dayField = (day: number | null) => (day !== null && isDay(day) ? `:${b36(day).padStart(3, '0')}` : '');

/**
 * Characters the quiz record may take in the resume state: the rest of the 2,000-character
 * budget of cmi.suspend_data holds visited sections, location and preferences.
 */
export const QUIZ_RECORD_BUDGET = 1200;

/**
 * The learner's logs as the `attempts` field of the resume state; quizzes not in `quizzes` are
 * dropped. Submitted attempts (with their day when known), summaries and the attempt in progress
 * of a limited quiz are always written; an unlimited quiz's attempt in progress (a formative
 * check, quick to redo) only while the whole stays within `budget`, in the order of `quizzes`.
 */
export function encodeQuizLogs(
  logs: Readonly<Record<string, QuizLog>>,
  quizzes: readonly QuizRef[],
  budget = QUIZ_RECORD_BUDGET,
): string {
  const { toRef } = refTable(quizzes);
  const entries: string[] = [];
  const optional: string[] = [];
  for (const q of quizzes) {
    const log = Object.hasOwn(logs, q.id) ? logs[q.id]! : undefined;
    if (!log) continue;
    const ref = toRef.get(q.id)!;
    if (q.attempts === null) {
      if (log.count > 0 && log.best !== null) entries.push(`${ref}#${b36(log.best)}.${b36(log.count)}`);
    } else {
      for (const a of log.submitted)
        entries.push(`${ref}:${b36(a.seed)}:${a.tokens}:${scoreField(a.score)}${dayField(a.day)}`);
    }
    if (log.current)
      (q.attempts === null ? optional : entries).push(
        `${ref}:${b36(log.current.seed)}:${log.current.tokens}:p`,
      );
  }
  let length = entries.reduce((n, e) => n + e.length + 1, -1);
  for (const e of optional) {
    if (length + e.length + 1 > budget) continue;
    entries.push(e);
    length += e.length + 1;
  }
  return entries.join(';');
}

/** Groups: ref, seed, tokens, then `p` (in progress) or the score and, when known, the day. */
const ATTEMPT =
  /^(\([a-z0-9-]+\)|[A-Za-z0-9_-]{3}):([0-9a-z]{1,7}):([^:]*):(?:(p)|([0-9a-z]{1,2})(?::([0-9a-z]{3}))?)$/;
const SUMMARY = /^(\([a-z0-9-]+\)|[A-Za-z0-9_-]{3})#([0-9a-z]{1,2})\.([0-9a-z]{1,4})$/;

/**
 * Reads the `attempts` field. Response tokens stay encoded (they are checked against a quiz when
 * it is loaded, see {@link savedToRecord}); entries that cannot be read, or name a quiz the
 * course no longer has, are skipped and reported.
 */
export function decodeQuizLogs(
  text: string,
  quizzes: readonly QuizRef[],
): { logs: Record<string, QuizLog>; errors: string[] } {
  const { fromRef } = refTable(quizzes);
  const logs: Record<string, QuizLog> = {};
  const errors: string[] = [];
  if (text === '') return { logs, errors };
  /** defineProperty, so even a quiz id like `__proto__` stays an ordinary key. */
  const logOf = (id: string, log: QuizLog) =>
    Object.defineProperty(logs, id, { value: log, enumerable: true, writable: true, configurable: true });
  for (const entry of text.split(';')) {
    const a = ATTEMPT.exec(entry);
    const s = a ? null : SUMMARY.exec(entry);
    const ref = a?.[1] ?? s?.[1];
    const quiz = ref === undefined ? undefined : fromRef.get(ref);
    if (!quiz) {
      errors.push(
        ref === undefined
          ? `unreadable quiz entry "${entry.slice(0, 40)}"`
          : `no quiz of this course matches "${ref}"`,
      );
      continue;
    }
    const log: QuizLog = Object.hasOwn(logs, quiz.id)
      ? logs[quiz.id]!
      : { submitted: [], count: 0, best: null, current: null };
    if (s) {
      const best = parseInt(s[2]!, 36);
      const count = parseInt(s[3]!, 36);
      if (quiz.attempts !== null || best > 1000 || count < 1 || log.count > 0) {
        errors.push(`summary "${entry}" does not fit quiz "${quiz.id}"`);
        continue;
      }
      log.best = best;
      log.count = count;
      logOf(quiz.id, log);
      continue;
    }
    const seed = parseInt(a![2]!, 36);
    if (!isSeed(seed)) {
      errors.push(`bad seed in "${entry.slice(0, 40)}"`);
      continue;
    }
    const saved: SavedAttempt = { seed, tokens: a![3]! };
    if (a![4] === 'p') {
      if (log.current) errors.push(`two attempts in progress for quiz "${quiz.id}"; the later one is kept`);
      log.current = saved;
      logOf(quiz.id, log);
      continue;
    }
    const score = parseInt(a![5]!, 36);
    if (score > 1000 || quiz.attempts === null || log.submitted.length >= quiz.attempts) {
      errors.push(`attempt "${entry.slice(0, 40)}" does not fit quiz "${quiz.id}"`);
      continue;
    }
    log.submitted.push({ ...saved, score, day: a![6] === undefined ? null : parseInt(a![6], 36) });
    log.count = log.submitted.length;
    log.best = log.best === null ? score : Math.max(log.best, score);
    logOf(quiz.id, log);
  }
  return { logs, errors };
}

import type { Certainty, QuizDefinition, UserInput } from '../content/quiz-model.ts';
import { scoreAttempt, type AttemptRecord, type AttemptResult } from './attempt.ts';
import { decodeResponses, encodeResponses } from './codec.ts';
import { drawItems, type Drawable } from './draw.ts';
import {
  attemptsLeft,
  isDay,
  toPerMille,
  type QuizLog,
  type SavedAttempt,
  type SubmittedAttempt,
} from './log-codec.ts';
import { isSeed } from './random.ts';

/**
 * Running an attempt on the learner's quiz record (log-codec.ts): start, answer, submit. Each
 * step returns a new record; the record's saved form and the outcome it decides live in
 * log-codec.ts, re-exported here.
 */
export * from './log-codec.ts';

export type QuizLike = Drawable & { attempts: number | null };

/**
 * Starts a new attempt with `seed` (chosen by the caller, e.g. from crypto). Null when no attempt
 * is left. An attempt already in progress is kept (the learner resumes it) unless `replace`.
 */
export function beginAttempt(quiz: QuizLike, log: QuizLog, seed: number, replace = false): QuizLog | null {
  if (!isSeed(seed)) throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  if (log.current && !replace) return log;
  if (attemptsLeft(quiz, log) === 0) return null;
  const n = drawItems(quiz, seed).length;
  return { ...log, current: { seed, tokens: encodeResponses(quiz, seed, new Array<null>(n).fill(null)) } };
}

/** The attempt in progress with its responses decoded; null when there is none or it no longer fits. */
export function currentRecord(quiz: Drawable, log: QuizLog): AttemptRecord | null {
  return log.current ? savedToRecord(quiz, log.current) : null;
}

/** A saved attempt as a record; null when its tokens no longer fit the quiz. */
export function savedToRecord(quiz: Drawable, saved: SavedAttempt): AttemptRecord | null {
  const r = decodeResponses(quiz, saved.seed, saved.tokens);
  if (!r.ok) return null;
  const record: AttemptRecord = { quizId: quiz.id, seed: saved.seed, responses: r.responses };
  if (r.certainties) record.certainties = r.certainties;
  return record;
}

/** Sets (or clears, with null) the response to the `index`-th item shown in the attempt in progress. */
export function answerItem(
  quiz: Drawable,
  log: QuizLog,
  index: number,
  input: UserInput | null,
  certainty?: Certainty | null,
): QuizLog {
  const record = currentRecord(quiz, log);
  if (!record || index < 0 || index >= record.responses.length) return log;
  const responses = [...record.responses];
  responses[index] = input;
  let certainties = record.certainties;
  if (certainty !== undefined) {
    certainties = certainties ? [...certainties] : responses.map(() => null);
    certainties[index] = certainty;
  }
  const tokens = encodeResponses(quiz, record.seed, responses, certainties);
  return { ...log, current: { seed: record.seed, tokens } };
}

/**
 * Submits the attempt in progress: scores it with the key and records the score and `day`, the
 * learner's calendar day of the submission (`calendarDay(new Date())`, chosen by the caller as
 * the seed is: the engine never reads the clock; null when unknown). This is where an attempt's
 * pass/fail is decided; the caller reports it, never re-decides it.
 */
export function submitAttempt(
  quiz: QuizDefinition,
  log: QuizLog,
  day: number | null,
): { log: QuizLog; result: AttemptResult; record: AttemptRecord } | null {
  const record = currentRecord(quiz, log);
  if (!record || !log.current) return null;
  const result = scoreAttempt(quiz, record);
  const score = toPerMille(result.percent);
  const attempt: SubmittedAttempt = { ...log.current, score, day: day !== null && isDay(day) ? day : null };
  const submitted = quiz.attempts === null ? [attempt] : [...log.submitted, attempt];
  return {
    log: {
      submitted,
      count: log.count + 1,
      best: log.best === null ? score : Math.max(log.best, score),
      current: null,
    },
    result,
    record,
  };
}


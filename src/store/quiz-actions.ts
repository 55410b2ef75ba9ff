import type { Certainty, QuizDefinition, UserInput } from '../content/quiz-model.ts';
import { drawItems, type Drawable } from '../quiz/draw.ts';
import {
  EMPTY_LOG,
  answerItem,
  beginAttempt,
  calendarDay,
  submitAttempt,
  type QuizLike,
} from '../quiz/log.ts';
import { useCourseStore } from './course-store.ts';
import type { QuizSubmission } from './quiz-slice.ts';

/**
 * The quiz actions on the course store: start, answer and submit an attempt. They are plain
 * functions over `useCourseStore` (zustand's "actions outside the store"), not members of the
 * quiz slice, so that the scoring engine they run loads with the quiz screens that call them and
 * not with the store, which every page needs at once. The records they change are the slice's
 * (quiz-slice.ts), and every change reaches the tracking bridge through the store as before.
 */

/** When each attempt in progress was shown and each item last answered (not saved). */
const timing = new Map<string, { shownAt: number; answeredAt: number[] }>();
const now = () => Date.now();

function timingFor(quizId: string, n: number) {
  let t = timing.get(quizId);
  if (!t || t.answeredAt.length !== n) {
    t = { shownAt: now(), answeredAt: new Array<number>(n).fill(0) };
    timing.set(quizId, t);
  }
  return t;
}

/** Starts (or resumes) an attempt; false when no attempt is left. */
export function beginQuiz(quiz: QuizLike, seed: number, replace = false): boolean {
  const log = useCourseStore.getState().quizLogs[quiz.id] ?? EMPTY_LOG;
  const next = beginAttempt(quiz, log, seed, replace);
  if (!next) return false;
  if (next !== log) {
    timing.set(quiz.id, {
      shownAt: now(),
      answeredAt: new Array<number>(drawItems(quiz, seed).length).fill(0),
    });
    useCourseStore.setState((s) => ({ quizLogs: { ...s.quizLogs, [quiz.id]: next } }));
  }
  return true;
}

/** Sets the response to the `index`-th item shown; null clears it. */
export function answerQuizItem(
  quiz: Drawable,
  index: number,
  input: UserInput | null,
  certainty?: Certainty | null,
): void {
  const log = useCourseStore.getState().quizLogs[quiz.id];
  if (!log?.current) return;
  const next = answerItem(quiz, log, index, input, certainty);
  if (next === log || next.current?.tokens === log.current.tokens) return;
  const t = timingFor(quiz.id, drawItems(quiz, log.current.seed).length);
  t.answeredAt[index] = input === null ? 0 : now();
  useCourseStore.setState((s) => ({ quizLogs: { ...s.quizLogs, [quiz.id]: next } }));
}

/**
 * Scores the attempt in progress against the key (src/quiz decides pass/fail) and records it
 * with the learner's local calendar day, which the certificate prints; null when none.
 */
export function submitQuiz(quiz: QuizDefinition): QuizSubmission | null {
  const log = useCourseStore.getState().quizLogs[quiz.id];
  if (!log?.current) return null;
  const at = new Date();
  const done = submitAttempt(quiz, log, calendarDay(at));
  if (!done) return null;
  const items = drawItems(quiz, done.record.seed);
  const t = timingFor(quiz.id, items.length);
  timing.delete(quiz.id);
  const submission: QuizSubmission = {
    quizId: quiz.id,
    attempt: done.log.count,
    items,
    record: done.record,
    result: done.result,
    latencies: t.answeredAt.map((a) => (a === 0 ? 0 : Math.max(0, a - t.shownAt))),
    at,
  };
  useCourseStore.setState((s) => ({
    quizLogs: { ...s.quizLogs, [quiz.id]: done.log },
    quizSubmissions: [...s.quizSubmissions, submission],
  }));
  return submission;
}

import type { StateCreator } from 'zustand';
import type { Certainty, QuizDefinition, QuizItem, UserInput } from '../content/quiz-model.ts';
import {
  EMPTY_LOG,
  answerItem,
  beginAttempt,
  drawItems,
  submitAttempt,
  type AttemptRecord,
  type AttemptResult,
  type Drawable,
  type QuizLike,
  type QuizLog,
} from '../quiz/index.ts';
import type { CourseStore } from './types.ts';

/** One submitted attempt, as the tracking bridge reports it (not saved: the log is). */
export interface QuizSubmission {
  quizId: string;
  /** 1-based: the learner's n-th attempt at this quiz. */
  attempt: number;
  /** The items drawn, with their keys, in the order shown. */
  items: QuizItem[];
  record: AttemptRecord;
  result: AttemptResult;
  /** Per item: milliseconds from the attempt being shown to the item's last answer (0 = not answered). */
  latencies: number[];
  at: Date;
}

export interface QuizSlice {
  /** Per quiz id: attempts that count and the one in progress (saved, see src/quiz/log.ts). */
  quizLogs: Record<string, QuizLog>;
  /** Submissions of this session, oldest first, for the tracking bridge and the review screen. */
  quizSubmissions: QuizSubmission[];
  /** Starts (or resumes) an attempt; false when no attempt is left. */
  beginQuiz: (quiz: QuizLike, seed: number, replace?: boolean) => boolean;
  /** Sets the response to the `index`-th item shown; null clears it. */
  answerQuizItem: (
    quiz: Drawable,
    index: number,
    input: UserInput | null,
    certainty?: Certainty | null,
  ) => void;
  /** Scores the attempt in progress against the key (src/quiz decides pass/fail); null when none. */
  submitQuiz: (quiz: QuizDefinition) => QuizSubmission | null;
  /** Replaces the logs with what was saved; called once at launch. */
  hydrateQuizzes: (logs: Record<string, QuizLog>) => void;
}

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

export const createQuizSlice: StateCreator<CourseStore, [], [], QuizSlice> = (set, get) => ({
  quizLogs: {},
  quizSubmissions: [],
  beginQuiz: (quiz, seed, replace = false) => {
    const log = get().quizLogs[quiz.id] ?? EMPTY_LOG;
    const next = beginAttempt(quiz, log, seed, replace);
    if (!next) return false;
    if (next !== log) {
      timing.set(quiz.id, {
        shownAt: now(),
        answeredAt: new Array<number>(drawItems(quiz, seed).length).fill(0),
      });
      set((s) => ({ quizLogs: { ...s.quizLogs, [quiz.id]: next } }));
    }
    return true;
  },
  answerQuizItem: (quiz, index, input, certainty) => {
    const log = get().quizLogs[quiz.id];
    if (!log?.current) return;
    const next = answerItem(quiz, log, index, input, certainty);
    if (next === log || next.current?.tokens === log.current.tokens) return;
    const t = timingFor(quiz.id, drawItems(quiz, log.current.seed).length);
    t.answeredAt[index] = input === null ? 0 : now();
    set((s) => ({ quizLogs: { ...s.quizLogs, [quiz.id]: next } }));
  },
  submitQuiz: (quiz) => {
    const log = get().quizLogs[quiz.id];
    if (!log?.current) return null;
    const done = submitAttempt(quiz, log);
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
      at: new Date(),
    };
    set((s) => ({
      quizLogs: { ...s.quizLogs, [quiz.id]: done.log },
      quizSubmissions: [...s.quizSubmissions, submission],
    }));
    return submission;
  },
  hydrateQuizzes: (logs) => set({ quizLogs: logs, quizSubmissions: [] }),
});

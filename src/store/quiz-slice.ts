import type { StateCreator } from 'zustand';
import type { QuizItem } from '../content/quiz-model.ts';
import type { AttemptRecord, AttemptResult } from '../quiz/attempt.ts';
import type { QuizLog } from '../quiz/log-codec.ts';
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

/**
 * The learner's quiz records as the store holds them: the compact logs (src/quiz/log-codec.ts)
 * and this session's submissions. Starting, answering and submitting an attempt need the scoring
 * engine, so those actions live in quiz-actions.ts and load with the quiz screens; the store, the
 * home page and the tracking bridge need only the records.
 */
export interface QuizSlice {
  /** Per quiz id: attempts that count and the one in progress (saved, see src/quiz/log-codec.ts). */
  quizLogs: Record<string, QuizLog>;
  /** Submissions of this session, oldest first, for the tracking bridge and the review screen. */
  quizSubmissions: QuizSubmission[];
  /** Replaces the logs with what was saved; called once at launch. */
  hydrateQuizzes: (logs: Record<string, QuizLog>) => void;
}

export const createQuizSlice: StateCreator<CourseStore, [], [], QuizSlice> = (set) => ({
  quizLogs: {},
  quizSubmissions: [],
  hydrateQuizzes: (logs) => set({ quizLogs: logs, quizSubmissions: [] }),
});

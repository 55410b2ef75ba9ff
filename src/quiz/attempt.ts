import type {
  Certainty,
  ItemPublic,
  ItemStructure,
  QuizDefinition,
  Score,
  UserInput,
} from '../content/quiz-model.ts';
import { CBM_DEFAULT_CERTAINTY, cbmMarks } from './cbm.ts';
import { drawItems, type Drawable } from './draw.ts';
import { gradeAttempts } from './grade.ts';
import { isSeed } from './random.ts';
import { fraction, publicItem, scoreItem } from './score.ts';

/** Lives in grade.ts (light enough for launch); re-exported where attempts are scored. */
export { gradeAttempts };

/**
 * Everything needed to restore an attempt exactly: the seed fixes the items drawn, their order
 * and the order of their choices; responses are aligned with the drawn items.
 */
export interface AttemptRecord {
  quizId: string;
  /** 32-bit unsigned integer, chosen once by the caller when the attempt starts. */
  seed: number;
  /** One per drawn item, in the order shown; null = not answered. */
  responses: (UserInput | null)[];
  /** Certainty per response (CBM quizzes only). */
  certainties?: (Certainty | null)[];
}

export interface AttemptView<I extends ItemStructure = ItemStructure> {
  quizId: string;
  seed: number;
  items: I[];
  /** What the browser renders, aligned with `items`. */
  public: ItemPublic[];
}

/** Builds the attempt for a seed: the items drawn and their public forms. */
export function startAttempt<I extends ItemStructure>(quiz: Drawable<I>, seed: number): AttemptView<I> {
  if (!isSeed(seed)) throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  const items = drawItems(quiz, seed);
  return { quizId: quiz.id, seed, items, public: items.map((item) => publicItem(item, seed)) };
}

/** An empty record for a new attempt. */
export function newAttemptRecord(quiz: Drawable, seed: number): AttemptRecord {
  const n = drawItems(quiz, seed).length;
  return { quizId: quiz.id, seed, responses: new Array<null>(n).fill(null) };
}

export interface LessonResult {
  earned: number;
  total: number;
  /** earned / total reaches the quiz's pass mark: the learner has mastered this lesson's items. */
  mastered: boolean;
}

export interface AttemptResult {
  scores: Score[];
  earned: number;
  total: number;
  /** earned / total, 0–1. */
  percent: number;
  /** percent ≥ the quiz's pass mark (exactly 80 % passes an 80 % mark). */
  passed: boolean;
  /** Points and mastery per lesson, for feedback such as "review lesson 04". */
  byLesson: Record<string, LessonResult>;
  /** CBM quizzes: total marks (may be negative) and the average per item (max 3). */
  cbm?: { marks: number; average: number };
}

/** Compares fractions without binary rounding surprises (16/20 ≥ 0.8). */
const EPS = 1e-9;

/** Scores an attempt: incomplete items count 0. Pass/fail is decided here, never by an adapter. */
export function scoreAttempt(quiz: QuizDefinition, record: AttemptRecord): AttemptResult {
  const items = drawItems(quiz, record.seed);
  const scores = items.map((item, i) => scoreItem(item, record.responses[i] ?? null));
  const byLesson: Record<string, LessonResult> = {};
  let earned = 0;
  scores.forEach((s, i) => {
    const f = fraction(s);
    earned += f;
    const lesson = items[i]!.lesson;
    const l = (byLesson[lesson] ??= { earned: 0, total: 0, mastered: false });
    l.earned += f;
    l.total += 1;
  });
  for (const l of Object.values(byLesson)) l.mastered = l.earned / l.total + EPS >= quiz.passMark;
  const total = items.length;
  const percent = total === 0 ? 0 : earned / total;
  const result: AttemptResult = {
    scores,
    earned,
    total,
    percent,
    passed: total > 0 && percent + EPS >= quiz.passMark,
    byLesson,
  };
  if (quiz.cbm) {
    const marks = scores.reduce((sum, s, i) => sum + cbmMarks(s, record.certainties?.[i] ?? CBM_DEFAULT_CERTAINTY), 0);
    result.cbm = { marks, average: total === 0 ? 0 : marks / total };
  }
  return result;
}


export interface QuizOutcome {
  attemptsUsed: number;
  /** null = unlimited. */
  attemptsLeft: number | null;
  /** 0–1 by the quiz's grading method; null before the first attempt. */
  grade: number | null;
  passed: boolean;
  results: AttemptResult[];
}

/** The grade and pass/fail of a quiz over its submitted attempts (oldest first). */
export function quizOutcome(quiz: QuizDefinition, records: readonly AttemptRecord[]): QuizOutcome {
  const results = records.map((r) => scoreAttempt(quiz, r));
  const grade = gradeAttempts(
    results.map((r) => r.percent),
    quiz.grading,
  );
  return {
    attemptsUsed: records.length,
    attemptsLeft: quiz.attempts === null ? null : Math.max(0, quiz.attempts - records.length),
    grade,
    passed: grade !== null && grade + EPS >= quiz.passMark,
    results,
  };
}

/** False once every allowed attempt is used (formative quizzes never run out). */
export function canStartAttempt(quiz: QuizDefinition, submitted: number): boolean {
  return quiz.attempts === null || submitted < quiz.attempts;
}

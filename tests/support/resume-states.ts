/**
 * Resume states a learner can reach in this course, for the codec's fuzz test and `npm run bench`:
 * random ones, and the worst case (the longest saved state the course can produce).
 */
import type { CourseIndex } from '../../src/content/model.ts';
import type { QuizDefinition, QuizItem, UserInput } from '../../src/content/quiz-model.ts';
import { FILL_IN_MAX_LENGTH } from '../../src/content/quiz-model.ts';
import { drawItems } from '../../src/quiz/draw.ts';
import { encodeAttempts } from '../../src/quiz/codec.ts';
import type { AttemptRecord } from '../../src/quiz/attempt.ts';
import { mulberry32 } from '../../src/quiz/random.ts';
import { MOTION_PREFERENCES, TEXT_SIZES, type ResumeState } from '../../src/tracking/state-codec.ts';
import { UI_LOCALES } from '../../src/store/types.ts';

/**
 * How many attempts of a quiz the learner's record keeps: its limit, or for a quiz with unlimited
 * attempts (formative checks) only the latest one.
 */
export const keptAttempts = (quiz: QuizDefinition) => quiz.attempts ?? 1;

/**
 * The longest number a learner can type in a numeric item, as the codec writes it. The input
 * does not cap digits, so this is an assumption: 12 characters (`-123456.7891`).
 */
export const LONGEST_NUMBER = -123456.7891;

/** The response to `item` whose token in the attempt codec is longest. */
export function longestResponse(item: QuizItem): UserInput {
  switch (item.kind) {
    case 'single':
      return { selected: item.choices[item.choices.length - 1]!.id };
    case 'multiple':
      return { selected: item.choices.map((c) => c.id) };
    case 'true-false':
      return { value: true };
    case 'matching':
      return { pairs: Object.fromEntries(item.premises.map((p) => [p, item.responses[item.responses.length - 1]!])) };
    case 'sequencing':
      return { order: [...item.steps] };
    case 'numeric':
      return { value: LONGEST_NUMBER };
    case 'fill-in':
      // `%` is escaped to three characters, so this is the longest fill-in token there is.
      return { text: '%'.repeat(FILL_IN_MAX_LENGTH) };
  }
}

/** A response to `item` picked by `rnd`, or null (not answered). */
export function randomResponse(item: QuizItem, rnd: () => number): UserInput | null {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  if (rnd() < 0.1) return null;
  switch (item.kind) {
    case 'single':
      return { selected: pick(item.choices).id };
    case 'multiple':
      return { selected: item.choices.filter(() => rnd() < 0.5).map((c) => c.id) };
    case 'true-false':
      return { value: rnd() < 0.5 };
    case 'matching':
      return { pairs: Object.fromEntries(item.premises.filter(() => rnd() < 0.9).map((p) => [p, pick(item.responses)])) };
    case 'sequencing':
      return { order: [...item.steps].sort(() => rnd() - 0.5) };
    case 'numeric':
      return { value: Math.round((rnd() - 0.3) * 10 ** Math.floor(rnd() * 6) * 100) / 100 };
    case 'fill-in': {
      const chars = 'abc xyz,;:%^|中文ÉÑ';
      return { text: Array.from({ length: Math.floor(rnd() * (FILL_IN_MAX_LENGTH + 1)) }, () => pick([...chars])).join('') };
    }
  }
}

const certainty = (rnd: () => number) => (1 + Math.floor(rnd() * 3)) as 1 | 2 | 3;

function record(quiz: QuizDefinition, seed: number, respond: (item: QuizItem) => UserInput | null, rnd?: () => number): AttemptRecord {
  const items = drawItems(quiz, seed);
  const r: AttemptRecord = { quizId: quiz.id, seed, responses: items.map(respond) };
  if (quiz.cbm) r.certainties = items.map(() => (rnd ? certainty(rnd) : 3));
  return r;
}

/**
 * The longest resume state this course can produce: every section of every lesson visited, the
 * location with the longest ids, a two-letter locale, and every quiz at its kept attempts with the
 * longest response to every item and the draw (among `seedsTried` 7-digit seeds) that makes the
 * record longest.
 */
export function worstCaseState(index: CourseIndex, quizzes: readonly QuizDefinition[], seedsTried = 300): ResumeState {
  const byId = (id: string) => quizzes.find((q) => q.id === id);
  const records: AttemptRecord[] = [];
  for (const quiz of quizzes) {
    let best: AttemptRecord | null = null;
    let bestLength = -1;
    for (let i = 0; i < seedsTried; i++) {
      // Seeds of 2^31 and up are 7 base-36 digits, the longest a seed is written.
      const seed = 2 ** 31 + ((i * 2654435761) % 2 ** 31);
      const r = record(quiz, seed, longestResponse);
      const length = encodeAttempts([r], byId).length;
      if (length > bestLength) [best, bestLength] = [r, length];
    }
    for (let k = 0; k < keptAttempts(quiz); k++) records.push(best!);
  }
  const longest = <T>(xs: readonly T[], len: (x: T) => number) => xs.reduce((a, b) => (len(b) > len(a) ? b : a));
  const lesson = longest(index.lessons, (l) => l.id.length + Math.max(...l.sectionIds.map((s) => s.length)));
  return {
    visited: Object.fromEntries(index.lessons.map((l) => [l.id, [...l.sectionIds]])),
    location: lesson ? { lesson: lesson.id, section: longest(lesson.sectionIds, (s) => s.length) } : null,
    prefs: { locale: 'es', textSize: 200, reducedMotion: 'no-preference' },
    attempts: encodeAttempts(records, byId),
  };
}

/** A pool of attempt strings a learner can reach: random quizzes, attempts, seeds and responses. */
export function attemptPool(quizzes: readonly QuizDefinition[], size: number, seed = 1): string[] {
  const rnd = mulberry32(seed);
  const byId = (id: string) => quizzes.find((q) => q.id === id);
  const pool: string[] = [''];
  if (quizzes.length === 0) return pool;
  for (let i = 1; i < size; i++) {
    const records: AttemptRecord[] = [];
    for (const quiz of quizzes) {
      const n = Math.floor(rnd() * (keptAttempts(quiz) + 1));
      for (let k = 0; k < n; k++) {
        const s = Math.floor(rnd() * 2 ** 32);
        records.push(record(quiz, s, (item) => randomResponse(item, rnd), rnd));
      }
    }
    pool.push(encodeAttempts(records, byId));
  }
  return pool;
}

/** A random state the learner can reach: sections of the course visited in any order, any prefs. */
export function randomReachableState(index: CourseIndex, attempts: readonly string[], rnd: () => number): ResumeState {
  const visited: Record<string, string[]> = {};
  const lessons = [...index.lessons].sort(() => rnd() - 0.5);
  let location: ResumeState['location'] = null;
  for (const l of lessons) {
    if (rnd() < 0.3) continue;
    const sections = l.sectionIds.filter(() => rnd() < 0.7).sort(() => rnd() - 0.5);
    if (sections.length === 0) continue;
    visited[l.id] = sections;
    location = { lesson: l.id, section: sections[sections.length - 1]! };
  }
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return {
    visited,
    location,
    prefs: { locale: rnd() < 0.2 ? null : pick(UI_LOCALES), textSize: pick(TEXT_SIZES), reducedMotion: pick(MOTION_PREFERENCES) },
    attempts: pick(attempts),
  };
}

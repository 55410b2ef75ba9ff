/**
 * Resume states a learner can reach in this course, for the codec's fuzz test and `npm run bench`:
 * random ones, and the worst case (the longest saved state the course can produce).
 */
import type { CourseIndex } from '../../src/content/model.ts';
import type { QuizDefinition, QuizItem, UserInput } from '../../src/content/quiz-model.ts';
import { FILL_IN_MAX_LENGTH } from '../../src/content/quiz-model.ts';
import { drawItems, encodeQuizLogs, encodeResponses, mulberry32, type QuizLog } from '../../src/quiz/index.ts';
import { MOTION_PREFERENCES, TEXT_SIZES, type ResumeState } from '../../src/tracking/state-codec.ts';
import { UI_LOCALES } from '../../src/store/types.ts';

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

/** The saved tokens of an attempt with the given responses (and, for a CBM quiz, certainties). */
function tokens(quiz: QuizDefinition, seed: number, respond: (item: QuizItem) => UserInput | null, rnd?: () => number): string {
  const items = drawItems(quiz, seed);
  return encodeResponses(quiz, seed, items.map(respond), quiz.cbm ? items.map(() => (rnd ? certainty(rnd) : 3)) : undefined);
}

/** Seeds of 2^31 and up are 7 base-36 digits, the longest a seed is written. */
const longSeed = (i: number) => 2 ** 31 + ((i * 2654435761) % 2 ** 31);

/** The seed (among `tried`) whose draw gives the longest tokens with the longest responses. */
function worstSeed(quiz: QuizDefinition, tried: number): { seed: number; tokens: string } {
  let best = { seed: longSeed(0), tokens: tokens(quiz, longSeed(0), longestResponse) };
  for (let i = 1; i < tried; i++) {
    const t = tokens(quiz, longSeed(i), longestResponse);
    if (t.length > best.tokens.length) best = { seed: longSeed(i), tokens: t };
  }
  return best;
}

/** The last day the quiz record can hold (2147-09-27): a known day always takes 3 characters. */
const LAST_DAY = 36 ** 3 - 1;

/**
 * The longest resume state this course can produce: every section of every lesson visited, the
 * location with the longest ids, a locale, and every quiz at its worst: a limited quiz with all
 * its attempts used, each with the longest response to every item, the draw (among `seedsTried`
 * 7-digit seeds) that makes it longest, a full score and its day of submission; an unlimited quiz
 * with a best score, a 2-digit count and an attempt in progress (the quiz record keeps those while
 * they fit).
 */
export function worstCaseState(index: CourseIndex, quizzes: readonly QuizDefinition[], seedsTried = 200): ResumeState {
  const logs: Record<string, QuizLog> = {};
  for (const quiz of quizzes) {
    const worst = worstSeed(quiz, seedsTried);
    logs[quiz.id] =
      quiz.attempts === null
        ? { submitted: [], count: 36 * 36 - 1, best: 1000, current: worst }
        : { submitted: Array.from({ length: quiz.attempts }, () => ({ ...worst, score: 1000, day: LAST_DAY })), count: quiz.attempts, best: 1000, current: null };
  }
  const longest = <T>(xs: readonly T[], len: (x: T) => number) => xs.reduce((a, b) => (len(b) > len(a) ? b : a));
  const lesson = longest(index.lessons, (l) => l.id.length + Math.max(...l.sectionIds.map((s) => s.length)));
  return {
    visited: Object.fromEntries(index.lessons.map((l) => [l.id, [...l.sectionIds]])),
    location: lesson ? { lesson: lesson.id, section: longest(lesson.sectionIds, (s) => s.length) } : null,
    prefs: { locale: 'es', textSize: 200, reducedMotion: 'no-preference' },
    attempts: encodeQuizLogs(logs, quizzes),
  };
}

/**
 * A pool of quiz records a learner can reach: random attempts, seeds, responses, scores and days
 * of submission, with some days unknown (attempts saved by a build before days were recorded).
 */
export function attemptPool(quizzes: readonly QuizDefinition[], size: number, seed = 1): string[] {
  const rnd = mulberry32(seed);
  const pool: string[] = [''];
  if (quizzes.length === 0) return pool;
  for (let i = 1; i < size; i++) {
    const logs: Record<string, QuizLog> = {};
    for (const quiz of quizzes) {
      if (rnd() < 0.3) continue;
      const attempt = () => {
        const s = Math.floor(rnd() * 2 ** 32);
        return { seed: s, tokens: tokens(quiz, s, (item) => randomResponse(item, rnd), rnd) };
      };
      const score = () => Math.floor(rnd() * 1001);
      const day = () => (rnd() < 0.2 ? null : Math.floor(rnd() * (LAST_DAY + 1)));
      if (quiz.attempts === null) {
        const count = Math.floor(rnd() * 40);
        logs[quiz.id] = { submitted: [], count, best: count > 0 ? score() : null, current: rnd() < 0.3 ? attempt() : null };
      } else {
        const n = Math.floor(rnd() * (quiz.attempts + 1));
        const submitted = Array.from({ length: n }, () => ({ ...attempt(), score: score(), day: day() }));
        logs[quiz.id] = { submitted, count: n, best: n > 0 ? Math.max(...submitted.map((a) => a.score)) : null, current: n < quiz.attempts && rnd() < 0.5 ? attempt() : null };
      }
    }
    pool.push(encodeQuizLogs(logs, quizzes));
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

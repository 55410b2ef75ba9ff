import { index, quizKeyLoaders, quizLoaders } from 'virtual:course';
import type { ContentLocale } from '../../content/model.ts';
import type { QuizKey, QuizMeta, QuizStructure, QuizText } from '../../content/quiz-model.ts';
import { CONTENT_FALLBACKS } from '../../course-config.ts';
import type { UiLocale } from '../../store/types.ts';
import { cached } from '../cached.ts';

/** The id of the final assessment's quiz file (quizzes/final.yaml). */
export const FINAL_QUIZ_ID = 'final';

export const quizzes: readonly QuizMeta[] = index.quizzes ?? [];

export function findQuiz(id: string): QuizMeta | undefined {
  return quizzes.find((q) => q.id === id);
}

/** The formative check of a lesson, if one is written. */
export function quizForLesson(lessonId: string): QuizMeta | undefined {
  return quizzes.find((q) => q.kind === 'formative' && q.lesson === lessonId);
}

/** Quiz text exists in es, en and zh: the first of the UI locale's fallbacks. */
export function quizLocaleFor(ui: UiLocale): ContentLocale {
  return CONTENT_FALLBACKS[ui][0] ?? 'en';
}

export interface PublicQuiz {
  structure: QuizStructure;
  text: QuizText;
}

/** What is shown: structure, stems and choices. No answer is in it. */
export function loadQuiz(id: string, locale: ContentLocale): Promise<PublicQuiz> {
  const loader = quizLoaders[`${id}/${locale}`];
  if (!loader) return Promise.reject(new Error(`Quiz ${id}/${locale} is missing from the build`));
  return cached(`quiz:${id}/${locale}`, async () => (await loader()).default);
}

/** The key and the explanations: loaded only when the learner submits (or checks) an answer. */
export function loadQuizKey(id: string, locale: ContentLocale): Promise<QuizKey> {
  const loader = quizKeyLoaders[`${id}/${locale}`];
  if (!loader) return Promise.reject(new Error(`Answers of quiz ${id}/${locale} are missing from the build`));
  return cached(`quiz-key:${id}/${locale}`, async () => (await loader()).default);
}

/** A fresh attempt seed: a 32-bit unsigned integer from the browser's CSPRNG. */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** Percent in the interface language (in its own module, free of the course's virtual imports). */
export { formatPercent } from './format.ts';

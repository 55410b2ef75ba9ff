import type { UiLocale } from '../store/types.ts';
import { findLesson, loadLesson } from './course-data.ts';
import { FINAL_QUIZ_ID, findQuiz, loadQuiz, quizLocaleFor } from './quiz/quiz-data.ts';

/** The first screens worth starting early: a lesson, a lesson's check, the final assessment. */
export type FirstRoute = { kind: 'lesson'; lessonId: string } | { kind: 'quiz'; quizId: string } | null;

const LESSON = /^\/lesson\/([^/]+)(?:\/[^/]*)?\/?$/;
const QUIZ = /^\/quiz\/([^/]+)\/?$/;

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * The route of a location hash, as the router table in app.tsx reads it (`/lesson/:lessonId/
 * :sectionId?`, `/quiz/:quizId`, `/assessment`). Plain patterns, not react-router's matchPath, so
 * that the boot module can call this before the router has downloaded.
 */
export function firstRoute(hash: string): FirstRoute {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const lesson = LESSON.exec(path);
  if (lesson) {
    const lessonId = decode(lesson[1]!);
    return lessonId && findLesson(lessonId) ? { kind: 'lesson', lessonId } : null;
  }
  const quizId = /^\/assessment\/?$/.test(path) ? FINAL_QUIZ_ID : decode(QUIZ.exec(path)?.[1] ?? '');
  return quizId && findQuiz(quizId) ? { kind: 'quiz', quizId } : null;
}

/**
 * Starts downloading the content the first screen shows in the learner's language, instead of
 * after the route has rendered once: on a slow link that is one round trip and one download fewer
 * before the first screen is complete. A lesson's body, always; a quiz's items only when
 * `quizShowsItems` says the first screen needs them (an attempt in progress, a review): a quiz's
 * intro paints from the course index, and its items would only compete with the first screen's
 * code for the link (the intro asks for them once it has painted). The promises are the cached
 * ones the routes read with `use()`, so nothing is fetched twice. A failed download is not
 * reported here: the route asks again and shows its own error.
 */
export function prefetchRouteData(
  hash: string,
  ui: UiLocale,
  quizShowsItems: (quizId: string) => boolean = () => false,
): void {
  const route = firstRoute(hash);
  if (route?.kind === 'lesson') loadLesson(findLesson(route.lessonId)!, ui).catch(() => undefined);
  else if (route?.kind === 'quiz' && quizShowsItems(route.quizId)) {
    loadQuiz(route.quizId, quizLocaleFor(ui)).catch(() => undefined);
  }
}

import { matchPath } from 'react-router';
import type { UiLocale } from '../store/types.ts';
import { findLesson, loadLesson } from './course-data.ts';
import { FINAL_QUIZ_ID, findQuiz, loadQuiz, quizLocaleFor } from './quiz/quiz-data.ts';

/**
 * Starts downloading the content the first screen shows (a lesson's body, a quiz's items) as soon
 * as the learner's language is known at launch, alongside the UI strings and the route's code,
 * instead of after both have arrived and the route has rendered once: on a slow link that is one
 * round trip and one download fewer before the first screen is complete. The promises are the
 * cached ones the routes read with `use()`, so nothing is fetched twice. A failed download is not
 * reported here: the route asks again and shows its own error.
 */
export function prefetchRouteData(hash: string, ui: UiLocale): void {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const lesson = matchPath('/lesson/:lessonId/:sectionId?', path);
  if (lesson) {
    const meta = findLesson(lesson.params.lessonId ?? '');
    if (meta) loadLesson(meta, ui).catch(() => undefined);
    return;
  }
  const quizId = matchPath('/assessment', path) ? FINAL_QUIZ_ID : matchPath('/quiz/:quizId', path)?.params.quizId;
  if (quizId && findQuiz(quizId)) loadQuiz(quizId, quizLocaleFor(ui)).catch(() => undefined);
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { useCourseStore } from './store/course-store.ts';
import { launchTracking } from './store/tracking-bridge.ts';
import { courseIndex } from './ui/course-data.ts';
import { isInstructorWindow } from './instructor/windows.ts';
import { directionOf, initI18n } from './ui/i18n.ts';
import { prefetchRouteData } from './ui/prefetch.ts';
import { resolveLocale } from './ui/use-ui-locale.ts';
import './ui/styles.css';

async function main() {
  // Resume first, so the first paint already shows the learner's progress and language (inside an
  // LMS this loads the adapter of its SCORM version). A presenter, print or results window is not
  // a learner's session: it never talks to an LMS.
  if (!isInstructorWindow(window.location.hash)) await launchTracking({ index: courseIndex });
  const locale = resolveLocale(useCourseStore.getState().locale);
  // A quiz screen opens on its items for an attempt in progress or, once submitted, the review
  // (src/routes/quiz.tsx); otherwise on its intro, which needs none.
  const { quizLogs } = useCourseStore.getState();
  prefetchRouteData(window.location.hash, locale, (id) => {
    const log = quizLogs[id];
    return log !== undefined && (log.current !== null || log.count > 0);
  });
  const i18n = await initI18n(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
}

void main();

import { use, useEffect, type ComponentType } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import type { i18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useCourseStore } from './store/course-store.ts';
import { directionOf, loadInstructorStrings, switchLanguage } from './ui/i18n.ts';
import { Layout } from './ui/layout.tsx';
import { RouteError } from './ui/route-error.tsx';
import { useUiLocale } from './ui/use-ui-locale.ts';
import Home from './routes/home.tsx';

/**
 * An instructor view: its strings (hub, class results, presenter, print) are not in a learner's
 * first load, so they load with the view, before it renders.
 */
function instructorView(Component: ComponentType): ComponentType {
  function InstructorView() {
    const { i18n } = useTranslation();
    use(loadInstructorStrings(i18n));
    return <Component />;
  }
  InstructorView.displayName = `InstructorView(${Component.displayName ?? Component.name})`;
  return InstructorView;
}

/**
 * Hash routing: an LMS serves the course from a folder we do not control, so the path part of
 * the URL is never ours. Routes other than home load on demand.
 */
export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'lesson/:lessonId/:sectionId?', lazy: async () => ({ Component: (await import('./routes/lesson.tsx')).default }) },
      { path: 'source/:n?', lazy: async () => ({ Component: (await import('./routes/source.tsx')).default }) },
      { path: 'glossary/:termId?', lazy: async () => ({ Component: (await import('./routes/glossary.tsx')).default }) },
      { path: 'timeline', lazy: async () => ({ Component: (await import('./routes/timeline.tsx')).default }) },
      { path: 'quiz/:quizId', lazy: async () => ({ Component: (await import('./routes/quiz.tsx')).default }) },
      { path: 'assessment', lazy: async () => ({ Component: (await import('./routes/quiz.tsx')).AssessmentRoute }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./routes/settings.tsx')).default }) },
      { path: 'certificate', lazy: async () => ({ Component: (await import('./routes/certificate.tsx')).default }) },
      { path: 'instructor', lazy: async () => ({ Component: instructorView((await import('./routes/instructor.tsx')).default) }) },
      { path: 'instructor/results', lazy: async () => ({ Component: instructorView((await import('./routes/results.tsx')).default) }) },
      { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found.tsx')).default }) },
    ],
  },
  // Instructor windows with a layout of their own (a projector, a printer): outside the learner's layout.
  {
    path: '/present/:lessonId',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: instructorView((await import('./routes/present.tsx')).default) }),
  },
  {
    path: '/print/briefing/:locale',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: instructorView((await import('./routes/briefing.tsx')).default) }),
  },
  {
    path: '/print/guide/:locale',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: instructorView((await import('./routes/briefing.tsx')).GuideRoute) }),
  },
]);

/** Applies language, direction, text size and motion to the document whenever they change. */
function DocumentSettings({ i18n }: { i18n: i18n }) {
  const locale = useUiLocale();
  const textSize = useCourseStore((s) => s.textSize);
  const motion = useCourseStore((s) => s.reducedMotion);
  useEffect(() => {
    let cancelled = false;
    void switchLanguage(i18n, locale).then(() => {
      if (cancelled) return;
      document.documentElement.lang = locale;
      document.documentElement.dir = directionOf(locale);
    });
    return () => {
      cancelled = true;
    };
  }, [i18n, locale]);
  useEffect(() => {
    document.documentElement.style.fontSize = `${textSize}%`;
  }, [textSize]);
  useEffect(() => {
    document.documentElement.dataset.motion = motion;
  }, [motion]);
  return null;
}

export function App({ i18n }: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <DocumentSettings i18n={i18n} />
      <RouterProvider router={router} />
    </I18nextProvider>
  );
}

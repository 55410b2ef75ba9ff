import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES } from '../course-config.ts';
import { useCourseStore } from '../store/course-store.ts';
import { UI_LOCALES, type UiLocale } from '../store/types.ts';
import { CitationProvider } from './citation-panel.tsx';
import { FINAL_QUIZ_ID, findQuiz } from './quiz/quiz-data.ts';
import { useUiLocale } from './use-ui-locale.ts';

function NoticeBanner() {
  const { t } = useTranslation();
  const notice = useCourseStore((s) => s.notice);
  const dismiss = useCourseStore((s) => s.dismissNotice);
  return (
    <div role="status" className="notice-region">
      {notice && (
        <div className="notice">
          <p>{t(`notice.${notice}`)}</p>
          <button type="button" className="link-button" onClick={dismiss}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

function LanguagePicker() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const setLocale = useCourseStore((s) => s.setLocale);
  return (
    <div className="language-picker">
      <label htmlFor="language-picker">{t('settings.language')}</label>
      <select id="language-picker" value={locale} onChange={(e) => setLocale(e.target.value as UiLocale)}>
        {UI_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Moves focus to the main region after in-app navigation, so keyboard and screen-reader users start at the new page. */
function useFocusOnNavigate(target: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The lesson reader and source reader manage their own focus within the page.
    if (/^\/(lesson|source)\//.test(pathname)) return;
    target.current?.focus({ preventScroll: false });
  }, [pathname, target]);
}

export function Layout() {
  const { t } = useTranslation();
  const adapterKind = useCourseStore((s) => s.adapterKind);
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useFocusOnNavigate(mainRef);
  const nav = [
    { to: '/', label: t('nav.lessons'), end: true },
    { to: '/source', label: t('nav.report') },
    { to: '/glossary', label: t('nav.glossary') },
    { to: '/timeline', label: t('nav.timeline') },
    ...(findQuiz(FINAL_QUIZ_ID) ? [{ to: '/assessment', label: t('nav.assessment') }] : []),
    { to: '/settings', label: t('nav.settings') },
  ];
  return (
    <CitationProvider>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="brand">
            {t('app.shortTitle')}
          </NavLink>
          <nav aria-label={t('nav.label')}>
            <ul className="nav-list">
              {nav.map((n) => (
                <li key={n.to}>
                  <NavLink to={n.to} end={n.end}>
                    {n.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LanguagePicker />
        </div>
      </header>
      <NoticeBanner />
      <main id="main" ref={mainRef} tabIndex={-1} data-path={pathname}>
        <Suspense fallback={<p role="status" className="loading">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('footer.source')}</p>
        {adapterKind === 'standalone' && <p>{t('footer.standalone')}</p>}
        <p>
          <NavLink to="/instructor">{t('instructor.footerLink')}</NavLink>
        </p>
      </footer>
    </CitationProvider>
  );
}

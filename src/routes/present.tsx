import { Suspense, use, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LessonMeta } from '../content/model.ts';
import { CONTENT_FALLBACKS } from '../course-config.ts';
import { asUiLocale, useFixedT } from '../instructor/fixed-locale.ts';
import { usePresenterSync } from '../instructor/presenter-sync.ts';
import { NoteBlocks, SlideInlines, SlideView, slideTitle } from '../instructor/slide-view.tsx';
import { buildSlides, type Slide } from '../instructor/slides.ts';
import type { UiLocale } from '../store/types.ts';
import { findLesson, loadLesson, loadTimelineData } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import NotFound from './not-found.tsx';
import '../instructor/presenter.css';

/**
 * `#/present/:lessonId` (speaker view) and `#/present/:lessonId?view=audience`: slides made from
 * a lesson, two windows kept in step through a BroadcastChannel. Presenter mode reads content
 * only: it never marks a section viewed, never changes a preference and, opened in a window of
 * its own, never starts an LMS session (src/main.tsx), so nothing reaches the LMS.
 */
export default function PresentRoute() {
  const { lessonId = '' } = useParams();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const stored = useUiLocale();
  const ui = asUiLocale(params.get('lang')) ?? stored;
  const meta = findLesson(lessonId);
  const view = params.get('view') === 'audience' ? 'audience' : 'speaker';
  return (
    <main data-path={pathname} className={`presenter presenter-${view}`} lang={ui} dir={directionOf(ui)}>
      <Suspense fallback={<p role="status" className="loading">{t('common.loading')}</p>}>
        {meta ? <Presenter meta={meta} ui={ui} view={view} start={Number(params.get('slide') ?? '1') - 1} /> : <NotFound />}
      </Suspense>
    </main>
  );
}

function Presenter({ meta, ui, view, start }: { meta: LessonMeta; ui: UiLocale; view: 'speaker' | 'audience'; start: number }) {
  const t = useFixedT(ui);
  const { lesson } = use(loadLesson(meta, ui));
  const events = use(loadTimelineData());
  const slides = useMemo(() => buildSlides(meta, lesson, events), [meta, lesson, events]);
  const last = slides.length - 1;
  const clamp = useCallback((i: number) => Math.min(last, Math.max(0, Number.isFinite(i) ? Math.trunc(i) : 0)), [last]);
  const { state, update, peers } = usePresenterSync(meta.id, { index: clamp(start), blank: false });
  const index = clamp(state.index);
  const slide = slides[index]!;
  const locale = CONTENT_FALLBACKS[ui].find((l) => meta.locales.includes(l)) ?? lesson.locale;

  const go = useCallback((i: number) => update({ index: clamp(i), blank: false }), [update, clamp]);
  const toggleBlank = useCallback(() => update({ index, blank: !state.blank }), [update, index, state.blank]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      const onControl = !!target?.closest('button, a, input, select, textarea, summary');
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
          go(index + 1);
          break;
        case ' ':
          if (onControl) return;
          go(index + 1);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          go(index - 1);
          break;
        case 'Home':
          go(0);
          break;
        case 'End':
          go(last);
          break;
        case 'b':
        case 'B':
        case '.':
          toggleBlank();
          break;
        case 'f':
        case 'F':
          if (document.fullscreenElement) void document.exitFullscreen();
          else void document.documentElement.requestFullscreen?.().catch(() => undefined);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, toggleBlank, index, last]);

  const counter = t('present.slideOf', { n: index + 1, total: slides.length });

  if (view === 'audience') {
    return (
      <>
        <title>{`${lesson.title} — ${t('app.shortTitle')}`}</title>
        <div className="audience-stage">
          {state.blank ? (
            <div className="blank-screen">
              <h1 className="visually-hidden">{t('present.blanked')}</h1>
            </div>
          ) : (
            <div className="slide-frame">
              <SlideView slide={slide} t={t} locale={locale} ui={ui} headingLevel={1} />
              <p className="slide-counter" aria-hidden="true">
                {counter}
              </p>
            </div>
          )}
        </div>
        <p className="visually-hidden" role="status">
          {state.blank ? t('present.blanked') : counter}
        </p>
      </>
    );
  }

  const next = slides[index + 1];
  const openAudience = () => {
    const base = window.location.href.split('#')[0];
    const url = `${base}#/present/${encodeURIComponent(meta.id)}?view=audience&lang=${ui}&slide=${index + 1}`;
    // noopener: the audience window has no opener, so it cannot reach an LMS's API through it.
    window.open(url, `mx-a20-audience-${meta.id}`, 'popup,noopener,width=1280,height=720');
  };

  return (
    <div className="speaker">
      <title>{`${t('present.title')}: ${lesson.title} — ${t('app.shortTitle')}`}</title>
      <header className="speaker-header">
        <div>
          <p className="eyebrow">{t('present.title')}</p>
          <h1 lang={lesson.locale} dir={directionOf(lesson.locale)}>
            {lesson.title}
          </h1>
        </div>
        <nav className="speaker-links" aria-label={t('present.title')}>
          <Link to="/instructor">{t('present.tools')}</Link>
        </nav>
      </header>

      <div className="speaker-bar">
        <div className="speaker-controls" role="toolbar" aria-label={t('present.controls')}>
          <button type="button" className="button" onClick={() => go(index - 1)} disabled={index === 0}>
            <span aria-hidden="true" className="arrow-back">←</span> {t('present.previous')}
          </button>
          <button type="button" className="button primary" onClick={() => go(index + 1)} disabled={index === last}>
            {t('present.next')} <span aria-hidden="true" className="arrow-forward">→</span>
          </button>
          <button type="button" className="button" aria-pressed={state.blank} onClick={toggleBlank}>
            {t('present.blank')}
          </button>
          <button type="button" className="button" onClick={openAudience}>
            {t('present.openAudience')}
          </button>
        </div>
        <p className="speaker-counter" role="status">
          {counter}
        </p>
      </div>
      <p className="hint speaker-hint">
        {peers > 0 ? t('present.connected') : t('present.notConnected')} {t('present.audienceHint')}
      </p>

      <div className="speaker-grid">
        <section className="speaker-current" aria-labelledby="speaker-current-label">
          <h2 id="speaker-current-label" className="speaker-label">
            {t('present.current')}
            {state.blank && <span className="badge">{t('present.blankBadge')}</span>}
          </h2>
          <div className="slide-frame">
            <SlideView slide={slide} t={t} locale={locale} ui={ui} headingLevel={null} />
          </div>
        </section>
        <aside className="speaker-side" aria-label={t('present.upNext')}>
          <h2 className="speaker-label">{t('present.upNext')}</h2>
          {next ? (
            <>
              <div className="slide-frame preview" aria-hidden="true">
                <SlideView slide={next} t={t} locale={locale} ui={ui} headingLevel={null} />
              </div>
              <p className="next-title" lang={locale} dir={directionOf(locale)}>
                {slideTitle(next, t)}
              </p>
            </>
          ) : (
            <p className="next-title">{t('present.end')}</p>
          )}
          <Timer t={t} minutes={meta.minutes} locale={ui} />
        </aside>
        <section className="speaker-notes" aria-labelledby="speaker-notes-label">
          <h2 id="speaker-notes-label" className="speaker-label">
            {t('present.notes')}
          </h2>
          <div className="notes-body" lang={locale} dir={directionOf(locale)} tabIndex={0} role="region" aria-labelledby="speaker-notes-label">
            <SpeakerNotes slide={slide} t={t} />
          </div>
        </section>
      </div>
      <p className="hint">{t('present.keys')}</p>
      <p className="hint">{t('present.noProgress')}</p>
    </div>
  );
}

function SpeakerNotes({ slide, t }: { slide: Slide; t: TFunction }) {
  switch (slide.kind) {
    case 'points':
      return <NoteBlocks blocks={slide.notes} t={t} />;
    case 'discussion':
      return (
        <>
          <p className="notes-subhead">{t('lesson.facilitatorNotes')}</p>
          <p>
            <SlideInlines nodes={slide.notes} />
          </p>
        </>
      );
    default:
      return <p>{t('present.notesNone')}</p>;
  }
}

function Timer({ t, minutes, locale }: { t: TFunction; minutes: number; locale: string }) {
  const [running, setRunning] = useState(false);
  const [since, setSince] = useState(0);
  const [banked, setBanked] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const elapsed = Math.max(0, banked + (running ? now - since : 0));
  const s = Math.floor(elapsed / 1000);
  const mmss = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const over = s > minutes * 60;
  return (
    <section className="timer" aria-labelledby="timer-label">
      <h2 id="timer-label" className="speaker-label">
        {t('present.timer')}
      </h2>
      <p className={`timer-value${over ? ' over' : ''}`} dir="ltr">
        <span className="visually-hidden">{t('present.elapsed')}: </span>
        {mmss}
      </p>
      <p className="hint">
        {t('present.planned', { minutes })} · {t('present.clock')}{' '}
        {new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(now)}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            if (running) {
              setBanked(banked + Date.now() - since);
              setRunning(false);
            } else {
              setSince(Date.now());
              setRunning(true);
            }
          }}
        >
          {running ? t('present.pause') : t('present.start')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setBanked(0);
            setSince(Date.now());
          }}
        >
          {t('present.reset')}
        </button>
      </div>
    </section>
  );
}

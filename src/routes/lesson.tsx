import { use, useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LessonMeta } from '../content/model.ts';
import { useCourseStore } from '../store/course-store.ts';
import { lessonProgress } from '../store/selectors.ts';
import { Blocks, Inlines, inlineText } from '../ui/content/render.tsx';
import { courseIndex, findLesson, lessonTitle, loadLesson } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { quizForLesson } from '../ui/quiz/quiz-data.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';
import NotFound from './not-found.tsx';

export default function LessonRoute() {
  const { lessonId = '' } = useParams();
  const meta = findLesson(lessonId);
  if (!meta) return <NotFound />;
  return <LessonReader meta={meta} />;
}

function LessonReader({ meta }: { meta: LessonMeta }) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const { sectionId } = useParams();
  const { lesson, fallback } = use(loadLesson(meta, ui));
  const visited = useCourseStore((s) => s.visited);
  const visitSection = useCourseStore((s) => s.visitSection);

  const index = Math.max(0, lesson.sections.findIndex((s) => s.id === sectionId));
  const section = lesson.sections[index];
  const unknownSection = sectionId !== undefined && lesson.sections[index]?.id !== sectionId;

  // Viewing a section is what counts towards completion.
  useEffect(() => {
    if (section && !unknownSection) visitSection(meta.id, section.id);
  }, [meta.id, section, unknownSection, visitSection]);

  // After moving between sections, focus the new section's heading (not on first load).
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastSection = useRef<string | null>(null);
  useEffect(() => {
    if (lastSection.current !== null && lastSection.current !== section?.id) headingRef.current?.focus();
    lastSection.current = section?.id ?? null;
  }, [section?.id]);

  if (!section || unknownSection) return <NotFound />;

  const progress = lessonProgress(visited, meta);
  const percent = Math.round((progress.viewed / Math.max(1, progress.total)) * 100);
  const prev = lesson.sections[index - 1];
  const next = lesson.sections[index + 1];
  const lessonPos = courseIndex.lessons.findIndex((l) => l.id === meta.id);
  const nextLesson = courseIndex.lessons[lessonPos + 1];
  const isLast = index === lesson.sections.length - 1;
  const contentDir = directionOf(lesson.locale);
  const quiz = quizForLesson(meta.id);

  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <title>{`${lesson.title} — ${t('app.shortTitle')}`}</title>
      <header className="lesson-header">
        <p className="eyebrow">{t('home.lessonN', { n: meta.order })}</p>
        <h1 id="lesson-title" lang={lesson.locale} dir={contentDir}>
          {lesson.title}
        </h1>
        {fallback && (
          <p className="fallback-notice" role="note">
            {t('lesson.fallback', { language: t(`languages.${lesson.locale}`) })}
          </p>
        )}
        <div className="lesson-progress">
          <p id="lesson-progress-label">
            {t('lesson.progress', { current: index + 1, total: lesson.sections.length })}
            {' · '}
            {progress.complete ? t('home.complete') : t('lesson.viewed', { viewed: progress.viewed, total: progress.total })}
          </p>
          <progress max={100} value={percent} aria-labelledby="lesson-progress-label" aria-valuetext={`${percent}%`} />
        </div>
        <button type="button" className="link-button print-button" onClick={() => window.print()}>
          {t('lesson.print')}
        </button>
      </header>

      <div className="lesson-layout">

        <div className="lesson-body" lang={lesson.locale} dir={contentDir}>
          {index === 0 && (
            <section className="objectives" aria-labelledby="objectives-title">
              <h2 id="objectives-title">{t('lesson.objectives')}</h2>
              <ul>
                {lesson.objectives.map((o, i) => (
                  <li key={i}>
                    <Inlines nodes={o} />
                  </li>
                ))}
              </ul>
              <p className="meta">{t('home.minutes', { count: meta.minutes })}</p>
            </section>
          )}
          {/* Every section is in the page so a printout holds the whole lesson; only the current one shows on screen. */}
          {lesson.sections.map((s, i) => (
            <section key={s.id} className="lesson-section" hidden={i !== index} aria-labelledby={`sec-${s.id}`}>
              <h2 id={`sec-${s.id}`} ref={i === index ? headingRef : undefined} tabIndex={-1}>
                <Inlines nodes={s.title} />
              </h2>
              <Blocks blocks={s.blocks} />
            </section>
          ))}
          {lesson.discussion.length > 0 && (
            <section className="discussion" hidden={!isLast} aria-labelledby="discussion-title">
              <h2 id="discussion-title">{t('lesson.discussion')}</h2>
              <ol>
                {lesson.discussion.map((d, i) => (
                  <li key={i}>
                    <p>
                      <Inlines nodes={d.question} />
                    </p>
                    <details>
                      <summary>{t('lesson.facilitatorNotes')}</summary>
                      <p>
                        <Inlines nodes={d.notes} />
                      </p>
                    </details>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
        <nav className="lesson-toc" aria-label={t('lesson.sections')}>
          <h2 className="toc-title">{t('lesson.sections')}</h2>
          <ol>
            {lesson.sections.map((s, i) => {
              const seen = (visited[meta.id] ?? []).includes(s.id);
              return (
                <li key={s.id} className={seen ? 'seen' : undefined}>
                  <Link
                    to={`/lesson/${meta.id}/${s.id}`}
                    aria-current={i === index ? 'step' : undefined}
                    lang={lesson.locale}
                    dir={contentDir}
                  >
                    <span className="toc-mark" aria-hidden="true">{seen ? '✓' : '○'}</span>
                    {inlineText(s.title)}
                    {seen && <span className="visually-hidden"> ({t('lesson.sectionViewed')})</span>}
                  </Link>
                </li>
              );
            })}
          </ol>
        </nav>
      </div>

      {isLast && quiz && (
        <section className="quiz-callout" aria-labelledby="quiz-callout-title">
          <h2 id="quiz-callout-title">{t('quiz.callout.title')}</h2>
          <p>{t('quiz.callout.body')}</p>
          <p>
            <Link className="button primary" to={`/quiz/${quiz.id}`}>
              {t('quiz.callout.link')}
            </Link>
          </p>
        </section>
      )}

      <nav className="pager" aria-label={t('lesson.pager')}>
        {prev ? (
          <Link className="button" to={`/lesson/${meta.id}/${prev.id}`} rel="prev">
            <span aria-hidden="true" className="arrow-back">←</span> {t('lesson.previous')}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link className="button primary" to={`/lesson/${meta.id}/${next.id}`} rel="next">
            {t('lesson.next')} <span aria-hidden="true" className="arrow-forward">→</span>
          </Link>
        ) : nextLesson ? (
          <Link className="button primary" to={`/lesson/${nextLesson.id}`}>
            {t('lesson.nextLesson', { title: lessonTitle(nextLesson, ui) })}{' '}
            <span aria-hidden="true" className="arrow-forward">→</span>
          </Link>
        ) : (
          <Link className="button primary" to="/">
            {t('lesson.backToLessons')}
          </Link>
        )}
      </nav>
    </article>
  );
}

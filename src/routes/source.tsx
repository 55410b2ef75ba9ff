import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { lessonTitle, lessonsTeaching } from '../ui/course-data.ts';
import { ParagraphText } from '../ui/paragraph-text.tsx';
import { useReportVersion, VersionSwitch } from '../ui/report-version.tsx';
import { useUiLocale } from '../ui/use-ui-locale.ts';

/** The whole report by section; `#/source/25` highlights and focuses ¶25. */
export default function SourceReader() {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const { n } = useParams();
  const target = n !== undefined ? Number(n) : null;
  const version = useReportVersion();
  const { report, translationLocale, translation, original } = version;
  const targetRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const el = targetRef.current;
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [target]);

  const valid = target === null || report.paragraphs.some((p) => p.n === target);
  const byN = new Map(report.paragraphs.map((p) => [p.n, p]));

  return (
    <div className="source-reader">
      <title>{`${t('source.title')} — ${t('app.shortTitle')}`}</title>
      <h1>{t('source.title')}</h1>
      <p className="lead">{t('source.intro')}</p>
      {!valid && (
        <p className="fallback-notice" role="alert">
          {t('source.noSuchParagraph', { n, count: report.paragraphs.length })}
        </p>
      )}
      <VersionSwitch version={version} />
      <p className="report-title" lang="zh">
        {report.title}
      </p>
      {report.sections.map((section) => {
        const HeadingTag = section.depth <= 2 ? 'h2' : 'h3';
        return (
          <section key={section.id} className="report-section" aria-labelledby={`rs-${section.id}`}>
            {!original && translationLocale && section.titles?.[translationLocale] ? (
              <HeadingTag id={`rs-${section.id}`} lang={translationLocale}>
                {section.titles[translationLocale]}
              </HeadingTag>
            ) : (
              <HeadingTag id={`rs-${section.id}`} lang="zh">
                {section.title}
              </HeadingTag>
            )}
            {section.paragraphs.map((num) => {
              const p = byN.get(num);
              if (!p) return null;
              const lessons = lessonsTeaching(num);
              const text = !original && translation?.[num] ? translation[num] : null;
              const isTarget = num === target;
              return (
                <article
                  key={num}
                  id={`p-${num}`}
                  ref={isTarget ? targetRef : undefined}
                  tabIndex={isTarget ? -1 : undefined}
                  className={`report-paragraph${isTarget ? ' is-target' : ''}`}
                  aria-labelledby={`pn-${num}`}
                  aria-current={isTarget ? 'location' : undefined}
                >
                  <h4 id={`pn-${num}`} className="paragraph-number">
                    {t('source.paragraph', { n: num })}
                  </h4>
                  <ParagraphText text={text ?? p.text} lang={text ? translationLocale! : 'zh'} />
                  {lessons.length > 0 && (
                    <p className="taught-in">
                      {t('source.taughtIn')}{' '}
                      {lessons.map((l, i) => (
                        <span key={l.id}>
                          {i > 0 && ', '}
                          <Link to={`/lesson/${l.id}`}>{t('home.lessonN', { n: l.order })}: {lessonTitle(l, ui)}</Link>
                        </span>
                      ))}
                    </p>
                  )}
                </article>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_FALLBACKS } from '../course-config.ts';
import { loadTimelineData } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { ParagraphRefs, ReferencePage } from '../ui/reference-page.tsx';
import { useUiLocale } from '../ui/use-ui-locale.ts';

/** Formats `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in the learner's language, at the precision given. */
function formatDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return String(y);
  const value = new Date(Date.UTC(y!, m - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions =
    d === undefined
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { dateStyle: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, opts).format(value);
}

export default function Timeline() {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const events = use(loadTimelineData());
  const locale = CONTENT_FALLBACKS[ui][0]!;
  // Stable sort: events of the same date keep their authored order. A year-only date ("2016")
  // sorts before the dated events of that year, as it does in the compiled course.
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return (
    <ReferencePage page="timeline" count={events.length} locale={locale}>
      <ol className="timeline-list">
        {sorted.map((e) => (
          <li key={e.id} className={`timeline-event${e.background ? ' is-background' : ''}`}>
            <time dateTime={e.date}>{formatDate(e.date, ui)}</time>
            <div>
              <p lang={locale} dir={directionOf(locale)}>
                {e.label[locale]}
              </p>
              {e.background ? (
                <p className="badge">{t('timeline.background')}</p>
              ) : (
                <p className="refs">
                  {t('timeline.reported')} <ParagraphRefs paragraphs={e.paragraphs} />
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
    </ReferencePage>
  );
}

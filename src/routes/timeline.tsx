import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_FALLBACKS } from '../course-config.ts';
import { CiteButton } from '../ui/cite-button.tsx';
import { loadTimelineData } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
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

/** Sorted paragraph numbers as runs of consecutive paragraphs: [9, 10, 18] → [[9, 10], [18, 18]]. */
function toRanges(paragraphs: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of [...paragraphs].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else if (!last || n > last[1]) runs.push([n, n]);
  }
  return runs;
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
    <div className="timeline">
      <title>{`${t('timeline.title')} — ${t('app.shortTitle')}`}</title>
      <h1>{t('timeline.title')}</h1>
      <p className="lead">{t('timeline.intro', { count: events.length })}</p>
      {locale !== ui && (
        <p className="fallback-notice">{t('timeline.fallback', { language: t(`languages.${locale}`) })}</p>
      )}
      {sorted.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
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
                    {t('timeline.reported')}{' '}
                    {toRanges(e.paragraphs).map(([from, to]) => (
                      <CiteButton key={from} from={from} to={to} brackets={false} />
                    ))}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

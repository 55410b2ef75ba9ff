import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLocale } from '../content/model.ts';
import { CiteButton } from './cite-button.tsx';
import { useUiLocale } from './use-ui-locale.ts';

/**
 * The frame the glossary and the timeline share: title, lead, a notice when the entries are in
 * another language than the interface's, and the entries or a line saying there are none. Its
 * strings are the page's own group in ui.json (`glossary.title`, `timeline.empty`, …).
 */
export function ReferencePage({
  page,
  count,
  locale,
  children,
}: {
  page: 'glossary' | 'timeline';
  /** How many entries there are; none shows `<page>.empty` instead of the children. */
  count: number;
  /** The content language the entries are shown in. */
  locale: ContentLocale;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ui = useUiLocale();
  const language = t(`languages.${locale}`);
  // Keys written out, not built from `page`: so tests and tools that read the code see them.
  const text =
    page === 'glossary'
      ? {
          title: t('glossary.title'),
          intro: t('glossary.intro', { count }),
          fallback: t('glossary.fallback', { language }),
          empty: t('glossary.empty'),
        }
      : {
          title: t('timeline.title'),
          intro: t('timeline.intro', { count }),
          fallback: t('timeline.fallback', { language }),
          empty: t('timeline.empty'),
        };
  return (
    <div className={page}>
      <title>{`${text.title} — ${t('app.shortTitle')}`}</title>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      {locale !== ui && <p className="fallback-notice">{text.fallback}</p>}
      {count === 0 ? <p>{text.empty}</p> : children}
    </div>
  );
}

/** Sorted paragraph numbers as runs of consecutive paragraphs: [3, 59, 60, 61] → [[3, 3], [59, 61]]. */
export function toRanges(paragraphs: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of [...paragraphs].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else if (!last || n > last[1]) runs.push([n, n]);
  }
  return runs;
}

/** The paragraphs an entry rests on, as citation buttons "¶3 ¶59–61" (no brackets: a list of references). */
export function ParagraphRefs({ paragraphs }: { paragraphs: readonly number[] }) {
  return toRanges(paragraphs).map(([from, to]) => (
    <CiteButton key={from} from={from} to={to} brackets={false} />
  ));
}

import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Block, ContentLocale, Inline, TimelineEvent } from '../content/model.ts';
import type { UiLocale } from '../store/types.ts';
import { citationLabel } from '../ui/course-data.ts';
import { directionOf } from '../ui/i18n.ts';
import { ViewBlocks, type BlockView } from './block-views.tsx';
import { decimalYear, type Slide } from './slides.ts';

/**
 * Slides as the audience sees them. Citations show as [¶N] text and glossary terms as plain
 * words: a projected slide has nothing to click, and the presenter windows have no citation
 * panel. Sizes are in container units, so the same slide fills a projector or a preview.
 */
export function SlideInlines({ nodes }: { nodes: Inline[] }): ReactNode {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'br':
        return <br key={i} />;
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'em':
        return (
          <em key={i}>
            <SlideInlines nodes={n.c} />
          </em>
        );
      case 'strong':
        return (
          <strong key={i}>
            <SlideInlines nodes={n.c} />
          </strong>
        );
      case 'cite':
        return (
          <span key={i} className="slide-cite">
            [{citationLabel(n.from, n.to)}]
          </span>
        );
      case 'link':
      case 'term':
        return <SlideInlines key={i} nodes={n.c} />;
    }
  });
}

/** Blocks of a section, for the speaker's notes. */
export function NoteBlocks({ blocks, t }: { blocks: Block[]; t: TFunction }): ReactNode {
  return <ViewBlocks blocks={blocks} view={notesView(t)} />;
}

function notesView(t: TFunction): BlockView {
  return {
    paragraph: (nodes) => (
      <p>
        <SlideInlines nodes={nodes} />
      </p>
    ),
    heading: (nodes) => (
      <p className="notes-subhead">
        <SlideInlines nodes={nodes} />
      </p>
    ),
    listItem: (item) => <NoteBlocks blocks={item} t={t} />,
    note: (blocks) => <SlideNote blocks={blocks} t={t} />,
    listStart: false,
  };
}

/** A `> [!NOTE]` block on a slide or in the speaker's notes. */
function SlideNote({ blocks, t }: { blocks: Block[]; t: TFunction }) {
  return (
    <div className="slide-note">
      <p className="slide-note-label">{t('lesson.note')}</p>
      <NoteBlocks blocks={blocks} t={t} />
    </div>
  );
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in the reader's language, at the precision given. */
export function formatEventDate(date: string, locale: string): string {
  // English as the United Nations writes it: 22 February 2016.
  if (locale === 'en') locale = 'en-GB';
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return String(y);
  const value = new Date(Date.UTC(y!, m - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions =
    d === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, opts).format(value);
}


/** The dated events of a lesson on a line, numbered, with the list that says the same in words. */
function TimelineFigure({ events, locale }: { events: TimelineEvent[]; locale: ContentLocale }) {
  const years = events.map((e) => decimalYear(e.date));
  const lo = Math.floor(Math.min(...years));
  const hi = Math.ceil(Math.max(...years)) + (Math.min(...years) === Math.max(...years) ? 1 : 0);
  const W = 1000;
  const x = (v: number) => 40 + ((v - lo) / Math.max(1, hi - lo)) * (W - 80);
  const ticks: number[] = [];
  const step = hi - lo > 12 ? 5 : 1;
  for (let y = lo; y <= hi; y += step) ticks.push(y);
  return (
    <div className="slide-timeline">
      <svg viewBox={`0 0 ${W} 120`} className="slide-timeline-axis" aria-hidden="true" direction="ltr">
        <line x1={30} y1={60} x2={W - 30} y2={60} className="axis" />
        {ticks.map((y) => (
          <g key={y}>
            <line x1={x(y)} y1={52} x2={x(y)} y2={68} className="tick" />
            <text x={x(y) + 4} y={56} textAnchor="start" className="tick-label">
              {y}
            </text>
          </g>
        ))}
        {events.map((e, k) => {
          // Alternate above and below the line, so events months apart do not cover each other.
          const cy = k % 2 === 0 ? 30 : 90;
          return (
            <g key={e.id}>
              <line x1={x(years[k]!)} y1={60} x2={x(years[k]!)} y2={cy} className="tick" />
              <circle cx={x(years[k]!)} cy={cy} r={15} className="marker" />
              <text x={x(years[k]!)} y={cy + 6} textAnchor="middle" className="marker-label">
                {k + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <ol className="slide-events" lang={locale}>
        {events.map((e) => (
          <li key={e.id}>
            <span className="slide-event-date">{formatEventDate(e.date, locale)}</span>{' '}
            <span>{e.label[locale]}</span>{' '}
            <span className="slide-cite">[{e.paragraphs.map((p) => `¶${p}`).join(', ')}]</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The bulleted lines of an objectives or points slide. */
function SlidePoints({ points }: { points: Inline[][] }) {
  return (
    <ul className="slide-points">
      {points.map((p, k) => (
        <li key={k}>
          <SlideInlines nodes={p} />
        </li>
      ))}
    </ul>
  );
}

interface HeadingProps {
  level: 1 | 2 | null;
  className?: string;
  children: ReactNode;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

function Heading({ level, children, ...attrs }: HeadingProps) {
  if (level === 1) return <h1 {...attrs}>{children}</h1>;
  if (level === 2) return <h2 {...attrs}>{children}</h2>;
  return <p {...attrs}>{children}</p>;
}

interface SlideViewProps {
  slide: Slide;
  t: TFunction;
  /** The lesson's language (the slide's text). */
  locale: ContentLocale;
  /** The interface language (labels such as "Timeline" or "Question for discussion"). */
  ui: UiLocale;
  /** 1 for the audience window, 2 for the speaker's current slide, null for a preview. */
  headingLevel: 1 | 2 | null;
}

/** The title a slide shows (and the speaker view lists). */
export function slideTitle(slide: Slide, t: TFunction): ReactNode {
  switch (slide.kind) {
    case 'title':
      return slide.title;
    case 'objectives':
      return t('lesson.objectives');
    case 'points':
      return slide.parts > 1 ? (
        <>
          <SlideInlines nodes={slide.title} /> ({slide.part}/{slide.parts})
        </>
      ) : (
        <SlideInlines nodes={slide.title} />
      );
    case 'timeline':
      return slide.parts > 1 ? `${t('timeline.title')} (${slide.part}/${slide.parts})` : t('timeline.title');
    case 'discussion':
      return t('present.discussionN', { n: slide.n, total: slide.total });
  }
}

export function SlideView({ slide, t, locale, ui, headingLevel }: SlideViewProps) {
  const title = slideTitle(slide, t);
  const uiText = { lang: ui, dir: directionOf(ui) };
  // Objectives, timeline and discussion slides are titled in the interface language.
  const titleText = slide.kind === 'title' || slide.kind === 'points' ? {} : uiText;
  return (
    <div className={`slide slide-${slide.kind}`} lang={locale} dir="ltr">
      {slide.kind === 'title' ? (
        <div className="slide-title-block">
          <p className="slide-eyebrow" {...uiText}>
            {t('home.lessonN', { n: slide.order })}
          </p>
          <Heading level={headingLevel} className="slide-heading">
            {title}
          </Heading>
          <p className="slide-meta" {...uiText}>
            {slide.paragraphs.length > 0 &&
              t('home.paragraphs', {
                range: citationLabel(slide.paragraphs[0]!, slide.paragraphs[slide.paragraphs.length - 1]!),
              })}
            {' · '}
            {t('home.minutes', { count: slide.minutes })}
          </p>
        </div>
      ) : (
        <>
          <Heading level={headingLevel} className="slide-heading" {...titleText}>
            {title}
          </Heading>
          {slide.kind === 'objectives' && <SlidePoints points={slide.items} />}
          {slide.kind === 'points' && (
            <>
              <SlidePoints points={slide.points} />
              {slide.callouts.map((c, k) => (
                <SlideNote key={k} blocks={c} t={t} />
              ))}
            </>
          )}
          {slide.kind === 'timeline' && <TimelineFigure events={slide.events} locale={locale} />}
          {slide.kind === 'discussion' && (
            <p className="slide-question">
              <SlideInlines nodes={slide.question} />
            </p>
          )}
        </>
      )}
    </div>
  );
}

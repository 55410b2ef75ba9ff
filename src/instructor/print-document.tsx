import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import type { ContentLocale } from '../content/model.ts';
import type { UiLocale } from '../store/types.ts';
import { directionOf } from '../ui/i18n.ts';

/** One chapter of a printed document: starts on a new page, listed in the contents. */
export interface Chapter {
  id: string;
  /** "Lesson 4", "Reference": printed above the title, and used to find the chapter's page in the PDF. */
  eyebrow: string;
  title: string;
  /** Shown after the title in the contents (a paragraph range). */
  detail?: string;
  body: ReactNode;
}

interface Props {
  ui: UiLocale;
  content: ContentLocale;
  t: TFunction;
  kind: 'briefing' | 'guide';
  /** Cover lines under the title. */
  cover: ReactNode;
  intro: ReactNode;
  chapters: Chapter[];
  /** Chapter id -> page number, when known (the PDF script passes them in a second pass). */
  pages: Map<string, number>;
}

/** `lesson-01:5,glossary:61` (from the URL) as a map. */
export function parsePages(param: string | null): Map<string, number> {
  const pages = new Map<string, number>();
  for (const part of (param ?? '').split(',')) {
    const [id, n] = part.split(':');
    if (id && n && /^\d+$/.test(n)) pages.set(id, Number(n));
  }
  return pages;
}

/** A CSS string literal. */
function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

const MARGIN_FONT = "font: 8pt system-ui, 'Liberation Sans', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif; color: #4a5361;";

/**
 * Running headers and page numbers, on paper: every chapter is a named page whose top margin
 * carries the chapter's name, and every page but the cover its number. Chromium prints @page
 * margin boxes and named pages; the rules go in through a constructed style sheet, which the
 * course's Content-Security-Policy (no inline styles) allows.
 */
export function runningHeaderCss(chapters: readonly Pick<Chapter, 'id' | 'eyebrow' | 'title'>[], courseTitle: string, documentTitle: string): string {
  const box = (where: string, content: string) => `@${where} { content: ${content}; ${MARGIN_FONT} }`;
  const number = box('bottom-center', 'counter(page) " / " counter(pages)');
  const size = 'size: A4; margin: 22mm 18mm 20mm;';
  const rules = [
    `@page { ${size} ${box('top-left', cssString(courseTitle))} ${box('top-right', cssString(documentTitle))} ${number} }`,
    '@page :first { @top-left { content: none } @top-right { content: none } @bottom-center { content: none } }',
  ];
  chapters.forEach((c, k) => {
    const name = `chapter-${k + 1}`;
    rules.push(`[data-chapter=${cssString(c.id)}] { page: ${name}; }`);
    rules.push(`@page ${name} { ${size} ${box('top-left', cssString(`${c.eyebrow} · ${c.title}`))} ${box('top-right', cssString(documentTitle))} ${number} }`);
  });
  return rules.join('\n');
}

function useRunningHeaders(css: string) {
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}

/**
 * A print-ready document: cover, contents, chapters. On screen it shows as pages on a desk
 * with a print button; on paper each chapter starts a page and headings keep with their text.
 */
export function PrintDocument({ ui, content, t, kind, cover, intro, chapters, pages }: Props) {
  const title = kind === 'briefing' ? t('print.briefingTitle') : t('print.guideTitle');
  useRunningHeaders(runningHeaderCss(chapters, t('app.shortTitle'), title));
  return (
    <>
      <title>{`${title} — ${t('app.shortTitle')}`}</title>
      <div className="print-toolbar" lang={ui} dir={directionOf(ui)}>
        <p>{t('print.screenNote')}</p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => window.print()}>
            {t('print.printButton')}
          </button>
          <Link className="button" to="/instructor">
            {t('present.tools')}
          </Link>
        </div>
      </div>
      <article className={`print-book print-${kind}`} lang={content} dir={directionOf(content)} data-ready="true">
        <header className="print-cover" lang={ui} dir={directionOf(ui)}>
          <p className="print-cover-kind">{title}</p>
          <h1>{t('app.title')}</h1>
          {cover}
        </header>
        <nav className="print-toc" aria-labelledby="print-toc-title" lang={ui} dir={directionOf(ui)}>
          <h2 id="print-toc-title">{t('print.contents')}</h2>
          {intro}
          <ol className="toc-entries">
            {chapters.map((c) => (
              <li key={c.id}>
                <a href={`#${c.id}`} onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(c.id)?.scrollIntoView();
                }}>
                  <span className="toc-eyebrow">{c.eyebrow}</span>
                  <span className="toc-title" lang={content}>
                    {c.title}
                  </span>
                  {c.detail && <span className="toc-detail">{c.detail}</span>}
                  <span className="toc-leader" aria-hidden="true" />
                  <span className="toc-page">{pages.get(c.id) ?? ''}</span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
        {chapters.map((c) => (
          <section key={c.id} id={c.id} className="print-chapter" data-chapter={c.id} data-eyebrow={c.eyebrow} data-title={c.title} aria-labelledby={`${c.id}-title`}>
            <p className="print-eyebrow" lang={ui} dir={directionOf(ui)}>
              {c.eyebrow}
            </p>
            <h2 id={`${c.id}-title`}>{c.title}</h2>
            {c.body}
          </section>
        ))}
      </article>
    </>
  );
}

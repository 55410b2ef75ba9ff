import { describe, expect, it } from 'vitest';
import { parseDests } from '../../../scorm/print-pdfs.ts';
import { parsePages, runningHeaderCss } from '../../../src/instructor/print-document.tsx';

describe('page numbers for the contents', () => {
  it('reads the named destinations pdfinfo lists', () => {
    const out = [
      'Page  Destination                 Name',
      '   3 [ XYZ    0  843 null      ] "01-mexico-report"',
      '  47 [ XYZ    0  843 null      ] "glossary"',
    ].join('\n');
    expect([...parseDests(out)]).toEqual([
      ['01-mexico-report', 3],
      ['glossary', 47],
    ]);
  });

  it('reads ?pages= and ignores what is not id:number', () => {
    expect([...parsePages('01-mexico-report:3,glossary:47,bad,x:y,:4')]).toEqual([
      ['01-mexico-report', 3],
      ['glossary', 47],
    ]);
    expect(parsePages(null).size).toBe(0);
  });
});

describe('running headers', () => {
  const css = runningHeaderCss(
    [
      { id: '04-tpnw', eyebrow: 'Lesson 4', title: 'The "Treaty" on the Prohibition' },
      { id: 'glossary', eyebrow: 'Reference', title: 'Glossary' },
    ],
    'Mexico and Action 20',
    'Briefing book',
  );

  it('names a page per chapter, with the chapter in its top margin and the page number at the foot', () => {
    expect(css).toContain('[data-chapter="04-tpnw"] { page: chapter-1; }');
    expect(css).toContain('@page chapter-1 { size: A4; margin: 22mm 18mm 20mm; @top-left { content: "Lesson 4 · The \\"Treaty\\" on the Prohibition";');
    expect(css).toContain('@page chapter-2 { size: A4; margin: 22mm 18mm 20mm; @top-left { content: "Reference · Glossary";');
    expect(css).toContain('@bottom-center { content: counter(page) " / " counter(pages);');
  });

  it('leaves the cover without header or number', () => {
    expect(css).toContain('@page :first { @top-left { content: none } @top-right { content: none } @bottom-center { content: none } }');
  });

  it('is a style sheet the browser accepts as a whole', () => {
    // Braces balance: every rule closed (a stray quote would leave one open).
    expect(css.split('{').length).toBe(css.split('}').length);
  });
});

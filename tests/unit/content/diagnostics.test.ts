import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse, formatDiagnostic } from '../../../src/content/index.ts';
import { fixtureRoot, removeRoot } from './fixture-root.ts';

/**
 * Golden fixtures of broken content: each case under tests/fixtures/content/<case> is a tiny
 * project root (the real report is added when the case has none), and the test asserts every
 * diagnostic line exactly, as `npm run check` prints it.
 */
const GOLDEN: Record<string, string[]> = {
  'cite001-malformed': [
    'lessons/01-intro/es.md:22:127 error CITE001 malformed citation "[¶ 1]": remove the spaces: [¶1]',
    'lessons/01-intro/es.md:22:134 error CITE001 malformed citation "[¶1–2]": use the ASCII hyphen "-": [¶1-2]',
    'lessons/01-intro/es.md:22:142 error CITE001 malformed citation "[¶1,2]": one paragraph or range per citation: [¶1] [¶2]',
    'lessons/01-intro/es.md:22:150 error CITE001 malformed citation "[¶]": missing paragraph number',
    'lessons/01-intro/es.md:22:156 error CITE001 malformed citation "¶1": write it in square brackets: [¶1]',
  ],
  'cite002-unknown': [
    'lessons/01-intro/es.md:9:41 error CITE002 paragraph ¶97 does not exist in the report (1–91)',
    'lessons/01-intro/es.md:10:36 error CITE002 paragraph ¶99 does not exist in the report (1–91)',
    'lessons/01-intro/es.md:22:105 error CITE002 paragraph ¶97 does not exist in the report (1–91)',
    'lessons/01-intro/es.md:22:111 error CITE002 paragraphs ¶92-95 do not exist in the report (1–91)',
  ],
  'cite003-reversed': ['lessons/01-intro/en.md:26:52 error CITE003 reversed range [¶2-1]: write [¶1-2]'],
  'cite004-sets': [
    'lessons/01-intro/en.md:20:1 error CITE004 section #why cites different paragraphs than lessons/01-intro/es.md: extra ¶3, ¶4',
    'lessons/01-intro/zh.md:24:1 error CITE004 section #summary cites different paragraphs than lessons/01-intro/es.md: missing ¶2; extra ¶1',
    'lessons/02-other/zh.md:1:1 error CITE004 the lesson cites different paragraphs than lessons/02-other/es.md: extra ¶3',
  ],
  'fm-fields': [
    'lessons/01-intro/en.md:2:5 error FM003 id "Intro" must be kebab-case (e.g. 01-mexico-report)',
    'lessons/01-intro/en.md:5:10 error FM003 minutes must be a positive integer, got 0',
    'lessons/01-intro/en.md:8:3 warning FM005 3-5 learning objectives are expected, found 2',
    'lessons/01-intro/es.md:1:1 error FM002 missing required front matter field "minutes"',
    'lessons/01-intro/es.md:5:1 warning FM004 unknown front matter field "author" (allowed: id, order, title, minutes, paragraphs, objectives, discussion)',
    'lessons/01-intro/zh.md:2:5 error FM003 id "02-other" must equal the folder name "01-intro"',
    'lessons/01-intro/zh.md:3:8 error FM003 order must be a positive integer, got "first"',
    'lessons/01-intro/zh.md:6:19 error FM003 paragraph ¶97 does not exist in the report (1–91)',
    'lessons/01-intro/zh.md:6:23 error FM003 reversed range "5-3" in paragraphs: write 3-5',
    'lessons/01-intro/zh.md:6:28 error FM003 paragraphs entry "abc" is not a paragraph number or an "a-b" range (ASCII hyphen)',
  ],
  'fm001-missing': [
    'lessons/01-intro/en.md:1:1 error FM001 missing front matter: the file must start with a "---" line, the fields, and "---"',
    'lessons/01-intro/zh.md:1:1 error FM001 front matter is not closed: add a line "---" after it',
  ],
  'fm003-yaml': [
    'lessons/01-intro/en.md:5:1 error FM003 front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  'glossary-errors': [
    'lessons/glossary.yaml:7:5 error GLOSS001 definition of "npt" has no zh text',
    'lessons/glossary.yaml:9:19 error GLOSS002 paragraph ¶97 does not exist in the report (1–91)',
    'lessons/glossary.yaml:9:23 error GLOSS002 reversed range "5-3" in paragraphs of "npt": write 3-5',
    'lessons/glossary.yaml:10:3 warning GLOSS005 unknown glossary field "see-also" (allowed: id, term, abbr, definition, paragraphs, background)',
    'lessons/glossary.yaml:11:7 error GLOSS003 duplicate glossary id "npt" (first defined on line 1)',
    'lessons/glossary.yaml:15:7 error GLOSS004 glossary id "Bad Id" must be a kebab-case string',
    'lessons/glossary.yaml:19:3 error GLOSS006 "tpnw" lists no paragraphs: add the paragraphs that name it, or mark it background: true',
  ],
  'lesson001-duplicates': [
    'lessons/02-copy/en.md:2:5 error FM003 id "01-intro" must equal the folder name "02-copy"',
    'lessons/02-copy/es.md:2:5 error FM003 id "01-intro" must equal the folder name "02-copy"',
    'lessons/02-copy/es.md:2:5 error LESSON001 lesson id "01-intro" is also used by lessons/01-intro/es.md',
    'lessons/02-copy/es.md:3:8 error LESSON002 order 1 is also used by lessons/01-intro/es.md',
    'lessons/02-copy/zh.md:2:5 error FM003 id "01-intro" must equal the folder name "02-copy"',
  ],
  'lesson003-missing-locale': [
    'lessons/01-intro/es.md:1:1 error LESSON003 lesson "01-intro" is missing in zh: lessons/01-intro/zh.md does not exist',
  ],
  'lesson004-front-matter': [
    'lessons/01-intro/en.md:3:8 error LESSON004 order is 2 here but 1 in lessons/01-intro/es.md; it must be the same in every locale',
    'lessons/01-intro/en.md:5:10 error LESSON004 minutes is 15 here but 10 in lessons/01-intro/es.md; it must be the same in every locale',
    'lessons/01-intro/en.md:6:13 error LESSON004 paragraphs is [1, 2] here but [1-3] in lessons/01-intro/es.md; it must be the same in every locale',
    'lessons/01-intro/es.md:6:13 warning LESSON005 paragraph ¶3 listed in paragraphs is never cited in the lesson',
  ],
  'markdown-unsupported': [
    'lessons/01-intro/es.md:26:11 error HTML001 raw HTML "<b>" is not allowed and is not rendered',
    'lessons/01-intro/es.md:26:21 error HTML001 raw HTML "</b>" is not allowed and is not rendered',
    'lessons/01-intro/es.md:26:39 error LINK001 link "ftp://example.org" is not allowed: use an http, https or mailto address, or term:<id> for a glossary term',
    'lessons/01-intro/es.md:26:74 error LINK001 link "/pagina" is not allowed: use an http, https or mailto address, or term:<id> for a glossary term',
    'lessons/01-intro/es.md:28:1 error HTML001 raw HTML "<div>bloque</div>" is not allowed and is not rendered',
    'lessons/01-intro/es.md:30:1 error MD001 images are not supported',
    'lessons/01-intro/es.md:32:1 error MD001 code blocks are not supported',
    'lessons/01-intro/es.md:36:1 error MD001 tables are not supported: use a list',
    'lessons/01-intro/es.md:40:16 error MD001 footnotes are not supported ("[^nota]"): put the text in the paragraph',
    'lessons/01-intro/es.md:40:29 error MD001 reference-style links are not supported: write the address inline, [text](https://...)',
    'lessons/01-intro/es.md:42:1 error MD001 footnotes are not supported ("[^nota]"): put the text in the paragraph',
    'lessons/01-intro/es.md:44:1 error MD001 link reference definitions are not supported: write the address inline, [text](https://...)',
    'lessons/01-intro/es.md:46:4 error MD002 emphasis marker "**" was not parsed and would show as text: check the matching marker',
    'lessons/01-intro/es.md:46:28 error MD002 emphasis marker "__" was not parsed and would show as text: check the matching marker',
    'lessons/01-intro/es.md:48:1 error MD001 "[!WARNING]" callouts are not supported: use > [!NOTE]',
    'lessons/01-intro/es.md:51:1 error MD001 heading level 5 is not supported: use ### or ####',
  ],
  'num001-numbers': [
    'lessons/01-intro/en.md:20:1 error NUM001 numbers in section #why differ from lessons/01-intro/es.md: missing 1996; extra 1995',
    'lessons/01-intro/zh.md:24:1 error NUM001 numbers in section #summary differ from lessons/01-intro/es.md: extra 71/258',
  ],
  'report-errors': [
    'lessons/source/report.zh.md:5:1 warning REPORT002 text outside a numbered paragraph is not part of any paragraph',
    'lessons/source/report.zh.md:9:1 error REPORT001 paragraph numbering jumps from 2 to 4 (missing 3)',
    'lessons/source/report.zh.md:13:1 error REPORT001 paragraph 4 is numbered twice',
  ],
  'sect-structure': [
    'lessons/01-intro/en.md:20:1 error SECT004 content before the first section: start the body with a "## Title {#id}" heading',
    'lessons/01-intro/en.md:24:1 error SECT005 a level-1 heading (#) is not allowed in a lesson body: the title comes from the front matter',
    'lessons/01-intro/en.md:32:1 error SECT001 section heading has no id: end it with {#section-id}',
    'lessons/01-intro/en.md:32:1 error SECT003 sections differ from lessons/01-intro/es.md: expected #why, #summary (extra #section-3, #Bad_Id)',
    'lessons/01-intro/en.md:34:1 error SECT001 section id "Bad_Id" must be kebab-case (e.g. {#why-mexico-reports})',
    'lessons/01-intro/en.md:36:1 error SECT002 duplicate section id "summary" (first used on line 28)',
  ],
  'sect003-order': [
    'lessons/01-intro/zh.md:20:1 error SECT003 sections differ from lessons/01-intro/es.md: expected #why, #summary in that order',
    'lessons/01-intro/zh.md:24:1 warning SECT007 the last section should be the summary, {#summary}',
  ],
  'term001-unknown': [
    'lessons/01-intro/es.md:26:89 error TERM001 unknown glossary term "tpnw": it is not in lessons/glossary.yaml',
  ],
  'timeline-errors': [
    'lessons/timeline.yaml:2:9 error TIME001 date of "bad-month" is "2016-13": write YYYY, YYYY-MM or YYYY-MM-DD (a real date)',
    'lessons/timeline.yaml:7:9 error TIME001 date of "bad-day" is "1996-02-30": write YYYY, YYYY-MM or YYYY-MM-DD (a real date)',
    'lessons/timeline.yaml:12:9 error TIME001 date of "words" is "July 1996": write YYYY, YYYY-MM or YYYY-MM-DD (a real date)',
    'lessons/timeline.yaml:19:15 error TIME002 "uncited" cites no paragraphs: add the paragraphs that report it, or mark it background: true',
    'lessons/timeline.yaml:24:15 error TIME003 "cited-background" is background (not in the report) and must not cite paragraphs',
    'lessons/timeline.yaml:29:20 error TIME004 paragraph ¶120 does not exist in the report (1–91)',
    'lessons/timeline.yaml:30:10 error TIME005 label of "unknown-paragraph" has no zh text',
    'lessons/timeline.yaml:31:7 error TIME006 duplicate timeline id "unknown-paragraph" (first defined on line 26)',
    'lessons/timeline.yaml:36:3 warning TIME007 unknown timeline field "source" (allowed: id, date, background, paragraphs, label)',
  ],
  'heading-errors': [
    'lessons/source/headings.yaml:1:1 error TRANS005 no heading translations for s2, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20',
    'lessons/source/headings.yaml:5:3 error TRANS005 section s3 ("导言") has no en heading',
    'lessons/source/headings.yaml:6:1 error TRANS004 section "s21" is not in the report (s1–s20)',
  ],
  'translation-errors': [
    'lessons/source/paragraphs.es.yaml:1:1 error TRANS001 missing paragraphs 3-9, 11-91',
    'lessons/source/paragraphs.es.yaml:1:4 warning TRANS002 ¶1: 4, 2000 of the original are missing from the translation',
    'lessons/source/paragraphs.es.yaml:6:5 warning TRANS002 ¶10: 2019 of the original is missing from the translation',
    'lessons/source/paragraphs.es.yaml:7:1 error TRANS001 paragraph 92 is not in the report (1–91)',
  ],
  'ui-errors': [
    'locales/ar/ui.json:1:1 error UI001 locale folder locales/ar is missing: 3 UI strings are untranslated',
    'locales/es/ui.json:1:1 error UI001 missing UI string "app.start" (present in locales/en/ui.json)',
    'locales/es/ui.json:7:5 warning UI002 UI string "nav.back" is not in locales/en/ui.json',
    'locales/zh/ui.json:4:5 error UI003 UI string "app.start" is empty',
  ],
  valid: [],
};

const roots: string[] = [];
afterAll(() => roots.forEach(removeRoot));

describe('content diagnostics (golden fixtures)', () => {
  for (const [name, expected] of Object.entries(GOLDEN)) {
    it(`reports exactly the expected problems for ${name}`, () => {
      const root = fixtureRoot(name);
      roots.push(root);
      const { diagnostics } = compileCourse({ root });
      expect(diagnostics.map(formatDiagnostic)).toEqual(expected);
    });
  }

  it('covers every required diagnostic code at least once', () => {
    const codes = new Set(Object.values(GOLDEN).flatMap((lines) => lines.map((l) => l.split(' ')[2])));
    const required = [
      'CITE001',
      'CITE002',
      'CITE003',
      'CITE004',
      'NUM001',
      'FM001',
      'FM002',
      'FM003',
      'FM004',
      'LESSON001',
      'LESSON002',
      'LESSON003',
      'LESSON004',
      'LESSON005',
      'SECT001',
      'SECT002',
      'SECT003',
      'SECT004',
      'SECT005',
      'HTML001',
      'LINK001',
      'TERM001',
      'MD001',
      'REPORT001',
      'GLOSS001',
      'GLOSS002',
      'GLOSS003',
      'TIME001',
      'TIME002',
      'TIME003',
      'TIME004',
      'TRANS001',
      'TRANS002',
      'UI001',
      'UI002',
      'UI003',
    ];
    expect(required.filter((c) => !codes.has(c))).toEqual([]);
  });
});

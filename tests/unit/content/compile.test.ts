import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/content/index.ts';
import type { Block, Inline } from '../../../src/content/model.ts';
import { fixtureRoots } from './fixture-root.ts';

const fixtures = fixtureRoots();
const valid = fixtures.compile('valid');
const lesson = (locale: string) => valid.lessons.find((l) => l.locale === locale)!;

describe('compileCourse on a valid course', () => {
  it('reports nothing', () => {
    expect(valid.diagnostics).toEqual([]);
  });

  it('compiles citations into cite nodes that split the text', () => {
    const why = lesson('en').sections[0]!;
    expect(why.id).toBe('why');
    expect(why.title).toEqual([{ t: 'text', v: 'Why Mexico reports' }]);
    expect(why.blocks).toEqual([
      {
        t: 'p',
        c: [
          {
            t: 'text',
            v: 'Mexico recalls the advisory opinion of the International Court of Justice of 8 July 1996 ',
          },
          { t: 'cite', from: 1, to: 1 },
          { t: 'text', v: '.' },
        ],
      },
    ]);
    expect(why.citations).toEqual([1]);
  });

  it('compiles glossary links, lists, emphasis, notes and external links', () => {
    const summary = lesson('en').sections[1]!;
    const [p, ul, note] = summary.blocks as [Block, Block, Block];
    expect(p).toEqual({
      t: 'p',
      c: [
        { t: 'text', v: 'Mexico seeks a more peaceful and secure world ' },
        { t: 'cite', from: 2, to: 2 },
        { t: 'text', v: ', as part of the ' },
        { t: 'term', id: 'npt', c: [{ t: 'text', v: 'NPT' }] },
        { t: 'text', v: '.' },
      ],
    });
    expect(ul).toEqual({
      t: 'ul',
      items: [
        [
          {
            t: 'p',
            c: [
              { t: 'text', v: 'Respect for ' },
              { t: 'em', c: [{ t: 'text', v: 'international law' }] },
              { t: 'text', v: ' ' },
              { t: 'cite', from: 2, to: 2 },
            ],
          },
        ],
        [
          {
            t: 'p',
            c: [
              { t: 'strong', c: [{ t: 'text', v: 'Peaceful' }] },
              { t: 'text', v: ' settlement of disputes ' },
              { t: 'cite', from: 2, to: 2 },
            ],
          },
        ],
      ],
    });
    expect(note).toEqual({
      t: 'note',
      c: [
        {
          t: 'p',
          c: [
            { t: 'text', v: 'See also the ' },
            { t: 'link', href: 'https://www.un.org/disarmament/', c: [{ t: 'text', v: 'UN website' }] },
            { t: 'text', v: '.' },
          ],
        },
      ],
    });
  });

  it('joins a soft line break between Chinese characters without a space', () => {
    const p = lesson('zh').sections[1]!.blocks[0] as Extract<Block, { t: 'p' }>;
    expect(p.c.slice(2, 4)).toEqual([
      { t: 'text', v: '，这是' },
      { t: 'term', id: 'npt', c: [{ t: 'text', v: '《不扩散条约》' }] },
    ]);
  });

  it('parses Chinese emphasis that closes after CJK punctuation (**提示。**另见)', () => {
    const blocks = lesson('zh').sections[1]!.blocks;
    const note = blocks.find((b) => b.t === 'note') as Extract<Block, { t: 'note' }>;
    const p = note.c[0] as Extract<Block, { t: 'p' }>;
    expect(p.c[0]).toEqual({ t: 'strong', c: [{ t: 'text', v: '提示。' }] });
    expect(p.c[1]).toEqual({ t: 'text', v: '另见' });
  });

  it('compiles objectives and discussion as inline markdown with citations', () => {
    const es = lesson('es');
    expect(es.title).toBe('El informe de México');
    expect(es.objectives[2]).toEqual<Inline[]>([
      { t: 'text', v: 'Resumir el informe ' },
      { t: 'cite', from: 1, to: 2 },
    ]);
    expect(es.discussion[0]).toEqual({
      question: [{ t: 'text', v: '¿Por qué informa México?' }],
      notes: [
        { t: 'text', v: 'Véase la opinión consultiva ' },
        { t: 'cite', from: 1, to: 1 },
        { t: 'text', v: '.' },
      ],
    });
  });

  it('builds the index: lesson metadata, report sections, paragraph count', () => {
    expect(valid.index.lessons).toEqual([
      {
        id: '01-intro',
        order: 1,
        minutes: 10,
        paragraphs: [1, 2],
        sectionIds: ['why', 'summary'],
        titles: { es: 'El informe de México', en: "Mexico's report", zh: '墨西哥的报告' },
        locales: ['es', 'en', 'zh'],
      },
    ]);
    expect(valid.index.paragraphCount).toBe(91);
  });

  it('reads the glossary and the timeline, normalising dates and sorting events by date', () => {
    expect(valid.glossary.map((g) => g.id)).toEqual(['npt', 'advisory-opinion', 'humanitarian-initiative']);
    expect(valid.glossary[0]!.abbr).toEqual({ es: 'TNP', en: 'NPT', zh: '不扩散条约' });
    expect(valid.glossary[1]!.abbr).toEqual({ es: '', en: '', zh: '' });
    expect(valid.glossary[2]!.background).toBe(true);
    expect(valid.timeline.map((e) => [e.id, e.date, e.background, e.paragraphs])).toEqual([
      ['tlatelolco-signed', '1967', true, []],
      ['icj-opinion', '1996-07-08', false, [1]],
      ['tpnw-ratified', '2018-01', false, [33]],
    ]);
  });

  it('counts lessons, covered paragraphs, glossary terms, timeline events and quiz items', () => {
    expect(valid.stats).toMatchObject({
      lessonsPerLocale: { es: 1, en: 1, zh: 1 },
      paragraphsCoveredPerLocale: { es: 2, en: 2, zh: 2 },
      glossaryTerms: 3,
      timelineEvents: 3,
      quizItems: 2,
    });
  });
});

describe('compileCourse on partial content', () => {
  it('reads paragraph translations keyed by number', () => {
    const r = fixtures.compile('translation-errors');
    expect(Object.keys(r.translations)).toEqual(['es']);
    expect(r.translations.es![2]).toBe(
      'México procura incansablemente contribuir a un mundo más pacífico y seguro.',
    );
    expect(r.translations.es![1]).toContain('8 de julio de 1996 sobre la legalidad');
    expect(r.translations.es![92]).toBeUndefined();
  });

  it('never throws and keeps compiling the other locales when one file has no front matter', () => {
    const r = fixtures.compile('fm001-missing');
    expect(r.lessons.map((l) => l.locale)).toEqual(['es', 'en', 'zh']);
    expect(r.lessons[1]!.sections.map((s) => s.id)).toEqual(['why', 'summary']);
  });
});

describe('compileCourse at the size of the course', () => {
  // Its speed is a budget of `npm run bench` (content compile < 1 s), not a timed test.
  it('compiles 12 lessons of 8 sections in 3 locales with no error', () => {
    const root = fixtures.root('valid');
    const src = path.join(root, 'lessons/01-intro');
    for (let i = 2; i <= 12; i++) {
      const id = `${String(i).padStart(2, '0')}-lesson`;
      fs.mkdirSync(path.join(root, 'lessons', id));
      for (const loc of ['es', 'en', 'zh']) {
        let text = fs
          .readFileSync(path.join(src, `${loc}.md`), 'utf8')
          .replace('id: 01-intro', `id: ${id}`)
          .replace('order: 1', `order: ${i}`);
        const [head, ...rest] = text.split('\n## ');
        const sections = Array.from(
          { length: 8 },
          (_, k) => `## Part ${k} {#part-${k}}\n\n${'Text about 1996 and 71/258 [¶1]. '.repeat(20)}\n`,
        );
        text = [head, ...sections.map((s) => s.slice(3)), ...rest].join('\n## ');
        fs.writeFileSync(path.join(root, 'lessons', id, `${loc}.md`), text);
      }
    }
    const r = compileCourse({ root });
    expect(r.stats.lessonsPerLocale).toEqual({ es: 12, en: 12, zh: 12 });
    expect(r.lessons.find((l) => l.id === '12-lesson' && l.locale === 'zh')!.sections).toHaveLength(10);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCourse, formatDiagnostic } from '../../../src/content/index.ts';
import { CONTENT_LOCALES, type Block, type Inline, type LessonContent } from '../../../src/content/model.ts';

/**
 * The real course, compiled as the build compiles it: the whole report is taught, in every
 * content locale, with the structure every lesson promises.
 */
const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const course = compileCourse({ root });

function blockCites(blocks: Block[], out: number[] = []): number[] {
  const inl = (xs: Inline[]) => {
    for (const x of xs) {
      if (x.t === 'cite') for (let n = x.from; n <= x.to; n++) out.push(n);
      else if ('c' in x) inl(x.c);
    }
  };
  for (const b of blocks) {
    if (b.t === 'p' || b.t === 'h') inl(b.c);
    else if (b.t === 'ul' || b.t === 'ol') b.items.forEach((i) => blockCites(i, out));
    else if (b.t === 'quote' || b.t === 'note') blockCites(b.c, out);
  }
  return out;
}

function notesOf(lesson: LessonContent): Block[][] {
  const found: Block[][] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.t === 'note') found.push(b.c);
      else if (b.t === 'quote') walk(b.c);
      else if (b.t === 'ul' || b.t === 'ol') b.items.forEach(walk);
    }
  };
  lesson.sections.forEach((s) => walk(s.blocks));
  return found;
}

describe('the course content', () => {
  it('compiles without errors', () => {
    const errors = course.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toEqual([]);
  });

  it('teaches all 12 lessons in es, en and zh', () => {
    expect(course.stats.lessonsPerLocale).toEqual({ es: 12, en: 12, zh: 12 });
  });

  it('cites every paragraph 1-91 in every content locale', () => {
    expect(course.stats.paragraphsCoveredPerLocale).toEqual({ es: 91, en: 91, zh: 91 });
  });

  it('gives every lesson 3-5 objectives, 3 or more discussion questions and a closing summary', () => {
    for (const l of course.lessons) {
      const where = `${l.id}/${l.locale}`;
      expect(l.objectives.length, where).toBeGreaterThanOrEqual(3);
      expect(l.objectives.length, where).toBeLessThanOrEqual(5);
      expect(l.discussion.length, where).toBeGreaterThanOrEqual(3);
      expect(l.sections.at(-1)?.id, where).toBe('summary');
    }
  });

  it('has a glossary of 40 or more terms and a timeline of 25 or more dated events, all in three languages', () => {
    expect(course.glossary.length).toBeGreaterThanOrEqual(40);
    expect(course.timeline.filter((e) => !e.background).length).toBeGreaterThanOrEqual(25);
    for (const t of course.glossary) for (const l of CONTENT_LOCALES) expect(t.term[l], `${t.id}/${l}`).not.toBe('');
    for (const e of course.timeline) for (const l of CONTENT_LOCALES) expect(e.label[l], `${e.id}/${l}`).not.toBe('');
  });

  it('links glossary terms from the lesson text of every lesson', () => {
    for (const l of course.lessons) {
      const json = JSON.stringify(l.sections);
      expect(json.includes('"t":"term"'), `${l.id}/${l.locale}`).toBe(true);
    }
  });

  it('translates every paragraph into es and en for the source reader', () => {
    for (const l of ['es', 'en'] as const) {
      const t = course.translations[l] ?? {};
      expect(Object.keys(t).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 91 }, (_, i) => i + 1));
    }
  });

  it.each([
    [57, 'four plenaries announced, five items listed'],
    [78, 'NSG and Wassenaar membership dated to 2014'],
  ])('flags the report oddity at ¶%i (%s) with a visible note in every locale', (n) => {
    for (const locale of CONTENT_LOCALES) {
      const lessons = course.lessons.filter((l) => l.locale === locale);
      const noted = lessons.some((l) => notesOf(l).some((note) => blockCites(note).includes(n)));
      expect(noted, `no [!NOTE] citing ¶${n} in ${locale}`).toBe(true);
    }
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/content/compile.ts';
import type { Inline } from '../../../src/content/model.ts';
import { buildSlides, firstSentence, keyPoints, lessonEvents, plain, POINTS_PER_SLIDE } from '../../../src/instructor/slides.ts';

const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const course = compileCourse({ root });
const text = (v: string): Inline => ({ t: 'text', v });
const long = (s: string) => `${s} ${'More words follow here to make the paragraph long. '.repeat(6)}`;

describe('first sentence of a paragraph', () => {
  it('keeps a short paragraph whole', () => {
    const nodes = [text('One. Two. Three.')];
    expect(firstSentence(nodes)).toEqual(nodes);
  });

  it('cuts a long paragraph after its first sentence, keeping the citation inside it', () => {
    const nodes: Inline[] = [text('Mexico ratified the Treaty early '), { t: 'cite', from: 33, to: 33 }, text(long('. Then it worked on outreach.'))];
    expect(plain(firstSentence(nodes))).toBe('Mexico ratified the Treaty early [¶33].');
  });

  it('does not end a sentence at "art." or "e.g."', () => {
    const nodes = [text(long('Under art. VI of the NPT, e.g. Mexico, States pursue negotiations. Another sentence.'))];
    expect(plain(firstSentence(nodes))).toBe('Under art. VI of the NPT, e.g. Mexico, States pursue negotiations.');
  });

  it('cuts Chinese at 。', () => {
    const nodes = [text(`墨西哥很早就批准了该条约。${'此后墨西哥开展了外联工作，'.repeat(30)}`)];
    expect(plain(firstSentence(nodes))).toBe('墨西哥很早就批准了该条约。');
  });
});

describe('key points of a section', () => {
  it('takes the bold lead-in of a list item with its citation, and keeps notes apart', () => {
    const { points, callouts } = keyPoints([
      { t: 'ul', items: [[{ t: 'p', c: [{ t: 'strong', c: [text('Speed and simplicity.')] }, text(' The process should be quick '), { t: 'cite', from: 29, to: 29 }, text('.')] }]] },
      { t: 'note', c: [{ t: 'p', c: [text('The report says four meetings but lists five.')] }] },
    ]);
    expect(points.map(plain)).toEqual(['Speed and simplicity. [¶29]']);
    expect(callouts).toHaveLength(1);
  });
});

describe('the deck of every lesson in every language', () => {
  for (const lesson of course.lessons) {
    const meta = course.index.lessons.find((l) => l.id === lesson.id)!;
    it(`${lesson.id} (${lesson.locale}): title, objectives, each section, discussion`, () => {
      const slides = buildSlides(meta, lesson, course.timeline);
      expect(slides[0]!.kind).toBe('title');
      expect(slides[1]!.kind).toBe('objectives');
      const sections = new Set(slides.flatMap((s) => (s.kind === 'points' ? [s.sectionId] : [])));
      expect([...sections]).toEqual(lesson.sections.map((s) => s.id));
      expect(slides.filter((s) => s.kind === 'discussion')).toHaveLength(lesson.discussion.length);
      for (const s of slides) {
        if (s.kind !== 'points') continue;
        expect(s.points.length).toBeLessThanOrEqual(POINTS_PER_SLIDE);
        for (const p of s.points) expect(plain(p).trim().length, `${s.id}: ${plain(p)}`).toBeGreaterThan(0);
      }
      expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
    });
  }

  it('gives lesson 04 a timeline of the dated events its paragraphs name', () => {
    const meta = course.index.lessons.find((l) => l.id === '04-tpnw')!;
    const events = lessonEvents(meta, course.timeline);
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const e of events) expect(e.paragraphs.some((p) => meta.paragraphs.includes(p))).toBe(true);
    const lesson = course.lessons.find((l) => l.id === '04-tpnw' && l.locale === 'en')!;
    expect(buildSlides(meta, lesson, course.timeline).some((s) => s.kind === 'timeline')).toBe(true);
  });
});

describe('citations and balance', () => {
  it('adds the paragraph’s first citation when the first sentence has none', () => {
    const { points } = keyPoints([{ t: 'p', c: [text(long('In 2016 the Assembly adopted resolution 71/258.')), { t: 'cite', from: 31, to: 31 }, text('.')] }]);
    expect(plain(points[0]!)).toBe('In 2016 the Assembly adopted resolution 71/258 [¶31].');
  });

  it('splits six points into two slides of three', () => {
    const para = (k: number) => ({ t: 'p' as const, c: [text(`Point ${k}.`)] });
    const meta = { ...course.index.lessons[0]!, paragraphs: [] };
    const lesson = { ...course.lessons[0]!, sections: [{ id: 's', title: [text('S')], blocks: [1, 2, 3, 4, 5, 6].map(para), citations: [] }], discussion: [] };
    const parts = buildSlides(meta, lesson, []).filter((s) => s.kind === 'points');
    expect(parts.map((s) => (s.kind === 'points' ? s.points.length : 0))).toEqual([3, 3]);
  });
});

describe('instructor windows', () => {
  it('are the presenter, print and instructor routes, and no learner route', async () => {
    const { isInstructorWindow } = await import('../../../src/instructor/windows.ts');
    for (const h of ['#/present/04-tpnw', '#/present/04-tpnw?view=audience', '#/print/briefing/es', '#/instructor', '#/instructor/results']) {
      expect(isInstructorWindow(h), h).toBe(true);
    }
    for (const h of ['', '#/', '#/lesson/04-tpnw', '#/assessment', '#/certificate', '#/presentation', '#/instructors']) {
      expect(isInstructorWindow(h), h).toBe(false);
    }
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/content/compile.ts';
import { DAY_START, lessonSession, MINUTES, SUMMER_SCHOOL_DAYS, summerSchoolPlan } from '../../../src/instructor/session-plan.ts';

const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const course = compileCourse({ root });
const discussion = (id: string) => course.lessons.find((l) => l.id === id && l.locale === 'en')?.discussion.length ?? 0;
const hasCheck = (id: string) => course.quizzes.some((q) => q.definition.kind === 'formative' && q.definition.lesson === id);
const plan = summerSchoolPlan(course.index.lessons, discussion, hasCheck);

describe('the one-week summer school plan', () => {
  it('places every lesson of the course exactly once, in order, over five days', () => {
    expect(plan).toHaveLength(5);
    const taught = plan.flatMap((d) => d.items.flatMap((i) => (i.kind === 'lesson' ? [i.lesson.id] : [])));
    expect(taught).toEqual(course.index.lessons.map((l) => l.id));
    expect(SUMMER_SCHOOL_DAYS.flat()).toEqual(course.index.lessons.map((l) => l.id));
  });

  it('runs each day from 09:00 without gaps or overlaps, and ends by 17:00', () => {
    for (const day of plan) {
      expect(day.items[0]!.start).toBe(DAY_START);
      day.items.forEach((item, k) => {
        if (k > 0) expect(item.start).toBe(day.items[k - 1]!.end);
        expect(item.end).toBeGreaterThan(item.start);
      });
      expect(day.items[day.items.length - 1]!.end).toBeLessThanOrEqual(17 * 60);
    }
  });

  it('gives each lesson its study time, ten minutes per discussion question and the check', () => {
    const first = course.index.lessons[0]!;
    const s = lessonSession(first, 4, true);
    expect(s).toEqual({ present: first.minutes, discussion: 40, check: MINUTES.check, total: first.minutes + 40 + MINUTES.check });
    expect(lessonSession(first, 9, false).discussion).toBe(MINUTES.maxDiscussion);
  });

  it('opens with a welcome, gives every full day a lunch and a reading workshop on its paragraphs, and ends with the assessment and closing', () => {
    expect(plan[0]!.items[0]!.kind).toBe('welcome');
    for (const day of plan.slice(0, 4)) {
      expect(day.items.filter((i) => i.kind === 'lunch')).toHaveLength(1);
      const workshop = day.items.find((i) => i.kind === 'workshop');
      const lessons = day.items.flatMap((i) => (i.kind === 'lesson' ? [i.lesson] : []));
      expect(workshop && workshop.kind === 'workshop' && workshop.paragraphs).toEqual([
        Math.min(...lessons.flatMap((l) => l.paragraphs)),
        Math.max(...lessons.flatMap((l) => l.paragraphs)),
      ]);
    }
    expect(plan[4]!.items.slice(-2).map((i) => i.kind)).toEqual(['assessment', 'closing']);
  });
});

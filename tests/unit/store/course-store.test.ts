import { beforeEach, describe, expect, it } from 'vitest';
import { initialCourseState, selectPersisted, useCourseStore } from '../../../src/store/course-store.ts';
import { courseProgress, lessonProgress } from '../../../src/store/selectors.ts';
import type { CourseIndex, LessonMeta } from '../../../src/content/model.ts';

function lesson(id: string, sections: string[]): LessonMeta {
  return { id, order: 1, minutes: 10, paragraphs: [1], sectionIds: sections, titles: { en: id }, locales: ['en'] };
}
const index: CourseIndex = {
  lessons: [lesson('a', ['intro', 'body', 'summary']), lesson('b', ['x', 'summary'])],
  paragraphCount: 91,
};

beforeEach(() => {
  useCourseStore.setState(initialCourseState, true);
});

describe('progress slice', () => {
  it('records a viewed section once and makes it the resume location', () => {
    const { visitSection } = useCourseStore.getState();
    visitSection('a', 'intro');
    visitSection('a', 'intro');
    visitSection('a', 'body');
    const s = useCourseStore.getState();
    expect(s.visited).toEqual({ a: ['intro', 'body'] });
    expect(s.location).toEqual({ lesson: 'a', section: 'body' });
  });

  it('does not change state when the same section is visited again at the same location', () => {
    useCourseStore.getState().visitSection('a', 'intro');
    const before = useCourseStore.getState();
    useCourseStore.getState().visitSection('a', 'intro');
    expect(useCourseStore.getState()).toBe(before);
  });

  it('moves the location without re-recording an already viewed section', () => {
    const { visitSection } = useCourseStore.getState();
    visitSection('a', 'intro');
    visitSection('a', 'body');
    const visited = useCourseStore.getState().visited;
    visitSection('a', 'intro');
    expect(useCourseStore.getState().visited).toBe(visited);
    expect(useCourseStore.getState().location).toEqual({ lesson: 'a', section: 'intro' });
  });
});

describe('selectors', () => {
  it('counts a lesson complete only when every section has been viewed', () => {
    const visited = { a: ['intro', 'summary'] };
    expect(lessonProgress(visited, index.lessons[0]!)).toEqual({ viewed: 2, total: 3, complete: false });
    expect(lessonProgress({ a: ['intro', 'summary', 'body'] }, index.lessons[0]!).complete).toBe(true);
  });

  it('ignores section ids the course no longer has', () => {
    expect(lessonProgress({ b: ['x', 'gone'] }, index.lessons[1]!)).toEqual({ viewed: 1, total: 2, complete: false });
  });

  it('gives course progress over all sections', () => {
    const p = courseProgress({ a: ['intro', 'body', 'summary'], b: ['x'] }, index);
    expect(p).toEqual({ lessonsComplete: 1, lessonsTotal: 2, ratio: 4 / 5 });
  });
});

describe('preferences and persistence', () => {
  it('keeps progress when the language changes, because progress is keyed by ids', () => {
    useCourseStore.getState().visitSection('a', 'intro');
    useCourseStore.getState().setLocale('ar');
    useCourseStore.getState().setLocale('zh');
    expect(useCourseStore.getState().visited).toEqual({ a: ['intro'] });
  });

  it('hydrates exactly what selectPersisted returns', () => {
    const saved = {
      visited: { b: ['x'] },
      location: { lesson: 'b', section: 'x' },
      prefs: { locale: 'ar' as const, textSize: 150 as const, reducedMotion: 'reduce' as const },
    };
    useCourseStore.getState().hydrate(saved);
    expect(selectPersisted(useCourseStore.getState())).toEqual(saved);
  });
});

import type { CourseIndex, LessonMeta } from '../content/model.ts';
import type { CourseStore } from './types.ts';

export interface LessonProgress {
  viewed: number;
  total: number;
  complete: boolean;
}

/** A lesson is complete when every one of its sections has been viewed. */
export function lessonProgress(visited: CourseStore['visited'], lesson: LessonMeta): LessonProgress {
  const seen = new Set(visited[lesson.id] ?? []);
  const viewed = lesson.sectionIds.filter((id) => seen.has(id)).length;
  return { viewed, total: lesson.sectionIds.length, complete: viewed === lesson.sectionIds.length };
}

export interface CourseProgress {
  lessonsComplete: number;
  lessonsTotal: number;
  /** 0..1 over all sections of the course. */
  ratio: number;
}

export function courseProgress(visited: CourseStore['visited'], index: CourseIndex): CourseProgress {
  let viewed = 0;
  let total = 0;
  let lessonsComplete = 0;
  for (const lesson of index.lessons) {
    const p = lessonProgress(visited, lesson);
    viewed += p.viewed;
    total += p.total;
    if (p.complete) lessonsComplete += 1;
  }
  return { lessonsComplete, lessonsTotal: index.lessons.length, ratio: total === 0 ? 0 : viewed / total };
}

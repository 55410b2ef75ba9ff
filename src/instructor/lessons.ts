import type { LessonContent, LessonMeta } from '../content/model.ts';
import type { UiLocale } from '../store/types.ts';
import { courseIndex, loadLesson } from '../ui/course-data.ts';

export interface LoadedLessonPair {
  meta: LessonMeta;
  lesson: LessonContent;
}

const cache = new Map<string, Promise<LoadedLessonPair[]>>();

/** Every lesson in the content language that a UI locale reads (instructor views show them all). */
export function loadAllLessons(ui: UiLocale): Promise<LoadedLessonPair[]> {
  let p = cache.get(ui);
  if (!p) {
    p = Promise.all(courseIndex.lessons.map(async (meta) => ({ meta, lesson: (await loadLesson(meta, ui)).lesson })));
    cache.set(ui, p);
    p.catch(() => cache.delete(ui));
  }
  return p;
}

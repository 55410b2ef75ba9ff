import {
  index,
  lessonLoaders,
  loadGlossary,
  loadReport,
  loadTimeline,
  translationLoaders,
} from 'virtual:course';
import type { ContentLocale, GlossaryTerm, LessonContent, LessonMeta, Report, TimelineEvent } from '../content/model.ts';
import { CONTENT_FALLBACKS } from '../course-config.ts';
import type { UiLocale } from '../store/types.ts';
import { cached } from './cached.ts';

export { index as courseIndex };

/** The content locale a lesson is shown in for a UI locale, following the fallback chain. */
export function contentLocaleFor(meta: LessonMeta, ui: UiLocale): ContentLocale {
  return CONTENT_FALLBACKS[ui].find((l) => meta.locales.includes(l)) ?? meta.locales[0] ?? 'es';
}

export function lessonTitle(meta: LessonMeta, ui: UiLocale): string {
  return meta.titles[contentLocaleFor(meta, ui)] ?? meta.id;
}

export function findLesson(id: string): LessonMeta | undefined {
  return index.lessons.find((l) => l.id === id);
}

export interface LoadedLesson {
  lesson: LessonContent;
  /** True when the UI language has no version of this lesson and another language is shown. */
  fallback: boolean;
}

export function loadLesson(meta: LessonMeta, ui: UiLocale): Promise<LoadedLesson> {
  const locale = contentLocaleFor(meta, ui);
  const key = `${meta.id}/${locale}`;
  const loader = lessonLoaders[key];
  if (!loader) return Promise.reject(new Error(`Lesson ${key} is missing from the build`));
  return cached(`lesson:${key}`, async () => ({ lesson: (await loader()).default, fallback: locale !== ui }));
}

export function loadReportData(): Promise<Report> {
  return cached('report', async () => (await loadReport()).default);
}

/** The unofficial translation to show for a UI locale, or null when only the original fits. */
export function translationLocaleFor(ui: UiLocale): ContentLocale | null {
  for (const l of CONTENT_FALLBACKS[ui]) {
    if (l === 'zh') return null;
    if (translationLoaders[l]) return l;
  }
  return null;
}

export function loadTranslation(locale: ContentLocale): Promise<Record<number, string> | null> {
  const loader = translationLoaders[locale];
  if (!loader) return Promise.resolve(null);
  return cached(`translation:${locale}`, async () => (await loader()).default);
}

export function loadGlossaryData(): Promise<GlossaryTerm[]> {
  return cached('glossary', async () => (await loadGlossary()).default);
}

export function loadTimelineData(): Promise<TimelineEvent[]> {
  return cached('timeline', async () => (await loadTimeline()).default);
}

/** Lessons that teach a paragraph (front matter `paragraphs`). */
export function lessonsTeaching(n: number): LessonMeta[] {
  return index.lessons.filter((l) => l.paragraphs.includes(n));
}

/** `[¶25]` / `[¶25-27]` as text. */
export function citationLabel(from: number, to: number): string {
  return from === to ? `¶${from}` : `¶${from}–${to}`;
}

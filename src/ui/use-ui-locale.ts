import { useCourseStore } from '../store/course-store.ts';
import type { UiLocale } from '../store/types.ts';
import { detectLocale } from './detect-locale.ts';

let browserLocale: UiLocale | null = null;

/** The locale the learner chose, or the browser's when they have not chosen. */
export function resolveLocale(chosen: UiLocale | null): UiLocale {
  if (chosen) return chosen;
  browserLocale ??= detectLocale();
  return browserLocale;
}

export function useUiLocale(): UiLocale {
  return resolveLocale(useCourseStore((s) => s.locale));
}

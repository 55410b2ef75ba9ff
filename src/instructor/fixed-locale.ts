import { use } from 'react';
import type { i18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { UI_LOCALES, type UiLocale } from '../store/types.ts';
import { ensureLoaded, loadInstructorStrings } from '../ui/i18n.ts';

const loading = new Map<string, Promise<void>>();

function load(instance: i18n, locale: UiLocale): Promise<void> {
  let p = loading.get(locale);
  if (!p) {
    // Instructor views only: their own strings must be in use before the locale is loaded, or
    // the document's language would get the learner strings alone.
    p = loadInstructorStrings(instance).then(() => ensureLoaded(instance, locale));
    loading.set(locale, p);
    p.catch(() => loading.delete(locale));
  }
  return p;
}

export function asUiLocale(value: string | null | undefined): UiLocale | null {
  return value && (UI_LOCALES as readonly string[]).includes(value) ? (value as UiLocale) : null;
}

/**
 * UI strings in a given locale, whatever the learner's UI language: a printed guide in Chinese or
 * a projector in Spanish. It never changes the store's locale, so it never writes to an LMS.
 */
export function useFixedT(locale: UiLocale): TFunction {
  const { i18n } = useTranslation();
  use(load(i18n, locale));
  return i18n.getFixedT(locale);
}

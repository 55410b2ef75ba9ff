import type { ContentLocale } from './content/model.ts';
import type { UiLocale } from './store/types.ts';

/** Stable id of this course: keys saved progress; never change it once learners have progress. */
export const COURSE_ID = 'mx-action20';

/** Right-to-left UI locales: the whole layout mirrors, not only the text. */
export const RTL_LOCALES: readonly UiLocale[] = ['ar'];

/**
 * Content language to try, in order, for each UI language. Content exists in es, en and zh;
 * Portuguese readers are served Spanish first, the others English.
 */
export const CONTENT_FALLBACKS: Record<UiLocale, readonly ContentLocale[]> = {
  es: ['es', 'en', 'zh'],
  en: ['en', 'es', 'zh'],
  zh: ['zh', 'en', 'es'],
  fr: ['en', 'es', 'zh'],
  ar: ['en', 'es', 'zh'],
  ru: ['en', 'es', 'zh'],
  pt: ['es', 'en', 'zh'],
};

/** Native names, shown in the language picker in their own language. */
export const LOCALE_NAMES: Record<UiLocale, string> = {
  es: 'Español',
  en: 'English',
  zh: '中文',
  fr: 'Français',
  ar: 'العربية',
  ru: 'Русский',
  pt: 'Português',
};

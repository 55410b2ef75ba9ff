import { UI_LOCALES, type UiLocale } from '../store/types.ts';

/**
 * The browser's preferred UI locale among ours, or English. In a module of its own (no i18next)
 * so that the boot module (src/boot.ts) can guess the learner's language before the app loads.
 */
export function detectLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): UiLocale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    const hit = UI_LOCALES.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RTL_LOCALES } from '../course-config.ts';
import { UI_LOCALES, type UiLocale } from '../store/types.ts';

type Strings = Record<string, unknown>;

/** Each locale's UI strings are their own chunk: only the chosen language (and English) load. */
const loaders = import.meta.glob<Strings>('../../locales/*/ui.json', { import: 'default' });

function loaderFor(locale: UiLocale): () => Promise<Strings> {
  const loader = loaders[`../../locales/${locale}/ui.json`];
  if (!loader) throw new Error(`No UI strings for locale "${locale}" (locales/${locale}/ui.json)`);
  return loader;
}

/** The browser's preferred UI locale among ours, or English. */
export function detectLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): UiLocale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    const hit = UI_LOCALES.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return (RTL_LOCALES as readonly string[]).includes(locale) ? 'rtl' : 'ltr';
}

/** Loads a locale's UI strings without switching to it (print and presenter views in another language). */
export async function ensureLoaded(instance: i18n, locale: UiLocale): Promise<void> {
  if (instance.hasResourceBundle(locale, 'ui')) return;
  instance.addResourceBundle(locale, 'ui', await loaderFor(locale)(), true, true);
}

/** Starts i18next with the given locale (and English as fallback) loaded. */
export async function initI18n(locale: UiLocale): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...UI_LOCALES],
    ns: ['ui'],
    defaultNS: 'ui',
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await Promise.all([ensureLoaded(instance, 'en'), ensureLoaded(instance, locale)]);
  await instance.changeLanguage(locale);
  return instance;
}

/** Loads the locale's strings if needed, then switches. */
export async function switchLanguage(instance: i18n, locale: UiLocale): Promise<void> {
  await ensureLoaded(instance, locale);
  await instance.changeLanguage(locale);
}

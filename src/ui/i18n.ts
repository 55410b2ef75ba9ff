import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiPart } from '../content/ui-parts.ts';
import { RTL_LOCALES } from '../course-config.ts';
import { UI_LOCALES, type UiLocale } from '../store/types.ts';
import englishLearner from '../../locales/en/ui.json?part=learner';

type Strings = Record<string, unknown>;

/**
 * UI strings come in two parts per locale (src/content/ui-parts.ts): what learner pages say, and
 * what only the instructor views say. English learner strings are part of the first load: every
 * locale falls back to English, so they are always needed, and a learner reading in English
 * waits for no second download before the first screen. Every other part is a chunk of its own.
 */
const loaders: Record<UiPart, Record<string, () => Promise<Strings>>> = {
  learner: import.meta.glob<Strings>(['../../locales/*/ui.json', '!../../locales/en/ui.json'], {
    query: { part: 'learner' },
    import: 'default',
  }),
  instructor: import.meta.glob<Strings>('../../locales/*/ui.json', { query: { part: 'instructor' }, import: 'default' }),
};

function loaderFor(locale: UiLocale, part: UiPart): () => Promise<Strings> {
  if (locale === 'en' && part === 'learner') return () => Promise.resolve(englishLearner);
  const loader = loaders[part][`../../locales/${locale}/ui.json`];
  if (!loader) throw new Error(`No UI strings for locale "${locale}" (locales/${locale}/ui.json)`);
  return loader;
}

/** Per i18next instance: the parts in use (instructor strings once an instructor view opened) and the locale/part pairs loaded. */
const parts = new WeakMap<i18n, { inUse: Set<UiPart>; loaded: Set<string>; instructor?: Promise<void> }>();

function partsOf(instance: i18n) {
  let p = parts.get(instance);
  if (!p) {
    p = { inUse: new Set(['learner']), loaded: new Set() };
    parts.set(instance, p);
  }
  return p;
}

async function loadPart(instance: i18n, locale: UiLocale, part: UiPart): Promise<void> {
  const state = partsOf(instance);
  const key = `${locale}/${part}`;
  if (state.loaded.has(key)) return;
  instance.addResourceBundle(locale, 'ui', await loaderFor(locale, part)(), true, true);
  state.loaded.add(key);
}

export { detectLocale } from './detect-locale.ts';

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return (RTL_LOCALES as readonly string[]).includes(locale) ? 'rtl' : 'ltr';
}

/**
 * Loads a locale's UI strings (every part the instance uses) without switching to it: a language
 * change, and print and presenter views in another language.
 */
export async function ensureLoaded(instance: i18n, locale: UiLocale): Promise<void> {
  await Promise.all([...partsOf(instance).inUse].map((part) => loadPart(instance, locale, part)));
}

/**
 * The instructor views' strings (hub, class results, presenter, briefing book and guide), for
 * English and every locale loaded so far; from then on every locale loaded gets them too. The
 * promise is kept per instance, so a view can `use()` it.
 */
export function loadInstructorStrings(instance: i18n): Promise<void> {
  const state = partsOf(instance);
  if (!state.instructor) {
    state.inUse.add('instructor');
    const locales = new Set<UiLocale>(['en', ...[...state.loaded].map((k) => k.split('/')[0] as UiLocale)]);
    const p = Promise.all([...locales].map((l) => loadPart(instance, l, 'instructor'))).then(() => undefined);
    state.instructor = p;
    p.catch(() => {
      // A failed download (offline) is retried the next time an instructor view asks.
      state.instructor = undefined;
    });
  }
  return state.instructor;
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

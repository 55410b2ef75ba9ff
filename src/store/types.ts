import type { AdapterKind } from '../tracking/adapter.ts';
import type { QuizSlice } from './quiz-slice.ts';

/** UI locales: the six UN languages plus Portuguese. */
export const UI_LOCALES = ['es', 'en', 'zh', 'fr', 'ar', 'ru', 'pt'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export const TEXT_SIZES = [100, 125, 150, 175, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export type MotionPreference = 'system' | 'reduce' | 'no-preference';

export interface Location {
  lesson: string;
  section: string;
}

/** What survives a reload: everything keyed by ids, never by text or locale. */
export interface PersistedProgress {
  visited: Record<string, string[]>;
  location: Location | null;
  prefs: { locale: UiLocale | null; textSize: TextSize; reducedMotion: MotionPreference };
}

/** One short message the learner sees about saving; the text lives in locales/. */
export type NoticeCode = 'saved-state-unreadable' | 'save-failed' | 'lms-unavailable';

export interface ProgressSlice {
  visited: Record<string, string[]>;
  location: Location | null;
  /** Marks a section as viewed and makes it the resume location. */
  visitSection: (lesson: string, section: string) => void;
  resetProgress: () => void;
}

export interface PreferencesSlice {
  /** null: follow the browser's language. */
  locale: UiLocale | null;
  textSize: TextSize;
  reducedMotion: MotionPreference;
  /** Source panel shows the original Chinese instead of the translation (not saved). */
  showOriginal: boolean;
  setLocale: (locale: UiLocale) => void;
  setShowOriginal: (original: boolean) => void;
  setTextSize: (size: TextSize) => void;
  setReducedMotion: (pref: MotionPreference) => void;
}

export interface SessionSlice {
  adapterKind: AdapterKind | null;
  notice: NoticeCode | null;
  learnerName: string | null;
  startSession: (info: { adapterKind: AdapterKind; learnerName: string | null }) => void;
  /** Replaces progress and preferences with what was saved; called once at launch. */
  hydrate: (saved: PersistedProgress) => void;
  showNotice: (code: NoticeCode) => void;
  dismissNotice: () => void;
}

export type CourseStore = ProgressSlice & PreferencesSlice & SessionSlice & QuizSlice;

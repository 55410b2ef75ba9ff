import type { StateCreator } from 'zustand';
import type { CourseStore, PreferencesSlice } from './types.ts';

export const createPreferencesSlice: StateCreator<CourseStore, [], [], PreferencesSlice> = (set) => ({
  locale: null,
  textSize: 100,
  reducedMotion: 'system',
  showOriginal: false,
  setLocale: (locale) => set({ locale }),
  setShowOriginal: (showOriginal) => set({ showOriginal }),
  setTextSize: (textSize) => set({ textSize }),
  setReducedMotion: (reducedMotion) => set({ reducedMotion }),
});

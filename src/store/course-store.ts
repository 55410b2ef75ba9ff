import { create } from 'zustand';
import { createPreferencesSlice } from './preferences-slice.ts';
import { createProgressSlice } from './progress-slice.ts';
import { createQuizSlice } from './quiz-slice.ts';
import { createSessionSlice } from './session-slice.ts';
import type { CourseStore, PersistedProgress } from './types.ts';

/** The one learner store: progress, preferences and session, as slices. */
export const useCourseStore = create<CourseStore>()((...a) => ({
  ...createProgressSlice(...a),
  ...createPreferencesSlice(...a),
  ...createSessionSlice(...a),
  ...createQuizSlice(...a),
}));

/** The store's initial state, for tests that need a fresh learner. */
export const initialCourseState = useCourseStore.getState();

/** The part of the store that is saved and resumed. */
export function selectPersisted(s: CourseStore): PersistedProgress {
  return {
    visited: s.visited,
    location: s.location,
    prefs: { locale: s.locale, textSize: s.textSize, reducedMotion: s.reducedMotion },
  };
}

import type { StateCreator } from 'zustand';
import type { CourseStore, SessionSlice } from './types.ts';

export const createSessionSlice: StateCreator<CourseStore, [], [], SessionSlice> = (set) => ({
  adapterKind: null,
  notice: null,
  learnerName: null,
  startSession: ({ adapterKind, learnerName }) => set({ adapterKind, learnerName }),
  hydrate: (saved) =>
    set({
      visited: saved.visited,
      location: saved.location,
      locale: saved.prefs.locale,
      textSize: saved.prefs.textSize,
      reducedMotion: saved.prefs.reducedMotion,
    }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});

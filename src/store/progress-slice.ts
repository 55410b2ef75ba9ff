import type { StateCreator } from 'zustand';
import type { CourseStore, ProgressSlice } from './types.ts';

export const createProgressSlice: StateCreator<CourseStore, [], [], ProgressSlice> = (set) => ({
  visited: {},
  location: null,
  visitSection: (lesson, section) =>
    set((s) => {
      const seen = s.visited[lesson] ?? [];
      const sameLocation = s.location?.lesson === lesson && s.location.section === section;
      if (seen.includes(section) && sameLocation) return s;
      return {
        visited: seen.includes(section) ? s.visited : { ...s.visited, [lesson]: [...seen, section] },
        location: sameLocation ? s.location : { lesson, section },
      };
    }),
  resetProgress: () => set({ visited: {}, location: null }),
});

// @vitest-environment jsdom
/**
 * launchTracking when the LMS's adapter module cannot be downloaded (the LMS's server dropped the
 * request, the learner went offline between the page and its chunks): the course still starts,
 * keeps progress in this browser and says so. The other launch paths (an LMS of each version, no
 * LMS at all) run against scorm-again in tests/contract/scorm-contract.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CourseIndex } from '../../../src/content/model.ts';
import { initialCourseState, useCourseStore } from '../../../src/store/course-store.ts';
import { launchTracking, type TrackingHandle } from '../../../src/store/tracking-bridge.ts';

vi.mock('../../../src/tracking/connect.ts', () => ({
  connectLms: vi.fn(async () => {
    throw new TypeError('Failed to fetch dynamically imported module: assets/scorm2004-adapter.js');
  }),
}));

const index: CourseIndex = {
  lessons: [{ id: 'a', order: 1, minutes: 5, paragraphs: [1], sectionIds: ['s1'], titles: { en: 'A' }, locales: ['en'] }],
  paragraphCount: 91,
};

let handle: TrackingHandle | undefined;
beforeEach(() => {
  useCourseStore.setState(initialCourseState, true);
  localStorage.clear();
});
afterEach(() => {
  handle?.stop();
  handle = undefined;
});

describe('launchTracking', () => {
  it('keeps progress in this browser, and tells the learner, when the LMS adapter cannot be loaded', async () => {
    const logs: string[] = [];
    handle = await launchTracking({ index, win: window, log: (m) => logs.push(m) });
    expect(useCourseStore.getState().adapterKind).toBe('standalone');
    expect(useCourseStore.getState().notice).toBe('lms-unavailable');
    expect(logs).toEqual([
      'the LMS adapter could not be loaded (Failed to fetch dynamically imported module: assets/scorm2004-adapter.js); progress is kept in this browser only',
    ]);
    useCourseStore.getState().visitSection('a', 's1');
    handle.flush();
    expect(Object.keys(localStorage).some((k) => k.startsWith('mx-a20:'))).toBe(true);
  });
});

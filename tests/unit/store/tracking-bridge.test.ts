// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CourseIndex, LessonMeta } from '../../../src/content/model.ts';
import type { LaunchInfo, LmsAdapter } from '../../../src/tracking/adapter.ts';
import { encodeState, EMPTY_STATE } from '../../../src/tracking/state-codec.ts';
import { initialCourseState, useCourseStore } from '../../../src/store/course-store.ts';
import { startTracking, type TrackingHandle } from '../../../src/store/tracking-bridge.ts';
import { createStandaloneAdapter } from '../../../src/tracking/standalone/standalone-adapter.ts';

function lesson(id: string, sections: string[]): LessonMeta {
  return { id, order: 1, minutes: 10, paragraphs: [1], sectionIds: sections, titles: { en: id }, locales: ['en'] };
}
const index: CourseIndex = { lessons: [lesson('a', ['s1', 's2']), lesson('b', ['t1'])], paragraphCount: 91 };

/** An adapter that records every call, like an LMS log. */
function recordingAdapter(opts: { state?: string | null; failWrites?: boolean; launch?: Partial<LaunchInfo> } = {}) {
  const calls: string[] = [];
  const rec = (name: string, ok = true) => (...args: unknown[]) => {
    calls.push(`${name}(${args.map((a) => (typeof a === 'object' ? JSON.stringify(a) : String(a))).join(', ')})`);
    return ok;
  };
  const write = !opts.failWrites;
  const adapter: LmsAdapter = {
    kind: 'standalone',
    initialize: () => {
      calls.push('initialize()');
      return { mode: 'normal', credit: true, entry: opts.state ? 'resume' : 'ab-initio', learnerName: null, learnerId: null, launchData: null, ...opts.launch };
    },
    readState: () => opts.state ?? null,
    readLocation: () => null,
    writeState: rec('writeState', write),
    writeLocation: rec('writeLocation', write),
    writeCompletion: rec('writeCompletion', write),
    writeSuccess: rec('writeSuccess', write),
    writeScore: rec('writeScore', write),
    writeInteraction: rec('writeInteraction', write),
    writeObjective: rec('writeObjective', write),
    writeSessionTime: rec('writeSessionTime', write),
    commit: rec('commit'),
    terminate: rec('terminate'),
    lastError: () => (opts.failWrites ? { code: '351', message: 'General Set Failure', call: 'SetValue(cmi.suspend_data)' } : null),
  };
  return { adapter, calls };
}

let handle: TrackingHandle | undefined;
const logs: string[] = [];
beforeEach(() => {
  useCourseStore.setState(initialCourseState, true);
  localStorage.clear();
  logs.length = 0;
});
afterEach(() => {
  handle?.stop();
  handle = undefined;
});

const start = (adapter: LmsAdapter) => (handle = startTracking({ index, adapter, now: () => 1000, log: (m) => logs.push(m) }));

describe('tracking bridge', () => {
  it('tells the LMS on first launch that the course is incomplete, and commits', () => {
    const { adapter, calls } = recordingAdapter();
    start(adapter);
    expect(calls[0]).toBe('initialize()');
    expect(calls).toContain('writeCompletion(incomplete, 0)');
    expect(calls[calls.length - 1]).toBe('commit()');
  });

  it('writes every lesson objective in index order, so starting with the last lesson saves', () => {
    const { adapter, calls } = recordingAdapter();
    start(adapter);
    const objectives = calls.filter((c) => c.startsWith('writeObjective('));
    expect(objectives.map((c) => c.slice(0, 'writeObjective(0'.length))).toEqual(['writeObjective(0', 'writeObjective(1']);
    // An adapter that, like an LMS, refuses cmi.objectives.n before 0..n-1 exist.
    const strict = createStandaloneAdapter({ courseId: 'order-test', storage: localStorage });
    handle?.stop();
    useCourseStore.setState(initialCourseState, true);
    start(strict);
    useCourseStore.getState().visitSection('b', 't1');
    expect(logs).toEqual([]);
    expect(useCourseStore.getState().notice).toBeNull();
  });

  it('resumes the saved progress before anything renders', () => {
    const saved = encodeState({ ...EMPTY_STATE, visited: { a: ['s1'] }, location: { lesson: 'a', section: 's1' } }, index);
    const { adapter } = recordingAdapter({ state: saved });
    start(adapter);
    expect(useCourseStore.getState().visited).toEqual({ a: ['s1'] });
    expect(useCourseStore.getState().location).toEqual({ lesson: 'a', section: 's1' });
  });

  it('commits when a new section is viewed, and writes nothing when nothing changed', () => {
    const { adapter, calls } = recordingAdapter();
    start(adapter);
    calls.length = 0;
    useCourseStore.getState().visitSection('a', 's1');
    expect(calls.some((c) => c.startsWith('writeState('))).toBe(true);
    expect(calls).toContain('writeLocation(a/s1)');
    expect(calls[calls.length - 1]).toBe('commit()');
    calls.length = 0;
    useCourseStore.getState().visitSection('a', 's1');
    useCourseStore.setState({ textSize: useCourseStore.getState().textSize });
    expect(calls).toEqual([]);
  });

  it('writes a lesson objective as completed when all its sections are viewed, and the course as completed at the end', () => {
    const { adapter, calls } = recordingAdapter();
    start(adapter);
    useCourseStore.getState().visitSection('b', 't1');
    expect(calls).toContain('writeObjective(1, {"id":"b","completion":"completed","success":"unknown","progress":1})');
    useCourseStore.getState().visitSection('a', 's1');
    useCourseStore.getState().visitSection('a', 's2');
    expect(calls).toContain('writeCompletion(completed, 1)');
  });

  it('commits on a language change (a meaningful event) but not on a text-size change', () => {
    const { adapter, calls } = recordingAdapter();
    start(adapter);
    calls.length = 0;
    useCourseStore.getState().setTextSize(150);
    expect(calls.filter((c) => c === 'commit()')).toHaveLength(0);
    useCourseStore.getState().setLocale('ar');
    expect(calls.filter((c) => c === 'commit()')).toHaveLength(1);
  });

  it('commits with the session time when the page is hidden, and terminates with suspend on pagehide', () => {
    const { adapter, calls } = recordingAdapter();
    start(adapter);
    calls.length = 0;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toEqual(['writeSessionTime(0)', 'commit()']);
    window.dispatchEvent(new Event('pagehide'));
    expect(calls[calls.length - 1]).toBe('terminate(suspend)');
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('shows a notice, starts afresh and keeps the raw value when the saved state is unreadable', () => {
    const { adapter } = recordingAdapter({ state: 'this is not our state' });
    start(adapter);
    expect(useCourseStore.getState().notice).toBe('saved-state-unreadable');
    expect(useCourseStore.getState().visited).toEqual({});
    const kept = Object.keys(localStorage).map((k) => localStorage.getItem(k));
    expect(kept).toContain('this is not our state');
  });

  it('shows one notice and logs the LMS error when the LMS refuses to save', () => {
    const { adapter } = recordingAdapter({ failWrites: true });
    start(adapter);
    useCourseStore.getState().visitSection('a', 's1');
    expect(useCourseStore.getState().notice).toBe('save-failed');
    expect(logs.some((l) => l.includes('351 General Set Failure'))).toBe(true);
  });
});

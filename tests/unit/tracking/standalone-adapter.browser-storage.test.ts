// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createStandaloneAdapter, readStandaloneRecord, recordKey } from '../../../src/tracking/standalone/standalone-adapter.ts';

const COURSE = 'mx-action20';

describe('standalone adapter over a real localStorage', () => {
  beforeEach(() => localStorage.clear());

  it('resumes the saved suspend data after a reload', () => {
    const first = createStandaloneAdapter({ courseId: COURSE, storage: localStorage });
    expect(first.initialize()?.entry).toBe('ab-initio');
    first.writeState('1:{"v":{"a":["s1"]},"p":["zh",200,"n"]}');
    first.writeLocation('a/s1');
    expect(first.terminate('suspend')).toBe(true);

    const second = createStandaloneAdapter({ courseId: COURSE, storage: localStorage });
    expect(second.initialize()?.entry).toBe('resume');
    expect(second.readState()).toBe('1:{"v":{"a":["s1"]},"p":["zh",200,"n"]}');
    expect(second.readLocation()).toBe('a/s1');
    expect(readStandaloneRecord(localStorage, COURSE)?.cmi.location).toBe('a/s1');
  });

  it('keeps an unreadable record aside and tells the caller', () => {
    localStorage.setItem(recordKey(COURSE), '{broken');
    const adapter = createStandaloneAdapter({ courseId: COURSE, storage: localStorage, now: () => 42 });
    expect(adapter.initialize()?.notice).toBe('saved-record-unreadable');
    expect(localStorage.getItem(`${recordKey(COURSE)}:unreadable:42`)).toBe('{broken');
  });
});

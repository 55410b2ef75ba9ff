import { describe, expect, it } from 'vitest';
import { findLmsApi, MAX_DEPTH } from '../../../src/tracking/discovery.ts';

const api12 = () => Object.fromEntries(['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'].map((n) => [n, () => 'true']));
const api2004 = () => Object.fromEntries(['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'].map((n) => [n, () => 'true']));

/** A chain of fake windows: [the course's window, its parent, ...]; the last one is the top. */
function chain(depth: number, put: Record<number, Record<string, unknown>> = {}, opener?: Window): Window[] {
  const wins: Record<string, unknown>[] = Array.from({ length: depth + 1 }, (_, i) => ({ ...put[i] }));
  wins.forEach((w, i) => {
    w.parent = wins[i + 1] ?? w;
    w.top = wins[depth];
  });
  if (opener) wins[depth]!.opener = opener;
  return wins as unknown as Window[];
}

describe('API discovery (ADL algorithm)', () => {
  it('finds API_1484_11 in a grandparent frame', () => {
    const api = api2004();
    const [course] = chain(3, { 2: { API_1484_11: api } });
    expect(findLmsApi(course!)).toEqual({ version: '2004', api });
  });

  it('finds the 1.2 API when there is no 2004 one', () => {
    const api = api12();
    const [course] = chain(1, { 1: { API: api } });
    expect(findLmsApi(course!)).toEqual({ version: '1.2', api });
  });

  it('looks for the packaged version first when both are offered', () => {
    const a12 = api12();
    const [course] = chain(1, { 1: { API: a12, API_1484_11: api2004() } });
    expect(findLmsApi(course!, { prefer: '1.2' })).toEqual({ version: '1.2', api: a12 });
    expect(findLmsApi(course!)?.version).toBe('2004');
  });

  it(`stops climbing after ${MAX_DEPTH} parents`, () => {
    const [course] = chain(MAX_DEPTH + 1, { [MAX_DEPTH + 1]: { API: api12() } });
    expect(findLmsApi(course!)).toBeNull();
    const [near] = chain(MAX_DEPTH, { [MAX_DEPTH]: { API: api12() } });
    expect(findLmsApi(near!)?.version).toBe('1.2');
  });

  it("searches the opener's chain when the course was opened in a new window", () => {
    const api = api2004();
    const [lmsFrame] = chain(1, { 1: { API_1484_11: api } });
    const [course] = chain(0, {}, lmsFrame);
    expect(findLmsApi(course!)).toEqual({ version: '2004', api });
  });

  it('skips a frame of another origin (reading it throws) and an object without the API methods', () => {
    const api = api12();
    const wins = chain(2, { 1: { API: { LMSInitialize: () => 'true' } }, 2: { API: api } });
    Object.defineProperty(wins[1], 'API_1484_11', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    expect(findLmsApi(wins[0]!)).toEqual({ version: '1.2', api });
  });

  it('gives null when there is no LMS', () => {
    const [course] = chain(2);
    expect(findLmsApi(course!)).toBeNull();
  });
});

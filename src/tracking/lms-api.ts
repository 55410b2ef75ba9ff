/**
 * The two run-time APIs an LMS gives a SCO, as the SCORM books name them, and one shape over both
 * so the session code is written once. Values cross as strings; results are the strings
 * `"true"` / `"false"` (some LMSs return booleans, so both are accepted).
 */

/** SCORM 1.2 (`window.API`). */
export interface Scorm12Api {
  LMSInitialize(param: ''): unknown;
  LMSFinish(param: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(param: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
  LMSGetDiagnostic(code: string): unknown;
}

/** SCORM 2004 (`window.API_1484_11`). */
export interface Scorm2004Api {
  Initialize(param: ''): unknown;
  Terminate(param: ''): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(param: ''): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
  GetDiagnostic(code: string): unknown;
}

export type ScormVersion = '1.2' | '2004';

/** The calls of either version under one set of names, plus the names to put in logs. */
export interface RawLms {
  version: ScormVersion;
  initialize(): unknown;
  terminate(): unknown;
  getValue(element: string): unknown;
  setValue(element: string, value: string): unknown;
  commit(): unknown;
  lastError(): unknown;
  errorString(code: string): unknown;
  diagnostic(code: string): unknown;
  names: { initialize: string; terminate: string; getValue: string; setValue: string; commit: string };
}

const METHODS_12 = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'] as const;
const METHODS_2004 = ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'] as const;

const hasMethods = (x: unknown, names: readonly string[]): boolean =>
  (typeof x === 'object' || typeof x === 'function') && x !== null && names.every((n) => typeof (x as Record<string, unknown>)[n] === 'function');

export const isScorm12Api = (x: unknown): x is Scorm12Api => hasMethods(x, METHODS_12);
export const isScorm2004Api = (x: unknown): x is Scorm2004Api => hasMethods(x, METHODS_2004);

/** Calls are made as methods of the API object: some LMS APIs rely on `this`. */
export function rawScorm12(api: Scorm12Api): RawLms {
  return {
    version: '1.2',
    initialize: () => api.LMSInitialize(''),
    terminate: () => api.LMSFinish(''),
    getValue: (e) => api.LMSGetValue(e),
    setValue: (e, v) => api.LMSSetValue(e, v),
    commit: () => api.LMSCommit(''),
    lastError: () => api.LMSGetLastError(),
    errorString: (c) => api.LMSGetErrorString(c),
    diagnostic: (c) => api.LMSGetDiagnostic(c),
    names: { initialize: 'LMSInitialize', terminate: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit' },
  };
}

export function rawScorm2004(api: Scorm2004Api): RawLms {
  return {
    version: '2004',
    initialize: () => api.Initialize(''),
    terminate: () => api.Terminate(''),
    getValue: (e) => api.GetValue(e),
    setValue: (e, v) => api.SetValue(e, v),
    commit: () => api.Commit(''),
    lastError: () => api.GetLastError(),
    errorString: (c) => api.GetErrorString(c),
    diagnostic: (c) => api.GetDiagnostic(c),
    names: { initialize: 'Initialize', terminate: 'Terminate', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit' },
  };
}

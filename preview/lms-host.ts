/**
 * A stand-in LMS built on scorm-again, for the preview page (`npm start`), the contract tests and
 * the browser tests of the packages. It installs a real `Scorm12API` as `window.API` or a real
 * `Scorm2004API` as `window.API_1484_11`, records every call the course makes (name, arguments,
 * result, error), can be told to fail the way real LMSs fail, and carries the learner's record
 * from one launch to the next as an LMS does (suspend -> resume).
 *
 * scorm-again is lenient (it accepts 1.2 suspend_data over 4,096 characters, for one), so tests
 * assert what the course sends from `calls`, not only what scorm-again accepted.
 */
import { nextLaunchData, type CmiRecord, type Launch, type LmsMode, type LmsVersion } from './launch-data.ts';
import * as scorm12 from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm12Class from 'scorm-again/scorm12';
import type Scorm2004Class from 'scorm-again/scorm2004';

// The ESM builds export the classes by name; the bundled type declarations say `default`.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12Class };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004Class };
type Scorm12API = Scorm12Class;
type Scorm2004API = Scorm2004Class;

export type { CmiRecord, Launch, LmsMode, LmsVersion };

export interface Faults {
  /** Every SetValue / LMSSetValue returns "false" with a general set failure. */
  setValueFails: boolean;
  /** Every Commit / LMSCommit returns "false" with a general commit failure. */
  commitFails: boolean;
  /** Every call blocks this long (a synchronous LMS on a slow network), in milliseconds. */
  slowMs: number;
}

export const NO_FAULTS: Faults = { setValueFails: false, commitFails: false, slowMs: 0 };

export interface CallRecord {
  /** The API method, e.g. `SetValue` or `LMSCommit`. */
  fn: string;
  args: string[];
  result: string;
  /** GetLastError right after the call ('0' when none). */
  error: string;
  at: number;
}

export interface HostedLms {
  version: LmsVersion;
  /** The object given to the course (scorm-again behind the recording and fault layer). */
  api: Record<string, (...args: string[]) => string>;
  /** The scorm-again instance itself. */
  runtime: Scorm12API | Scorm2004API;
  calls: CallRecord[];
  faults: Faults;
  /** The CMI data model now, flattened: `cmi.core.lesson_status` -> `incomplete`. */
  cmi(): Record<string, string>;
  /** The record to keep for the next launch (after Terminate / LMSFinish). */
  record(): CmiRecord;
  terminated(): boolean;
  install(win: Window): void;
  uninstall(win: Window): void;
}

export interface HostOptions {
  version: LmsVersion;
  launch: Launch;
  /** What the LMS kept from the previous launch, from `record()`; none for a first launch. */
  previous?: CmiRecord | null;
  faults?: Partial<Faults>;
  onCall?: (call: CallRecord) => void;
  now?: () => number;
}

/** The scorm-again error for an injected failure, per version. */
const FAULT_ERRORS = {
  '1.2': { set: ['101', 'General exception'], commit: ['101', 'General exception'] },
  '2004': { set: ['351', 'General Set Failure'], commit: ['391', 'General Commit Failure'] },
} as const;

const busyWait = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    /* a synchronous LMS call that takes this long */
  }
};

function flatten(prefix: string, value: unknown, out: Record<string, string>): void {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
  } else if (value !== '' && value !== undefined && value !== null) {
    out[prefix] = String(value);
  }
}

/** Starts a stand-in LMS for one launch of the course. */
export function hostLms(opts: HostOptions): HostedLms {
  const faults: Faults = { ...NO_FAULTS, ...opts.faults };
  const now = opts.now ?? (() => Date.now());
  const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const };
  const runtime = opts.version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  runtime.loadFromJSON(nextLaunchData(opts.version, opts.previous, opts.launch) as Record<string, never>, '');
  const calls: CallRecord[] = [];
  let injected: readonly [string, string] | null = null;
  let finished = false;
  const rt = runtime as unknown as Record<string, (...a: string[]) => unknown>;

  const names =
    opts.version === '1.2'
      ? { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic' }
      : { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', lastError: 'GetLastError', errorString: 'GetErrorString', diagnostic: 'GetDiagnostic' };
  const lastError = () => (injected ? injected[0] : String(rt[names.lastError]!.call(runtime)));

  const api: HostedLms['api'] = {};
  for (const fn of Object.values(names)) {
    api[fn] = (...args: string[]) => {
      if (faults.slowMs > 0) busyWait(faults.slowMs);
      if (fn === names.lastError) return lastError();
      if (fn === names.errorString) return injected && args[0] === injected[0] ? injected[1] : String(rt[fn]!.apply(runtime, args));
      if (fn === names.diagnostic) return injected && (args[0] === injected[0] || !args[0]) ? `${injected[1]} (fault switched on in the preview LMS)` : String(rt[fn]!.apply(runtime, args));
      injected = null;
      let result: string;
      if (fn === names.set && faults.setValueFails) {
        injected = FAULT_ERRORS[opts.version].set;
        result = 'false';
      } else if (fn === names.commit && faults.commitFails) {
        injected = FAULT_ERRORS[opts.version].commit;
        result = 'false';
      } else {
        result = String(rt[fn]!.apply(runtime, args));
        if (fn === names.finish && result === 'true') finished = true;
      }
      const record: CallRecord = { fn, args: args.map(String), result, error: lastError(), at: now() };
      calls.push(record);
      opts.onCall?.(record);
      return result;
    };
  }

  const rendered = () => {
    const r = runtime.renderCommitCMI(true) as { cmi?: Record<string, unknown> };
    return r.cmi ?? {};
  };

  return {
    version: opts.version,
    api,
    runtime,
    calls,
    faults,
    cmi() {
      const out: Record<string, string> = {};
      flatten('cmi', rendered(), out);
      return out;
    },
    record: () => JSON.parse(JSON.stringify(rendered())) as CmiRecord,
    terminated: () => finished,
    install(win) {
      (win as unknown as Record<string, unknown>)[opts.version === '1.2' ? 'API' : 'API_1484_11'] = api;
    },
    uninstall(win) {
      delete (win as unknown as Record<string, unknown>)[opts.version === '1.2' ? 'API' : 'API_1484_11'];
    },
  };
}

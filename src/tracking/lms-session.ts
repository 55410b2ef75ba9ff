import type { AdapterError } from './adapter.ts';
import type { RawLms } from './lms-api.ts';
import { recordKey } from './standalone/standalone-adapter.ts';

/**
 * One SCORM session with an LMS, below the adapters: every call's result is checked, every error
 * is read (GetLastError, GetErrorString, GetDiagnostic) and logged, a value the LMS already holds
 * is never written again, and what the LMS refused or failed to save is kept in the browser and
 * sent again.
 *
 * The browser copy ("mirror") holds every value set since the LMS last confirmed a commit, under
 * `mx-a20:<course>:<learner>:unsaved`. It is written as soon as a SetValue or a Commit fails and
 * kept up to date until a commit succeeds, when it is removed. At the next launch of the same
 * learner and course it is sent again, provided the LMS still holds the suspend_data the mirror
 * was based on (otherwise the learner went on elsewhere: the mirror is kept aside, not applied).
 */

export interface SessionOptions {
  courseId: string;
  /** Where the mirror lives; without one, nothing is mirrored. */
  storage?: Storage;
  log: (message: string) => void;
  now: () => number;
}

/** Elements that describe one session only: never mirrored or sent again. */
const PER_SESSION = new Set(['cmi.core.session_time', 'cmi.core.exit', 'cmi.session_time', 'cmi.exit']);

/** Error codes that only mean "no value yet": 2004's 403 (value not initialized). */
const NOT_AN_ERROR_ON_GET = new Set(['0', '403']);

interface Mirror {
  v: 1;
  /** cmi.suspend_data as the LMS last confirmed it; the mirror applies only on top of it. */
  base: string;
  savedAt: number;
  /** Element -> value, in the order they were set. */
  values: [string, string][];
}

const isMirror = (x: unknown): x is Mirror => {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return (
    m.v === 1 &&
    typeof m.base === 'string' &&
    typeof m.savedAt === 'number' &&
    Array.isArray(m.values) &&
    m.values.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string')
  );
};

const isTrue = (r: unknown) => r === true || String(r) === 'true';
const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
const quote = (v: string) => JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);

export class LmsSession {
  private phase: 'new' | 'running' | 'terminated' = 'new';
  /** What the LMS holds, as far as we know: read at launch or set since. */
  private readonly known = new Map<string, string>();
  /** Values set (or refused) since the LMS last confirmed a commit. */
  private readonly unsaved = new Map<string, string>();
  /** Values the LMS refused; sent again before the next commit. */
  private readonly refused = new Map<string, string>();
  private committedState = '';
  private mirrorKey: string | null = null;
  private mirrorWritten = false;
  private error: AdapterError | null = null;
  /** A value the mirror restored at launch, for an element the adapter reads (suspend_data, location). */
  readonly restored = new Map<string, string>();

  constructor(
    readonly raw: RawLms,
    private readonly opts: SessionOptions,
  ) {}

  get running(): boolean {
    return this.phase === 'running';
  }

  lastError(): AdapterError | null {
    return this.error;
  }

  /** Reads the LMS's error for a failed call, logs it and keeps it for lastError(). */
  private fail(call: string, fallback?: { code: string; message: string; detail?: string }): false {
    let code = fallback?.code ?? '';
    let message = fallback?.message ?? '';
    let detail = fallback?.detail;
    if (!fallback) {
      try {
        code = String(this.raw.lastError() ?? '');
        message = String(this.raw.errorString(code) ?? '');
        const d = String(this.raw.diagnostic(code) ?? '');
        if (d && d !== message) detail = d;
      } catch (e) {
        message = `the LMS threw while reporting the error (${describe(e)})`;
      }
      if (code === '' || code === '0') {
        code = code || '0';
        message = message || 'the LMS returned false without an error code';
      }
    }
    this.error = { code, message, call, ...(detail ? { detail } : {}) };
    this.opts.log(`${call} failed: ${code} ${message}${detail ? ` (${detail})` : ''}`);
    return false;
  }

  /** Runs one API call; a thrown exception counts as a failure. */
  private call(call: string, run: () => unknown): boolean {
    let result: unknown;
    try {
      result = run();
    } catch (e) {
      return this.fail(call, { code: '101', message: 'General Exception', detail: describe(e) });
    }
    if (isTrue(result)) {
      this.error = null;
      return true;
    }
    return this.fail(call);
  }

  initialize(): boolean {
    if (this.phase !== 'new') return this.fail(`${this.raw.names.initialize}('')`, { code: '103', message: 'Already Initialized' });
    if (!this.call(`${this.raw.names.initialize}('')`, () => this.raw.initialize())) return false;
    this.phase = 'running';
    return true;
  }

  /** GetValue; '' when the element has no value. Errors are logged (except "no value yet"). */
  get(element: string): string {
    const call = `${this.raw.names.getValue}(${element})`;
    let value: unknown;
    try {
      value = this.raw.getValue(element);
    } catch (e) {
      this.fail(call, { code: '101', message: 'General Exception', detail: describe(e) });
      return '';
    }
    const text = value === null || value === undefined ? '' : String(value);
    if (text === '') {
      let code = '0';
      try {
        code = String(this.raw.lastError() ?? '0');
      } catch {
        code = '0';
      }
      if (!NOT_AN_ERROR_ON_GET.has(code) && code !== '') this.fail(call);
    }
    this.known.set(element, text);
    return text;
  }

  /** Marks an element's value as read from elsewhere (e.g. a value the LMS sets by default). */
  assume(element: string, value: string): void {
    this.known.set(element, value);
  }

  /**
   * SetValue, unless the LMS already holds this value. A refusal is logged, mirrored in the
   * browser and retried before the next commit.
   */
  set(element: string, value: string): boolean {
    if (this.known.get(element) === value && !this.refused.has(element)) return true;
    return this.send(element, value);
  }

  private send(element: string, value: string): boolean {
    const call = `${this.raw.names.setValue}(${element}, ${quote(value)})`;
    if (!PER_SESSION.has(element)) this.unsaved.set(element, value);
    if (this.call(call, () => this.raw.setValue(element, value))) {
      this.known.set(element, value);
      this.refused.delete(element);
      if (this.mirrorWritten) this.writeMirror();
      return true;
    }
    this.known.delete(element);
    if (!PER_SESSION.has(element)) this.refused.set(element, value);
    this.writeMirror();
    return false;
  }

  /** A value the course refuses to send (e.g. over the version's size limit), mirrored like a refusal. */
  refuse(element: string, value: string, error: { code: string; message: string; detail: string }): false {
    this.unsaved.set(element, value);
    this.writeMirror();
    return this.fail(`${this.raw.names.setValue}(${element}, ${quote(value)})`, error);
  }

  /** Commit, after sending again what was refused. Skipped when nothing changed since the last one. */
  commit(): boolean {
    for (const [element, value] of [...this.refused]) this.send(element, value);
    if (this.unsaved.size === 0 && !this.pendingSessionValues) return true;
    const ok = this.call(`${this.raw.names.commit}('')`, () => this.raw.commit());
    if (!ok) {
      this.writeMirror();
      return false;
    }
    this.pendingSessionValues = false;
    if (this.refused.size > 0) {
      // The commit saved what was accepted; what was refused is still only in the browser.
      this.writeMirror();
      const [element] = this.refused.keys();
      return this.fail(`${this.raw.names.setValue}(${element})`, { code: '351', message: 'General Set Failure', detail: 'a value the LMS refused is still unsaved; it is kept in this browser' });
    }
    this.committedState = this.known.get('cmi.suspend_data') ?? this.committedState;
    this.unsaved.clear();
    this.removeMirror();
    return true;
  }

  /** Session-only values (session time, exit) were set since the last commit. */
  private pendingSessionValues = false;
  /** Sets a per-session value (session time, exit): never mirrored, but it makes the next commit needed. */
  setSessionValue(element: string, value: string): boolean {
    if (this.known.get(element) === value) return true;
    const ok = this.send(element, value);
    if (ok) this.pendingSessionValues = true;
    return ok;
  }

  terminate(): boolean {
    if (this.phase !== 'running') return this.fail(`${this.raw.names.terminate}('')`, { code: '112', message: 'Termination Before Initialization' });
    this.phase = 'terminated';
    // Terminate saves everything set before it, as a Commit would.
    if (!this.call(`${this.raw.names.terminate}('')`, () => this.raw.terminate())) {
      this.writeMirror();
      return false;
    }
    if (this.refused.size === 0) {
      this.unsaved.clear();
      this.removeMirror();
    }
    return true;
  }

  /* ---------------- the browser copy ---------------- */

  /**
   * Names the mirror for this learner and, if one is waiting from an earlier session, sends it
   * again on top of what the LMS holds. Call after reading cmi.suspend_data.
   */
  restoreMirror(learnerId: string): void {
    const storage = this.opts.storage;
    this.committedState = this.known.get('cmi.suspend_data') ?? '';
    this.mirrorKey = `${recordKey(this.opts.courseId, learnerId || undefined)}:unsaved`;
    if (!storage) return;
    let raw: string | null = null;
    try {
      raw = storage.getItem(this.mirrorKey);
    } catch (e) {
      this.opts.log(`the unsaved progress kept in this browser could not be read (${describe(e)})`);
      return;
    }
    if (raw === null) return;
    let mirror: unknown;
    try {
      mirror = JSON.parse(raw);
    } catch {
      mirror = null;
    }
    const lmsState = this.committedState;
    const mirroredState = isMirror(mirror) ? mirror.values.find(([e]) => e === 'cmi.suspend_data')?.[1] : undefined;
    if (!isMirror(mirror) || (lmsState !== mirror.base && lmsState !== mirroredState)) {
      // Unreadable, or the LMS has moved on since (another device): keep it aside, untouched.
      const aside = `${this.mirrorKey}:aside:${this.opts.now()}`;
      try {
        storage.setItem(aside, raw);
        storage.removeItem(this.mirrorKey);
      } catch {
        /* left where it is */
      }
      this.opts.log(`progress kept in this browser was not sent: ${isMirror(mirror) ? 'the LMS holds newer progress' : 'it could not be read'}; kept as ${aside}`);
      return;
    }
    this.opts.log(`sending again ${mirror.values.length} values the LMS had not saved`);
    for (const [element, value] of mirror.values) {
      if (element === 'cmi.suspend_data' || element === 'cmi.location' || element === 'cmi.core.lesson_location') this.restored.set(element, value);
      this.unsaved.set(element, value);
      this.set(element, value);
    }
    this.mirrorWritten = true;
    this.commit();
  }

  private writeMirror(): void {
    const storage = this.opts.storage;
    if (!storage || !this.mirrorKey) return;
    const mirror: Mirror = { v: 1, base: this.committedState, savedAt: this.opts.now(), values: [...this.unsaved] };
    try {
      storage.setItem(this.mirrorKey, JSON.stringify(mirror));
      this.mirrorWritten = true;
    } catch (e) {
      this.opts.log(`progress could not be kept in this browser either (${describe(e)})`);
    }
  }

  private removeMirror(): void {
    if (!this.mirrorWritten || !this.opts.storage || !this.mirrorKey) return;
    try {
      this.opts.storage.removeItem(this.mirrorKey);
      this.mirrorWritten = false;
    } catch {
      /* it will be replaced by the next one, or found stale at the next launch */
    }
  }
}

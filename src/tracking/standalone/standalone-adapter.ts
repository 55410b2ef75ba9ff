import type {
  AdapterError,
  CompletionStatus,
  InteractionReport,
  InteractionType,
  LaunchInfo,
  LmsAdapter,
  ObjectiveReport,
  ScoreReport,
  SuccessStatus,
} from '../adapter.ts';

/**
 * A tiny stand-in LMS over Web Storage, for when the course runs with no LMS at all (opened from a
 * web server or the local preview). It keeps one versioned JSON record per course and learner and
 * behaves like a SCORM run-time where it matters to the course: writes go to an in-memory copy and
 * only `commit()` (Commit / LMSCommit) persists them; calls before Initialize or after Terminate
 * are refused; bad values are refused with SCORM 2004 error codes. Nothing here throws for a
 * storage fault (quota exceeded, storage disabled, private browsing): the call returns false and
 * `lastError()` says why.
 *
 * A saved record it cannot read is never destroyed: it is copied aside first (it may come from a
 * newer release of the course, or be recoverable by hand).
 */

/** The one record kept per course and learner. Field names follow the CMI elements they stand in for. */
export interface StandaloneRecord {
  v: 1;
  /** When the record was last committed (ms since the epoch). */
  savedAt: number;
  cmi: {
    /** cmi.suspend_data */
    suspendData: string | null;
    /** cmi.location (2004) / cmi.core.lesson_location (1.2) */
    location: string | null;
    /** cmi.completion_status */
    completion: CompletionStatus;
    /** cmi.progress_measure, 0..1 */
    progress: number;
    /** cmi.success_status */
    success: SuccessStatus;
    /** cmi.score.raw / min / max / scaled, or null before any score */
    score: ScoreReport | null;
    /** cmi.interactions.n.*, timestamps as ISO 8601 strings */
    interactions: StoredInteraction[];
    /** cmi.objectives.n.* */
    objectives: ObjectiveReport[];
    /** cmi.total_time, in milliseconds: the sum of every terminated session */
    totalTimeMs: number;
  };
}

/** An interaction as stored: JSON has no Date, so the timestamp is an ISO 8601 string. */
export type StoredInteraction = Omit<InteractionReport, 'timestamp'> & { timestamp: string };

export interface StandaloneOptions {
  /** Where records live; defaults to an in-memory Storage (nothing survives a reload). */
  storage?: Storage;
  /** Stable course id: part of the storage key. */
  courseId: string;
  /** The learner, when known (stands in for cmi.learner_id); records of different learners never mix. */
  learnerId?: string;
  /** The clock, for savedAt, backup keys and session time. */
  now?: () => number;
}

/** The adapter, plus what a caller needs to find the record and any backup by hand. */
export interface StandaloneAdapter extends LmsAdapter {
  readonly kind: 'standalone';
  /** The storage key of this course and learner's record. */
  readonly storageKey: string;
  /** Where an unreadable saved record was copied at launch, or null if there was none. */
  readonly unreadableBackupKey: string | null;
}

/** The current record version. A record with any other `v` is set aside, not read. */
export const RECORD_VERSION = 1;

const KEY_PREFIX = 'mx-a20';
/** Marks "no learner id"; an actual learner id `local` is escaped so the two never share a record. */
const ANONYMOUS = 'local';

/**
 * Escapes one key part so that `:` inside an id cannot make two course/learner pairs share a key.
 * `encodeURIComponent` leaves `local` as is, so a learner whose id is literally `local` is spelled
 * `%6Cocal`: it decodes to the same id but differs from the anonymous marker.
 */
function keyPart(id: string): string {
  const enc = encodeURIComponent(id);
  return enc === ANONYMOUS ? '%6Cocal' : enc;
}

/** `mx-a20:<courseId>:<learnerId or 'local'>`, each part URI-escaped. */
export function recordKey(courseId: string, learnerId?: string): string {
  return `${KEY_PREFIX}:${keyPart(courseId)}:${learnerId === undefined ? ANONYMOUS : keyPart(learnerId)}`;
}

function emptyRecord(now: number): StandaloneRecord {
  return {
    v: RECORD_VERSION,
    savedAt: now,
    cmi: {
      suspendData: null,
      location: null,
      completion: 'not attempted',
      progress: 0,
      success: 'unknown',
      score: null,
      interactions: [],
      objectives: [],
      totalTimeMs: 0,
    },
  };
}

const COMPLETION: readonly CompletionStatus[] = ['not attempted', 'incomplete', 'completed'];
const SUCCESS: readonly SuccessStatus[] = ['unknown', 'passed', 'failed'];
const INTERACTION_TYPES: readonly InteractionType[] = ['choice', 'true-false', 'matching', 'sequencing', 'numeric', 'fill-in'];
const RESULTS: readonly InteractionReport['result'][] = ['correct', 'incorrect', 'neutral'];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasOnlyKeys = (o: Record<string, unknown>, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isRatio = (x: unknown): x is number => isFiniteNumber(x) && x >= 0 && x <= 1;
const isStringOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';
const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((e) => typeof e === 'string');
const isIsoTimestamp = (x: unknown): x is string => typeof x === 'string' && !Number.isNaN(Date.parse(x));

function isScore(x: unknown): x is ScoreReport {
  return (
    isObject(x) &&
    hasOnlyKeys(x, ['raw', 'min', 'max', 'scaled']) &&
    isFiniteNumber(x.raw) &&
    isFiniteNumber(x.min) &&
    isFiniteNumber(x.max) &&
    isFiniteNumber(x.scaled) &&
    x.scaled >= -1 &&
    x.scaled <= 1
  );
}

function isStoredInteraction(x: unknown): x is StoredInteraction {
  return (
    isObject(x) &&
    hasOnlyKeys(x, ['id', 'type', 'description', 'learnerResponse', 'correctResponse', 'result', 'weighting', 'latencyMs', 'timestamp']) &&
    typeof x.id === 'string' &&
    x.id !== '' &&
    INTERACTION_TYPES.includes(x.type as InteractionType) &&
    (x.description === undefined || typeof x.description === 'string') &&
    isStringArray(x.learnerResponse) &&
    isStringArray(x.correctResponse) &&
    (RESULTS.includes(x.result as InteractionReport['result']) || (isFiniteNumber(x.result) && x.result > 0 && x.result < 1)) &&
    isFiniteNumber(x.weighting) &&
    isFiniteNumber(x.latencyMs) &&
    x.latencyMs >= 0 &&
    isIsoTimestamp(x.timestamp)
  );
}

function isObjective(x: unknown): x is ObjectiveReport {
  return (
    isObject(x) &&
    hasOnlyKeys(x, ['id', 'completion', 'success', 'progress']) &&
    typeof x.id === 'string' &&
    x.id !== '' &&
    COMPLETION.includes(x.completion as CompletionStatus) &&
    SUCCESS.includes(x.success as SuccessStatus) &&
    (x.progress === undefined || isRatio(x.progress))
  );
}

/** Checks every field of a parsed record; anything unexpected makes the whole record unreadable. */
function isStandaloneRecord(x: unknown): x is StandaloneRecord {
  if (!isObject(x) || !hasOnlyKeys(x, ['v', 'savedAt', 'cmi'])) return false;
  const c = x.cmi;
  return (
    x.v === RECORD_VERSION &&
    isFiniteNumber(x.savedAt) &&
    isObject(c) &&
    hasOnlyKeys(c, ['suspendData', 'location', 'completion', 'progress', 'success', 'score', 'interactions', 'objectives', 'totalTimeMs']) &&
    isStringOrNull(c.suspendData) &&
    isStringOrNull(c.location) &&
    COMPLETION.includes(c.completion as CompletionStatus) &&
    isRatio(c.progress) &&
    SUCCESS.includes(c.success as SuccessStatus) &&
    (c.score === null || isScore(c.score)) &&
    Array.isArray(c.interactions) &&
    c.interactions.every(isStoredInteraction) &&
    Array.isArray(c.objectives) &&
    c.objectives.every(isObjective) &&
    isFiniteNumber(c.totalTimeMs) &&
    c.totalTimeMs >= 0
  );
}

type ReadResult =
  | { kind: 'none' }
  | { kind: 'ok'; record: StandaloneRecord }
  | { kind: 'unreadable'; raw: string }
  | { kind: 'failed'; detail: string };

const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Reads and checks the record under `key`; never throws. */
function readKey(storage: Storage, key: string): ReadResult {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (e) {
    return { kind: 'failed', detail: describeError(e) };
  }
  if (raw === null) return { kind: 'none' };
  try {
    const parsed: unknown = JSON.parse(raw);
    return isStandaloneRecord(parsed) ? { kind: 'ok', record: parsed } : { kind: 'unreadable', raw };
  } catch {
    return { kind: 'unreadable', raw };
  }
}

/**
 * The committed record of a course and learner, for tests and debugging. Null when there is none,
 * when it cannot be read, or when storage refuses to be read. Never throws.
 */
export function readStandaloneRecord(storage: Storage, courseId: string, learnerId?: string): StandaloneRecord | null {
  const r = readKey(storage, recordKey(courseId, learnerId));
  return r.kind === 'ok' ? r.record : null;
}

/** A Storage that lives only in memory: the default when no Web Storage is given. */
export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(String(k)) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(String(k)),
    setItem: (k, v) => void map.set(String(k), String(v)),
  };
}

/** An LMS error: code and its standard text. */
type ErrorCode = readonly [code: string, message: string];
/** A refused value: which error, and a diagnostic saying what was wrong with it. */
interface Problem {
  error: ErrorCode;
  detail: string;
}
const problem = (error: ErrorCode, detail: string): Problem => ({ error, detail });

/** SCORM 2004 run-time error codes, used for the same situations here so logs read the same as with an LMS. */
const ERR = {
  generalInit: ['102', 'General Initialization Failure'],
  alreadyInit: ['103', 'Already Initialized'],
  terminated: ['104', 'Content Instance Terminated'],
  terminateBeforeInit: ['112', 'Termination Before Initialization'],
  terminateAfterTerminate: ['113', 'Termination After Termination'],
  storeBeforeInit: ['132', 'Store Data Before Initialization'],
  storeAfterTerminate: ['133', 'Store Data After Termination'],
  commitBeforeInit: ['142', 'Commit Before Initialization'],
  commitAfterTerminate: ['143', 'Commit After Termination'],
  generalSet: ['351', 'General Set Failure'],
  generalCommit: ['391', 'General Commit Failure'],
  typeMismatch: ['406', 'Data Model Element Type Mismatch'],
  outOfRange: ['407', 'Data Model Element Value Out Of Range'],
} as const satisfies Record<string, ErrorCode>;

/**
 * Creates the standalone adapter (kind `standalone`) for one course and learner.
 *
 * `initialize()` reads the saved record: none gives entry `ab-initio`, a readable one `resume`
 * (mode `normal`, credit true, no learner name). An unreadable one is copied to
 * `<key>:unreadable:<timestamp>` and the launch starts fresh with `notice: 'saved-record-unreadable'`.
 * If the copy cannot be made, the original is left untouched: every commit tries the copy again and
 * fails rather than write over it.
 */
export function createStandaloneAdapter(opts: StandaloneOptions): StandaloneAdapter {
  const storage = opts.storage ?? memoryStorage();
  const now = opts.now ?? (() => Date.now());
  const key = recordKey(opts.courseId, opts.learnerId);
  let record = emptyRecord(now());
  let error: AdapterError | null = null;
  let phase: 'new' | 'running' | 'terminated' = 'new';
  let startedAt = 0;
  /** cmi.session_time as last reported; null until the course reports one. */
  let sessionMs: number | null = null;
  /** Caller key -> slot in record.cmi.interactions, for this session. */
  const interactionSlots = new Map<number, number>();
  /** A saved record we could not read and have not yet managed to copy aside. */
  let unsavedRaw: string | null = null;
  let backupKey: string | null = null;

  const fail = ([code, message]: ErrorCode, call: string, detail?: string): false => {
    error = { code, message, call, ...(detail === undefined ? {} : { detail }) };
    return false;
  };
  const succeed = (): true => {
    error = null;
    return true;
  };

  /**
   * Every SetValue: refused before Initialize and after Terminate, and when `check` finds a bad
   * value. A value so malformed that checking it throws (say, `null` from untyped code) is refused too.
   */
  const write = (call: string, check: () => Problem | false, apply: () => void): boolean => {
    if (phase === 'new') return fail(ERR.storeBeforeInit, call);
    if (phase === 'terminated') return fail(ERR.storeAfterTerminate, call);
    try {
      const bad = check();
      if (bad) return fail(bad.error, call, bad.detail);
      apply();
    } catch (e) {
      return fail(ERR.generalSet, call, describeError(e));
    }
    return succeed();
  };

  /** Copies an unreadable record aside under a key no other backup uses. Throws if storage does. */
  const backUp = (raw: string): string => {
    const base = `${key}:unreadable:${now()}`;
    let candidate = base;
    for (let n = 1; storage.getItem(candidate) !== null; n++) candidate = `${base}-${n}`;
    storage.setItem(candidate, raw);
    return candidate;
  };

  const persist = (call: string): boolean => {
    try {
      if (unsavedRaw !== null) {
        backupKey = backUp(unsavedRaw);
        unsavedRaw = null;
      }
    } catch (e) {
      return fail(ERR.generalCommit, call, `The unreadable saved record could not be copied aside, so it was not overwritten (${describeError(e)})`);
    }
    const savedAt = now();
    try {
      storage.setItem(key, JSON.stringify({ ...record, savedAt }));
    } catch (e) {
      return fail(ERR.generalCommit, call, `The browser refused to save progress (${describeError(e)})`);
    }
    record.savedAt = savedAt;
    return succeed();
  };

  /** cmi.interactions.n / cmi.objectives.n: n may replace an entry or append the next one, never leave a gap. */
  const checkIndex = (index: number, length: number): Problem | false =>
    Number.isInteger(index) && index >= 0 && index <= length
      ? false
      : problem(ERR.generalSet, `index ${index} is out of order: the next free index is ${length}`);

  return {
    kind: 'standalone',
    storageKey: key,
    get unreadableBackupKey() {
      return backupKey;
    },

    initialize(): LaunchInfo | null {
      if (phase === 'running') return (fail(ERR.alreadyInit, 'Initialize'), null);
      if (phase === 'terminated') return (fail(ERR.terminated, 'Initialize'), null);
      const found = readKey(storage, key);
      if (found.kind === 'failed') {
        // Without reading we cannot know whether a record exists, so we must not risk writing over it.
        return (fail(ERR.generalInit, 'Initialize', `The browser storage cannot be read (${found.detail})`), null);
      }
      phase = 'running';
      startedAt = now();
      succeed();
      const info: LaunchInfo = {
        mode: 'normal',
        credit: true,
        entry: 'ab-initio',
        learnerName: null,
        learnerId: opts.learnerId ?? null,
        launchData: null,
      };
      if (found.kind === 'ok') {
        record = found.record;
        info.entry = 'resume';
      } else if (found.kind === 'unreadable') {
        info.notice = 'saved-record-unreadable';
        try {
          backupKey = backUp(found.raw);
        } catch {
          // Storage refused the copy: keep the raw value and try again before the first write over it.
          unsavedRaw = found.raw;
        }
      }
      return info;
    },

    readState: () => record.cmi.suspendData,
    readLocation: () => record.cmi.location,

    writeState: (s) =>
      write(
        'SetValue(cmi.suspend_data)',
        () => typeof s !== 'string' && problem(ERR.typeMismatch, 'suspend data must be a string'),
        () => void (record.cmi.suspendData = s),
      ),

    writeLocation: (l) =>
      write(
        'SetValue(cmi.location)',
        () => typeof l !== 'string' && problem(ERR.typeMismatch, 'location must be a string'),
        () => void (record.cmi.location = l),
      ),

    writeCompletion: (status, progress) =>
      write(
        'SetValue(cmi.completion_status)',
        () =>
          (!COMPLETION.includes(status) && problem(ERR.typeMismatch, `unknown completion status ${String(status)}`)) ||
          (!isRatio(progress) && problem(ERR.outOfRange, `progress ${progress} is not within 0..1`)),
        () => {
          record.cmi.completion = status;
          record.cmi.progress = progress;
        },
      ),

    writeSuccess: (s) =>
      write(
        'SetValue(cmi.success_status)',
        () => !SUCCESS.includes(s) && problem(ERR.typeMismatch, `unknown success status ${String(s)}`),
        () => void (record.cmi.success = s),
      ),

    writeScore: (s) =>
      write(
        'SetValue(cmi.score)',
        () => !isScore(s) && problem(ERR.outOfRange, 'raw, min and max must be finite numbers and scaled within -1..1'),
        () => void (record.cmi.score = { raw: s.raw, min: s.min, max: s.max, scaled: s.scaled }),
      ),

    // As in the SCORM adapters, the caller's index is a key: the first time it is seen it takes the
    // next free slot after the interactions already kept, so a skipped item leaves no gap.
    writeInteraction: (key, x) => {
      const i = interactionSlots.get(key) ?? record.cmi.interactions.length;
      return write(
        `SetValue(cmi.interactions.${i})`,
        () => {
          const bad = checkIndex(i, record.cmi.interactions.length);
          if (bad) return bad;
          if (!(x.timestamp instanceof Date) || Number.isNaN(x.timestamp.getTime())) return problem(ERR.typeMismatch, 'timestamp is not a valid date');
          return !isStoredInteraction(toStored(x)) && problem(ERR.typeMismatch, 'the interaction has a missing or malformed field');
        },
        () => {
          record.cmi.interactions[i] = toStored(x);
          interactionSlots.set(key, i);
        },
      );
    },

    writeObjective: (i, o) =>
      write(
        `SetValue(cmi.objectives.${i})`,
        () => checkIndex(i, record.cmi.objectives.length) || (!isObjective(copyObjective(o)) && problem(ERR.typeMismatch, 'the objective has a missing or malformed field')),
        () => void (record.cmi.objectives[i] = copyObjective(o)),
      ),

    writeSessionTime: (ms) =>
      write(
        'SetValue(cmi.session_time)',
        () => !(isFiniteNumber(ms) && ms >= 0) && problem(ERR.outOfRange, `session time ${ms} ms is not a duration`),
        () => void (sessionMs = ms),
      ),

    commit(): boolean {
      if (phase === 'new') return fail(ERR.commitBeforeInit, 'Commit');
      if (phase === 'terminated') return fail(ERR.commitAfterTerminate, 'Commit');
      return persist('Commit');
    },

    /**
     * Adds this session to cmi.total_time, commits, and ends the session: later writes and commits
     * are refused, as an LMS does after Terminate. The session time is the last one the course
     * reported (cmi.session_time); if it reported none, the time since Initialize. The exit reason
     * does not change anything here: the standalone record always resumes.
     */
    terminate(): boolean {
      if (phase === 'new') return fail(ERR.terminateBeforeInit, 'Terminate');
      if (phase === 'terminated') return fail(ERR.terminateAfterTerminate, 'Terminate');
      record.cmi.totalTimeMs += sessionMs ?? Math.max(0, now() - startedAt);
      sessionMs = null;
      phase = 'terminated';
      return persist('Terminate');
    },

    lastError: () => error,
  };
}

/** The interaction as stored: fields picked one by one, arrays copied, the timestamp as ISO 8601. */
function toStored(x: InteractionReport): StoredInteraction {
  return {
    id: x.id,
    type: x.type,
    ...(x.description === undefined ? {} : { description: x.description }),
    learnerResponse: Array.isArray(x.learnerResponse) ? [...x.learnerResponse] : x.learnerResponse,
    correctResponse: Array.isArray(x.correctResponse) ? [...x.correctResponse] : x.correctResponse,
    result: x.result,
    weighting: x.weighting,
    latencyMs: x.latencyMs,
    timestamp: x.timestamp.toISOString(),
  };
}

function copyObjective(o: ObjectiveReport): ObjectiveReport {
  return {
    id: o.id,
    completion: o.completion,
    success: o.success,
    ...(o.progress === undefined ? {} : { progress: o.progress }),
  };
}

import type {
  AdapterError,
  CompletionStatus,
  ExitReason,
  InteractionReport,
  LaunchEntry,
  LaunchInfo,
  LaunchMode,
  LmsAdapter,
  ObjectiveReport,
  ScoreReport,
  SuccessStatus,
} from './adapter.ts';
import type { RawLms } from './lms-api.ts';
import { LmsSession } from './lms-session.ts';

/**
 * What the SCORM 1.2 and 2004 adapters share: the launch (mode, credit, entry, learner, saved
 * state, objectives already recorded), what may be written in which mode, size limits, the
 * objective index by id, and the session below (checked calls, no repeated values, the browser
 * copy of what the LMS did not save). Each version supplies its element names and formats.
 *
 * What is written, by launch:
 *
 * | launch              | suspend_data, location, completion, objectives' completion | success, score, interactions, objectives' success | session time, exit |
 * |---------------------|-----|-----|-----|
 * | normal, credit      | yes | yes | yes |
 * | normal, no-credit   | yes | no: results must not count | yes |
 * | browse or review    | no: the LMS keeps no record of this launch | no | no |
 *
 * A write skipped by these rules succeeds: the course goes on as if it had been written.
 */

export interface ScormAdapterOptions {
  courseId: string;
  /** Where what the LMS did not save is kept; defaults to none. */
  storage?: Storage;
  log?: (message: string) => void;
  now?: () => number;
}

/** One version's element names and formats. */
export interface VersionSpec {
  kind: 'scorm12' | 'scorm2004';
  el: {
    mode: string;
    credit: string;
    entry: string;
    learnerName: string;
    learnerId: string;
    launchData: string;
    suspendData: string;
    location: string;
    sessionTime: string;
    exit: string;
  };
  limits: { suspendData: number; location: number };
  /** Fields of cmi.objectives.n read at launch, so an unchanged objective is not written again. */
  objectiveFields: readonly string[];
  /** Codes used when the course itself refuses a value (too long), in the version's own list. */
  tooLongError: { code: string; message: string };
  /** Reads the course-level status into the session's cache (so an unchanged status is not written). */
  readStatus(s: LmsSession): void;
  /** Whether cmi.suspend_data may be used to resume this launch. */
  resumes(entry: LaunchEntry, suspendData: string): boolean;
  /** The learner's name as the course shows it. */
  learnerName(raw: string): string;
  writeStatus(s: LmsSession, completion: CompletionStatus | null, progress: number | null, success: SuccessStatus | null, credit: boolean): boolean;
  writeScore(s: LmsSession, score: ScoreReport): boolean;
  writeInteraction(s: LmsSession, n: number, x: InteractionReport): boolean;
  writeObjective(s: LmsSession, n: number, o: ObjectiveReport, credit: boolean): boolean;
  sessionTime(ms: number): string;
  exit(reason: ExitReason): string;
}

const MODES: readonly LaunchMode[] = ['normal', 'browse', 'review'];

export function createScormAdapter(raw: RawLms, spec: VersionSpec, opts: ScormAdapterOptions): LmsAdapter & { readonly session: LmsSession } {
  const log = opts.log ?? ((m: string) => console.warn(`[lms] ${m}`));
  const session = new LmsSession(raw, { courseId: opts.courseId, ...(opts.storage ? { storage: opts.storage } : {}), log, now: opts.now ?? (() => Date.now()) });
  let info: LaunchInfo | null = null;
  let state: string | null = null;
  let location: string | null = null;
  /** Objective id -> its index in cmi.objectives (the LMS may have created them from the manifest). */
  const objectiveIndex = new Map<string, number>();
  /** The caller's interaction index -> its index in cmi.interactions, for this session. */
  const interactionIndex = new Map<number, number>();
  let objectiveCount = 0;
  let interactionCount = 0;
  let completion: CompletionStatus | null = null;
  let progress: number | null = null;
  let success: SuccessStatus | null = null;
  let ownError: AdapterError | null = null;

  const mayRecord = () => info !== null && info.mode === 'normal';
  const mayScore = () => mayRecord() && info!.credit;
  let terminated = false;
  const refuseNotRunning = (call: string): false => {
    ownError = terminated ? { code: '133', message: 'Store Data After Termination', call } : { code: '132', message: 'Store Data Before Initialization', call };
    return false;
  };
  /** Runs a write only when the launch allows it; otherwise it succeeds without a call. */
  const guarded = (call: string, allowed: () => boolean, write: () => boolean): boolean => {
    ownError = null;
    if (!session.running) return refuseNotRunning(call);
    if (!allowed()) return true;
    return write();
  };

  return {
    kind: spec.kind,
    session,

    initialize(): LaunchInfo | null {
      if (!session.initialize()) return null;
      const e = spec.el;
      const modeRaw = session.get(e.mode);
      const mode = (MODES as readonly string[]).includes(modeRaw) ? (modeRaw as LaunchMode) : 'normal';
      const credit = session.get(e.credit) !== 'no-credit';
      const entryRaw = session.get(e.entry);
      const entry: LaunchEntry = entryRaw === 'ab-initio' || entryRaw === 'resume' ? entryRaw : '';
      const learnerId = session.get(e.learnerId);
      const learnerName = spec.learnerName(session.get(e.learnerName));
      const launchData = session.get(e.launchData);
      const suspendData = session.get(e.suspendData);
      const savedLocation = session.get(e.location);
      spec.readStatus(session);
      objectiveCount = Number(session.get('cmi.objectives._count')) || 0;
      for (let n = 0; n < objectiveCount; n++) {
        const id = session.get(`cmi.objectives.${n}.id`);
        if (id) objectiveIndex.set(id, n);
        for (const field of spec.objectiveFields) session.get(`cmi.objectives.${n}.${field}`);
      }
      interactionCount = Number(session.get('cmi.interactions._count')) || 0;
      // What an earlier session could not save goes first: it is newer than what the LMS holds.
      if (mode === 'normal') session.restoreMirror(learnerId);
      const restoredState = session.restored.get(e.suspendData);
      const restoredLocation = session.restored.get(e.location);
      state = restoredState ?? (spec.resumes(entry, suspendData) ? suspendData || null : null);
      location = restoredLocation ?? (state !== null ? savedLocation || null : null);
      info = {
        mode,
        credit,
        entry,
        learnerName: learnerName || null,
        learnerId: learnerId || null,
        launchData: launchData || null,
        interactionCount,
      };
      return info;
    },

    readState: () => state,
    readLocation: () => location,

    writeState: (value) =>
      guarded(`SetValue(${spec.el.suspendData})`, mayRecord, () =>
        value.length > spec.limits.suspendData
          ? session.refuse(spec.el.suspendData, value, { ...spec.tooLongError, detail: `${value.length} characters; ${spec.el.suspendData} holds at most ${spec.limits.suspendData}` })
          : session.set(spec.el.suspendData, value),
      ),

    writeLocation: (value) =>
      guarded(`SetValue(${spec.el.location})`, mayRecord, () =>
        value.length > spec.limits.location
          ? session.refuse(spec.el.location, value, { ...spec.tooLongError, detail: `${value.length} characters; ${spec.el.location} holds at most ${spec.limits.location}` })
          : session.set(spec.el.location, value),
      ),

    writeCompletion: (status, p) =>
      guarded('SetValue(completion)', mayRecord, () => {
        completion = status;
        progress = p;
        return spec.writeStatus(session, completion, progress, mayScore() ? success : null, info!.credit);
      }),

    writeSuccess: (status) =>
      guarded('SetValue(success)', mayScore, () => {
        success = status;
        return spec.writeStatus(session, completion, progress, success, true);
      }),

    writeScore: (score) => guarded('SetValue(score)', mayScore, () => spec.writeScore(session, score)),

    /**
     * Writes cmi.interactions.n.*. The caller's index names the interaction; the first time it is
     * seen it gets the next free index of cmi.interactions (an LMS refuses a gap, and records of
     * earlier sessions, counted in interactions._count, are never written over); the same index
     * later in the session writes the same record again (only what changed).
     */
    writeInteraction: (key, x) =>
      guarded(`SetValue(cmi.interactions: ${x.id})`, mayScore, () => {
        let n = interactionIndex.get(key);
        if (n === undefined) {
          n = interactionCount++;
          interactionIndex.set(key, n);
        }
        return spec.writeInteraction(session, n, x);
      }),

    writeObjective: (_hint, o) =>
      guarded(`SetValue(cmi.objectives: ${o.id})`, mayRecord, () => {
        let n = objectiveIndex.get(o.id);
        if (n === undefined) {
          n = objectiveCount++;
          objectiveIndex.set(o.id, n);
        }
        return spec.writeObjective(session, n, o, mayScore());
      }),

    writeSessionTime: (ms) => guarded(`SetValue(${spec.el.sessionTime})`, mayRecord, () => session.setSessionValue(spec.el.sessionTime, spec.sessionTime(ms))),

    commit: () => {
      ownError = null;
      if (!session.running) return refuseNotRunning('Commit');
      return session.commit();
    },

    terminate(reason: ExitReason): boolean {
      ownError = null;
      terminated = true;
      if (session.running && mayRecord() && !session.setSessionValue(spec.el.exit, spec.exit(reason))) {
        // The exit value was refused: terminate anyway, or the LMS keeps the session open.
        session.terminate();
        return false;
      }
      return session.terminate();
    },

    lastError: () => ownError ?? session.lastError(),
  };
}

/**
 * The seam between the course and whatever keeps the learner's record.
 *
 * Shaped after the SCORM run-time so that the 1.2 and 2004 adapters (a later issue) can implement
 * it one-to-one, and the standalone adapter (localStorage) can stand in when there is no LMS.
 * Only `src/store/tracking-bridge.ts` calls an adapter. Nothing here knows React or the UI.
 */

export type AdapterKind = 'standalone' | 'scorm12' | 'scorm2004';

/** cmi.mode (2004) / cmi.core.lesson_mode (1.2). */
export type LaunchMode = 'normal' | 'browse' | 'review';

/** cmi.entry (2004) / cmi.core.entry (1.2). `''` when the LMS does not say. */
export type LaunchEntry = 'ab-initio' | 'resume' | '';

export interface LaunchInfo {
  mode: LaunchMode;
  /** cmi.credit / cmi.core.credit: false means results must not count. */
  credit: boolean;
  entry: LaunchEntry;
  /** cmi.learner_name / cmi.core.student_name, if the LMS gives one. */
  learnerName: string | null;
  /** cmi.learner_id / cmi.core.student_id, if the LMS gives one. */
  learnerId: string | null;
  /** cmi.launch_data, if present. */
  launchData: string | null;
  /** Set when a saved record existed but could not be read; it was kept aside, not destroyed. */
  notice?: 'saved-record-unreadable';
  /**
   * cmi.interactions._count at launch: interactions already recorded. The SCORM adapters append
   * after them whatever index they are given; absent when the adapter keeps none.
   */
  interactionCount?: number;
}

/** The learner's completion (2004 cmi.completion_status; folded into lesson_status in 1.2). */
export type CompletionStatus = 'not attempted' | 'incomplete' | 'completed';

/** The learner's success (2004 cmi.success_status; folded into lesson_status in 1.2). */
export type SuccessStatus = 'unknown' | 'passed' | 'failed';

export interface ScoreReport {
  /** 0..100 */
  raw: number;
  min: number;
  max: number;
  /** -1..1 (2004 only). */
  scaled: number;
}

export type InteractionType =
  | 'choice'
  | 'true-false'
  | 'matching'
  | 'sequencing'
  | 'numeric'
  | 'fill-in';

/**
 * One answered item. Patterns are version-neutral here; adapters format them
 * (cmi.interactions.n.* in both versions, each in its own string format).
 *
 * Tokens by type:
 * - `choice`: the chosen choice ids (several for a multiple-response item); correct: the right ids.
 * - `true-false`: `true` or `false`.
 * - `matching`: `premise.response` pairs.
 * - `sequencing`: the step ids in order.
 * - `numeric`: learner: the number; correct: `[value]` or `[min, max]` (value ± tolerance).
 * - `fill-in`: learner: the text typed; correct: each accepted answer is one token (one pattern).
 */
export interface InteractionReport {
  id: string;
  type: InteractionType;
  /** The question, for the LMS's reports (cmi.interactions.n.description, 2004 only). */
  description?: string;
  /**
   * Every id a token of this item can use, in authored order (choices; premises then responses;
   * steps). SCORM 1.2 spells each as one character (`a`-`z`, then `0`-`9`), its position here.
   */
  ids?: readonly string[];
  /** Learner response as a list of tokens (choice ids, pairs as `a.b`, numbers, strings). */
  learnerResponse: string[];
  correctResponse: string[];
  /**
   * `correct`, `incorrect`, `neutral`, or the fraction of the item's marks earned (0 < n < 1) for
   * partial credit: both versions allow a decimal in cmi.interactions.n.result, so an LMS report
   * (and the class results view) sees half credit as 0.5, not as wrong.
   */
  result: 'correct' | 'incorrect' | 'neutral' | number;
  weighting: number;
  /** Milliseconds from item shown to item answered. */
  latencyMs: number;
  /** When the answer was given. */
  timestamp: Date;
}

export interface ObjectiveReport {
  /** Stable id, e.g. the lesson id. */
  id: string;
  completion: CompletionStatus;
  success: SuccessStatus;
  /** 0..1, when known. */
  progress?: number;
}

/** Why a call failed: the LMS error code and its text, for the log. */
export interface AdapterError {
  code: string;
  message: string;
  /** Extra diagnostic text (GetDiagnostic). */
  detail?: string;
  /** The API call that failed, e.g. `SetValue(cmi.suspend_data)`. */
  call: string;
}

/** Why the session ends: `suspend` when the learner leaves unfinished. */
export type ExitReason = 'suspend' | 'normal';

/**
 * Every method returns `true` on success. On failure it returns `false` and `lastError()` says why;
 * no method throws for an LMS fault.
 */
export interface LmsAdapter {
  readonly kind: AdapterKind;
  /** Starts the session and reads what the LMS says about this launch. `null` if it refused. */
  initialize(): LaunchInfo | null;
  /** The saved resume state (cmi.suspend_data), or null when there is none. */
  readState(): string | null;
  /** The saved location (cmi.location / cmi.core.lesson_location), or null. */
  readLocation(): string | null;
  writeState(state: string): boolean;
  writeLocation(location: string): boolean;
  /** Completion and overall progress (2004 cmi.progress_measure, 0..1). */
  writeCompletion(status: CompletionStatus, progress: number): boolean;
  writeSuccess(status: SuccessStatus): boolean;
  writeScore(score: ScoreReport): boolean;
  writeInteraction(index: number, interaction: InteractionReport): boolean;
  writeObjective(index: number, objective: ObjectiveReport): boolean;
  /** Session time so far, in milliseconds (adapters format it). */
  writeSessionTime(ms: number): boolean;
  commit(): boolean;
  terminate(exit: ExitReason): boolean;
  lastError(): AdapterError | null;
}

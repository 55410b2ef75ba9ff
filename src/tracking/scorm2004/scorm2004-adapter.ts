import type { LmsAdapter } from '../adapter.ts';
import { clamp, decimal } from '../cmi-format.ts';
import { rawScorm2004, type Scorm2004Api } from '../lms-api.ts';
import type { LmsSession } from '../lms-session.ts';
import { createScormAdapter, type ScormAdapterOptions, type VersionSpec } from '../scorm-adapter.ts';
import { description, duration, responses, timestamp } from './format.ts';

const all = (writes: (() => boolean)[]) => writes.map((w) => w()).every(Boolean);

/**
 * SCORM 2004 4th edition (`window.API_1484_11`). Completion and success are written apart
 * (cmi.completion_status, cmi.success_status), the score also scaled; the saved state is used
 * only when cmi.entry is `resume`; suspend_data holds at most 64,000 characters and location 1,000.
 */
export const SCORM2004: VersionSpec = {
  kind: 'scorm2004',
  el: {
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    entry: 'cmi.entry',
    learnerName: 'cmi.learner_name',
    learnerId: 'cmi.learner_id',
    launchData: 'cmi.launch_data',
    suspendData: 'cmi.suspend_data',
    location: 'cmi.location',
    sessionTime: 'cmi.session_time',
    exit: 'cmi.exit',
  },
  limits: { suspendData: 64000, location: 1000 },
  objectiveFields: ['completion_status', 'success_status', 'progress_measure'],
  tooLongError: { code: '407', message: 'Data Model Element Value Out Of Range' },

  readStatus(s: LmsSession) {
    for (const e of ['completion_status', 'success_status', 'progress_measure', 'score.scaled', 'score.raw', 'score.min', 'score.max']) s.get(`cmi.${e}`);
  },

  resumes: (entry) => entry === 'resume',
  learnerName: (raw) => raw.trim(),

  /** Writes cmi.completion_status, cmi.progress_measure and (with credit) cmi.success_status. */
  writeStatus: (s, completion, progress, success, credit) =>
    all([
      ...(completion ? [() => s.set('cmi.completion_status', completion)] : []),
      ...(progress !== null ? [() => s.set('cmi.progress_measure', decimal(clamp(progress, 0, 1), 4))] : []),
      ...(success && credit ? [() => s.set('cmi.success_status', success)] : []),
    ]),

  /** Writes cmi.score.scaled (-1..1), .raw, .min and .max. */
  writeScore: (s, score) =>
    all([
      () => s.set('cmi.score.scaled', decimal(clamp(score.scaled, -1, 1), 4)),
      () => s.set('cmi.score.raw', decimal(score.raw, 2)),
      () => s.set('cmi.score.min', decimal(score.min, 2)),
      () => s.set('cmi.score.max', decimal(score.max, 2)),
    ]),

  /** Writes cmi.interactions.n.*: id, type, description, timestamp, weighting, correct_responses, learner_response, result, latency. */
  writeInteraction(s, n, x) {
    const p = `cmi.interactions.${n}.`;
    const formatted = responses(x);
    return all([
      () => s.set(`${p}id`, x.id),
      () => s.set(`${p}type`, x.type),
      ...(x.description ? [() => s.set(`${p}description`, description(x.description!))] : []),
      () => s.set(`${p}timestamp`, timestamp(x.timestamp)),
      () => s.set(`${p}weighting`, decimal(x.weighting, 2)),
      ...formatted.correct.map((pattern, k) => () => s.set(`${p}correct_responses.${k}.pattern`, pattern)),
      () => s.set(`${p}learner_response`, formatted.learner),
      () => s.set(`${p}result`, typeof x.result === 'number' ? decimal(x.result, 4) : x.result),
      () => s.set(`${p}latency`, duration(x.latencyMs)),
    ]);
  },

  /** Writes cmi.objectives.n.id, .completion_status, .success_status (with credit) and .progress_measure. */
  writeObjective: (s, n, o, credit) =>
    all([
      () => s.set(`cmi.objectives.${n}.id`, o.id),
      () => s.set(`cmi.objectives.${n}.completion_status`, o.completion),
      ...(credit && o.success !== 'unknown' ? [() => s.set(`cmi.objectives.${n}.success_status`, o.success)] : []),
      ...(o.progress !== undefined ? [() => s.set(`cmi.objectives.${n}.progress_measure`, decimal(clamp(o.progress!, 0, 1), 4))] : []),
    ]),

  sessionTime: duration,
  exit: (reason) => reason,
};

/** An adapter over the LMS's SCORM 2004 API. */
export function createScorm2004Adapter(api: Scorm2004Api, opts: ScormAdapterOptions): LmsAdapter & { readonly session: LmsSession } {
  return createScormAdapter(rawScorm2004(api), SCORM2004, opts);
}

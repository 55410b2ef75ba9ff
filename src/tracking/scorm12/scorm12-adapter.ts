import type { LmsAdapter } from '../adapter.ts';
import { clamp, decimal } from '../cmi-format.ts';
import { rawScorm12, type Scorm12Api } from '../lms-api.ts';
import type { LmsSession } from '../lms-session.ts';
import { createScormAdapter, type ScormAdapterOptions, type VersionSpec } from '../scorm-adapter.ts';
import { lessonStatus, responses, result, timeOfDay, timespan } from './format.ts';

/** Runs several writes, all of them even when one fails; true when every one succeeded. */
const all = (writes: (() => boolean)[]) => writes.map((w) => w()).every(Boolean);

/**
 * SCORM 1.2 (`window.API`). The course's completion and success fold into the one
 * cmi.core.lesson_status; exit is `suspend` when the learner leaves unfinished and `''` when done
 * (1.2 has no `normal`); suspend_data holds at most 4,096 characters and lesson_location 255.
 */
export const SCORM12: VersionSpec = {
  kind: 'scorm12',
  el: {
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    entry: 'cmi.core.entry',
    learnerName: 'cmi.core.student_name',
    learnerId: 'cmi.core.student_id',
    launchData: 'cmi.launch_data',
    suspendData: 'cmi.suspend_data',
    location: 'cmi.core.lesson_location',
    sessionTime: 'cmi.core.session_time',
    exit: 'cmi.core.exit',
  },
  limits: { suspendData: 4096, location: 255 },
  objectiveFields: ['status'],
  tooLongError: { code: '405', message: 'Incorrect Data Type' },

  readStatus(s: LmsSession) {
    s.get('cmi.core.lesson_status');
    for (const part of ['raw', 'min', 'max']) s.get(`cmi.core.score.${part}`);
  },

  // Many 1.2 LMSs leave cmi.core.entry empty on a return visit: saved data is what says "resume".
  resumes: (_entry, suspendData) => suspendData !== '',

  /** cmi.core.student_name is "Last, First" by the 1.2 book; the certificate says "First Last". */
  learnerName(raw) {
    const parts = raw.split(',');
    return parts.length === 2 && parts[0]!.trim() && parts[1]!.trim() ? `${parts[1]!.trim()} ${parts[0]!.trim()}` : raw.trim();
  },

  /** Writes cmi.core.lesson_status, the fold of completion and (with credit) success. */
  writeStatus(s, completion, _progress, success, credit) {
    const status = lessonStatus(completion ?? 'not attempted', credit && success ? success : 'unknown');
    return status === null ? true : s.set('cmi.core.lesson_status', status);
  },

  /** Writes cmi.core.score.min, .max and .raw (0-100). */
  writeScore: (s, score) =>
    all([
      () => s.set('cmi.core.score.min', decimal(clamp(score.min, 0, 100), 2)),
      () => s.set('cmi.core.score.max', decimal(clamp(score.max, 0, 100), 2)),
      () => s.set('cmi.core.score.raw', decimal(clamp(score.raw, 0, 100), 2)),
    ]),

  /** Writes cmi.interactions.n.*: id, type, time, correct_responses, student_response, result, weighting, latency. */
  writeInteraction(s, n, x) {
    const p = `cmi.interactions.${n}.`;
    let formatted: ReturnType<typeof responses>;
    try {
      formatted = responses(x);
    } catch (e) {
      return s.refuse(`${p}student_response`, x.learnerResponse.join(','), { code: '405', message: 'Incorrect Data Type', detail: e instanceof Error ? e.message : String(e) });
    }
    return all([
      () => s.set(`${p}id`, x.id),
      () => s.set(`${p}type`, x.type),
      () => s.set(`${p}time`, timeOfDay(x.timestamp)),
      ...formatted.correct.map((pattern, k) => () => s.set(`${p}correct_responses.${k}.pattern`, pattern)),
      () => s.set(`${p}student_response`, formatted.learner),
      () => s.set(`${p}result`, result(x.result)),
      () => s.set(`${p}weighting`, decimal(clamp(x.weighting, -100, 100), 2)),
      () => s.set(`${p}latency`, timespan(x.latencyMs)),
    ]);
  },

  /** Writes cmi.objectives.n.id and .status (completion folded with success, as for the course). */
  writeObjective(s, n, o, credit) {
    const status = lessonStatus(o.completion, credit ? o.success : 'unknown') ?? (o.completion === 'not attempted' ? 'not attempted' : null);
    return all([() => s.set(`cmi.objectives.${n}.id`, o.id), ...(status ? [() => s.set(`cmi.objectives.${n}.status`, status)] : [])]);
  },

  sessionTime: timespan,
  exit: (reason) => (reason === 'suspend' ? 'suspend' : ''),
};

/** An adapter over the LMS's SCORM 1.2 API. */
export function createScorm12Adapter(api: Scorm12Api, opts: ScormAdapterOptions): LmsAdapter & { readonly session: LmsSession } {
  return createScormAdapter(rawScorm12(api), SCORM12, opts);
}

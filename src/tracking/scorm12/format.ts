import type { CompletionStatus, InteractionReport, SuccessStatus } from '../adapter.ts';
import { decimal, pad, splitDuration } from '../cmi-format.ts';

/**
 * SCORM 1.2 string formats (SCORM 1.2 RTE, 3.4: data types and cmi.interactions response formats).
 */

/** CMITimespan `HHHH:MM:SS.SS` (cmi.core.session_time, cmi.interactions.n.latency); at most 9999 hours. */
export function timespan(ms: number): string {
  const { h, m, s, cs } = splitDuration(ms);
  if (h > 9999) return '9999:59:59.99';
  return `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(cs)}`;
}

/** CMITime `HH:MM:SS` (cmi.interactions.n.time): the time of day, in UTC (1.2 has no time zone). */
export function timeOfDay(d: Date): string {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * cmi.core.lesson_status: 1.2 has one status where 2004 has two. Success wins over completion
 * (`passed` / `failed`); otherwise `completed` or `incomplete`. `not attempted` cannot be written
 * (the SCO may not set it), so it gives null.
 */
export function lessonStatus(completion: CompletionStatus, success: SuccessStatus): 'passed' | 'failed' | 'completed' | 'incomplete' | null {
  if (success === 'passed' || success === 'failed') return success;
  if (completion === 'completed' || completion === 'incomplete') return completion;
  return null;
}

/** cmi.interactions.n.result: 1.2 says `wrong` where 2004 says `incorrect`; partial credit as a CMIDecimal. */
export const result = (r: InteractionReport['result']) =>
  typeof r === 'number' ? decimal(r, 4) : r === 'incorrect' ? 'wrong' : r;

/** The single characters 1.2 allows in choice, matching and sequencing responses. */
const CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Spells each id of the item as one character: its position in `ids` (`a`-`z`, then `0`-`9`).
 * Without `ids`, tokens that are already one such character stay as they are; others get a
 * character by their place in the sorted list of tokens the report mentions.
 */
function charMap(x: InteractionReport): (id: string) => string {
  const tokens = x.type === 'matching' ? [...x.learnerResponse, ...x.correctResponse].flatMap((t) => splitPair(t)) : [...x.learnerResponse, ...x.correctResponse];
  const ids = x.ids ?? (tokens.every((t) => t.length === 1 && CHARS.includes(t)) ? null : [...new Set(tokens)].sort());
  return (id: string) => {
    if (ids === null) return id;
    const i = ids.indexOf(id);
    if (i < 0 || i >= CHARS.length) throw new RangeError(`"${id}" cannot be written as one SCORM 1.2 character`);
    return CHARS[i]!;
  };
}

function splitPair(token: string): [string, string] {
  const dot = token.indexOf('.');
  return dot < 0 ? [token, ''] : [token.slice(0, dot), token.slice(dot + 1)];
}

/** cmi.interactions.n.student_response and the correct_responses patterns, in 1.2's formats. */
export function responses(x: InteractionReport): { learner: string; correct: string[] } {
  switch (x.type) {
    case 'true-false': {
      const tf = (t: string | undefined) => (t === 'true' ? 't' : t === 'false' ? 'f' : '');
      return { learner: tf(x.learnerResponse[0]), correct: x.correctResponse.length ? [tf(x.correctResponse[0])] : [] };
    }
    case 'choice':
    case 'sequencing': {
      const c = charMap(x);
      return { learner: x.learnerResponse.map(c).join(','), correct: x.correctResponse.length ? [x.correctResponse.map(c).join(',')] : [] };
    }
    case 'matching': {
      const c = charMap(x);
      const pairs = (ts: string[]) =>
        ts
          .map((t) => splitPair(t))
          .map(([p, r]) => `${c(p)}.${c(r)}`)
          .join(',');
      return { learner: pairs(x.learnerResponse), correct: x.correctResponse.length ? [pairs(x.correctResponse)] : [] };
    }
    case 'numeric': {
      const nums = x.correctResponse.map(Number);
      const learner = x.learnerResponse[0] === undefined || x.learnerResponse[0] === '' ? '' : decimal(Number(x.learnerResponse[0]));
      // 1.2 has no range pattern: a range value ± tolerance is written as its middle.
      const correct = nums.length === 0 ? [] : [decimal(nums.length === 1 ? nums[0]! : (nums[0]! + nums[1]!) / 2)];
      return { learner, correct };
    }
    case 'fill-in':
      return { learner: (x.learnerResponse[0] ?? '').slice(0, 255), correct: x.correctResponse.map((t) => t.slice(0, 255)) };
  }
}

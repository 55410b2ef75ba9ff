import type { InteractionReport } from '../adapter.ts';
import { decimal, pad, splitDuration } from '../cmi-format.ts';

/**
 * SCORM 2004 (4th edition) string formats: RTE 4.1 data types and the response patterns of
 * cmi.interactions (RTE table 4.2.9.1a).
 */

/** timeinterval (second,10,2): ISO 8601 duration, `PT1H2M3.5S`; zero is `PT0S`. */
export function duration(ms: number): string {
  const { h, m, s, cs } = splitDuration(ms);
  const secs = cs === 0 ? String(s) : `${s}.${pad(cs).replace(/0$/, '')}`;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || cs ? `${secs}S` : ''}`;
  return `PT${parts || '0S'}`;
}

/** time (second,10,0): `YYYY-MM-DDThh:mm:ss.ssZ`, UTC, with hundredths (a time zone needs a fraction before it). */
export function timestamp(d: Date): string {
  const iso = d.toISOString(); // 2026-11-25T09:01:15.123Z
  return `${iso.slice(0, 22)}Z`;
}

/** `[,]` separates list items and `[.]` the two sides of a pair; `[:]` the ends of a numeric range. */
const LIST = '[,]';

/** cmi.interactions.n.learner_response and the correct_responses.n.pattern values. */
export function responses(x: InteractionReport): { learner: string; correct: string[] } {
  switch (x.type) {
    case 'true-false':
      return { learner: x.learnerResponse[0] ?? '', correct: x.correctResponse.slice(0, 1) };
    case 'choice':
    case 'sequencing':
      return { learner: x.learnerResponse.join(LIST), correct: x.correctResponse.length ? [x.correctResponse.join(LIST)] : [] };
    case 'matching': {
      const pairs = (ts: string[]) => ts.map((t) => t.replace('.', '[.]')).join(LIST);
      return { learner: pairs(x.learnerResponse), correct: x.correctResponse.length ? [pairs(x.correctResponse)] : [] };
    }
    case 'numeric': {
      const learner = x.learnerResponse[0] === undefined || x.learnerResponse[0] === '' ? '' : decimal(Number(x.learnerResponse[0]), 7);
      const nums = x.correctResponse.map((t) => decimal(Number(t), 7));
      const correct = nums.length === 0 ? [] : [`${nums[0]}[:]${nums[nums.length - 1]}`];
      return { learner, correct };
    }
    case 'fill-in': {
      // A `[,]` inside typed text would read as a second answer; a leading `{` as a delimiter.
      const text = (t: string) => t.replaceAll('[,]', '[ ,]').replace(/^\{/, ' {').slice(0, 250);
      // Up to 10 accepted answers (the least an LMS must keep for fill-in), case not significant.
      return { learner: text(x.learnerResponse[0] ?? ''), correct: x.correctResponse.slice(0, 10).map((t) => `{case_matters=false}${text(t)}`) };
    }
  }
}

/** cmi.interactions.n.description: localized_string_type, at most 250 characters. */
export const description = (text: string) => text.replace(/^\{/, ' {').slice(0, 250);

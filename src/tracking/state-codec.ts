/**
 * The learner's resume state as a compact, versioned string. It is what the course keeps in
 * cmi.suspend_data (SCORM 2004 and 1.2) or in the standalone record's `suspendData`.
 *
 * Why a codec of its own: suspend_data is a single opaque string with a small size limit, kept by
 * an LMS we do not control, possibly across releases of the course. So the string says which
 * format it is in (`<version>:`), stays short, and is keyed only by lesson and section ids (never
 * by text or locale, so a translation fix or a language switch cannot orphan progress).
 *
 * Format v1: `1:` followed by JSON without whitespace, with short keys:
 *
 * ```
 * 1:{"v":{"<lesson>":["<section>",...],...},"l":["<lesson>","<section>"],"p":[<locale>|null,<textSize>,"s"|"r"|"n"]}
 * ```
 *
 * `l` is left out when there is no location. `p[2]` is the motion preference: `s`ystem,
 * `r`educe, `n`o-preference.
 *
 * Decoding never throws and never guesses: a value it cannot read comes back with a reason and the
 * raw string, so the caller can keep the value aside and start fresh instead of losing it.
 */

/** Text sizes the learner can pick, in percent. */
export const TEXT_SIZES = [100, 125, 150, 175, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** The learner's motion preference; `system` follows `prefers-reduced-motion`. */
export const MOTION_PREFERENCES = ['system', 'reduce', 'no-preference'] as const;
export type MotionPreference = (typeof MOTION_PREFERENCES)[number];

/** Everything the course needs to put a returning learner back where they were. */
export interface ResumeState {
  /** Visited section ids per lesson id. Keyed by ids, never by text or locale. */
  visited: Record<string, string[]>;
  /** Where the learner was: lesson id and section id, or null. */
  location: { lesson: string; section: string } | null;
  prefs: { locale: string | null; textSize: TextSize; reducedMotion: MotionPreference };
}

/** A learner who has not started: what a failed or empty decode falls back to. */
export const EMPTY_STATE: ResumeState = Object.freeze({
  visited: Object.freeze({}) as Record<string, string[]>,
  location: null,
  prefs: Object.freeze({ locale: null, textSize: 100, reducedMotion: 'system' }) as ResumeState['prefs'],
}) as ResumeState;

/** The version `encodeState` writes. Bump it (and keep a decoder for the old one) on any format change. */
export const CURRENT_VERSION = 1;

/** Why a saved state could not be used; see DecodeResult. */
export type DecodeFailure = 'empty' | 'unreadable' | 'unknown-version' | 'invalid';

/**
 * `unreadable`: no version marker, or the body is not JSON. `unknown-version`: a well-formed
 * marker for a version this build does not know (perhaps a newer course). `invalid`: the right
 * version, but a field has the wrong type or a value outside its range.
 */
export type DecodeResult =
  | { ok: true; state: ResumeState; version: number }
  | { ok: false; reason: DecodeFailure; raw: string };

const MOTION_CODES: Record<MotionPreference, string> = { system: 's', reduce: 'r', 'no-preference': 'n' };
const MOTION_BY_CODE: Record<string, MotionPreference> = { s: 'system', r: 'reduce', n: 'no-preference' };

/** A BCP 47-shaped language tag (`es`, `zh-Hans`, `pt-BR`); the UI decides which ones it supports. */
const LOCALE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** Encodes the state for cmi.suspend_data: `1:` and compact JSON. The output has no whitespace of its own. */
export function encodeState(s: ResumeState): string {
  const body: { v: Record<string, string[]>; l?: [string, string]; p: [string | null, number, string] } = {
    v: s.visited,
    p: [s.prefs.locale, s.prefs.textSize, MOTION_CODES[s.prefs.reducedMotion]],
  };
  if (s.location) body.l = [s.location.lesson, s.location.section];
  return `${CURRENT_VERSION}:${JSON.stringify(body)}`;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((e) => typeof e === 'string');

/** Checks a parsed v1 body field by field; null when anything is off. */
function fromV1Body(body: unknown): ResumeState | null {
  if (!isPlainObject(body)) return null;
  if (Object.keys(body).some((k) => k !== 'v' && k !== 'l' && k !== 'p')) return null;
  const { v, l, p } = body;

  if (!isPlainObject(v)) return null;
  const entries = Object.entries(v);
  if (!entries.every(([, sections]) => isStringArray(sections))) return null;
  // fromEntries defines own properties, so even a lesson id like `__proto__` survives exactly.
  const visited = Object.fromEntries(entries.map(([lesson, sections]) => [lesson, [...(sections as string[])]]));

  let location: ResumeState['location'] = null;
  if (l !== undefined) {
    if (!isStringArray(l) || l.length !== 2) return null;
    location = { lesson: l[0] as string, section: l[1] as string };
  }

  if (!Array.isArray(p) || p.length !== 3) return null;
  const [locale, textSize, motion] = p as [unknown, unknown, unknown];
  if (locale !== null && (typeof locale !== 'string' || !LOCALE_TAG.test(locale))) return null;
  if (!TEXT_SIZES.includes(textSize as TextSize)) return null;
  if (typeof motion !== 'string' || !Object.hasOwn(MOTION_BY_CODE, motion)) return null;

  return {
    visited,
    location,
    prefs: { locale, textSize: textSize as TextSize, reducedMotion: MOTION_BY_CODE[motion] as MotionPreference },
  };
}

/**
 * Decodes what was read from cmi.suspend_data. Never throws; on failure the raw value comes back
 * so the caller can keep it (it may belong to a newer release of the course).
 */
export function decodeState(raw: string | null | undefined): DecodeResult {
  if (raw === null || raw === undefined || raw === '') return { ok: false, reason: 'empty', raw: '' };
  if (typeof raw !== 'string') return { ok: false, reason: 'unreadable', raw: String(raw) };
  const marker = /^(\d{1,9}):/.exec(raw);
  // `01:` is not a marker this codec writes: treat it as unreadable rather than as version 1.
  if (!marker || String(Number(marker[1])) !== marker[1]) return { ok: false, reason: 'unreadable', raw };
  const version = Number(marker[1]);
  if (version !== CURRENT_VERSION) return { ok: false, reason: 'unknown-version', raw };
  let body: unknown;
  try {
    body = JSON.parse(raw.slice(marker[0].length));
  } catch {
    return { ok: false, reason: 'unreadable', raw };
  }
  const state = fromV1Body(body);
  return state ? { ok: true, state, version } : { ok: false, reason: 'invalid', raw };
}

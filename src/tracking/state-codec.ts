/**
 * The learner's resume state as a compact, versioned string. It is what the course keeps in
 * cmi.suspend_data (SCORM 2004 and 1.2) or in the standalone record's `suspendData`.
 *
 * Why a codec of its own: suspend_data is a single opaque string with a small size limit (SCORM
 * 1.2 allows 4,096 characters; our budget is 2,000 for the worst case), kept by an LMS we do not
 * control, possibly across releases of the course. So the string says which format it is in,
 * stays short, and is keyed only by lesson and section ids (never by text or locale, so a
 * translation fix or a language switch cannot orphan progress).
 *
 * Format v2 (written now): five fields separated by `|`:
 *
 * ```
 * 2|<prefs>|<location>|<visited>|<attempts>
 * 2|2res|k3Fq9_|k3Fq9_a0Zb8.Xy1|final:1k3jz9c:2,t,03
 * ```
 *
 * - prefs: the text size as its index in TEXT_SIZES (`0`-`4`), the motion code (`s`ystem,
 *   `r`educe, `n`o-preference), then the locale tag (nothing when the learner never chose one).
 * - ids: each lesson or section id is written as a 3-character hash of the id (URL-safe base 64)
 *   when the course has that id and no other id in the same scope has the same hash (lessons
 *   among the course's lessons, sections among their lesson's sections); otherwise, as the
 *   literal id in parentheses, with `%`, `(`, `)`, `.` and `|` escaped as `%XX`. So any id
 *   survives, and the ids of the course cost 3 characters each. A hash that no longer matches any
 *   id (a section removed in a later release) is dropped on decoding.
 * - location: lesson id then section id, or nothing.
 * - visited: one group per lesson, joined with `.`: the lesson id followed by its visited
 *   section ids, in the order they were visited.
 * - attempts: the learner's quiz record exactly as src/quiz (`encodeQuizLogs`) writes it; opaque
 *   here, and last, so it needs no escaping of its own. One leading `!` is dropped when decoding
 *   (the first v2 builds wrote one before the record), so a record that itself starts with `!`
 *   is written with a second one.
 *
 * Version 1 (`1:` and compact JSON with ids written out) is still decoded.
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
  /** Visited section ids per lesson id, in the order visited. Keyed by ids, never by text or locale. */
  visited: Record<string, string[]>;
  /** Where the learner was: lesson id and section id, or null. */
  location: { lesson: string; section: string } | null;
  prefs: { locale: string | null; textSize: TextSize; reducedMotion: MotionPreference };
  /**
   * The quiz record as src/quiz writes it (`encodeQuizLogs`); `''` when there is none. Opaque
   * here: tracking must not know the quiz engine.
   */
  attempts: string;
}

/** The lesson and section ids of the course; hashes are resolved against them. CourseIndex fits. */
export interface CodecCourse {
  lessons: readonly { id: string; sectionIds: readonly string[] }[];
}

/** A learner who has not started: what a failed or empty decode falls back to. */
export const EMPTY_STATE: ResumeState = Object.freeze({
  visited: Object.freeze({}) as Record<string, string[]>,
  location: null,
  prefs: Object.freeze({ locale: null, textSize: 100, reducedMotion: 'system' }) as ResumeState['prefs'],
  attempts: '',
}) as ResumeState;

/** The version `encodeState` writes. Bump it (and keep a decoder for the old one) on any format change. */
export const CURRENT_VERSION = 2;

/** Why a saved state could not be used; see DecodeResult. */
export type DecodeFailure = 'empty' | 'unreadable' | 'unknown-version' | 'invalid';

/**
 * `unreadable`: no version marker, or the body is not in the marked format. `unknown-version`: a
 * well-formed marker for a version this build does not know (perhaps a newer course). `invalid`:
 * the right version, but a field has the wrong type or a value outside its range.
 */
export type DecodeResult =
  | { ok: true; state: ResumeState; version: number }
  | { ok: false; reason: DecodeFailure; raw: string };

const MOTION_CODES: Record<MotionPreference, string> = { system: 's', reduce: 'r', 'no-preference': 'n' };
const MOTION_BY_CODE: Record<string, MotionPreference> = { s: 'system', r: 'reduce', n: 'no-preference' };

/** A BCP 47-shaped language tag (`es`, `zh-Hans`, `pt-BR`); the UI decides which ones it supports. */
const LOCALE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HASH_CHAR = /^[A-Za-z0-9_-]$/;

/** 18 bits of FNV-1a, as 3 URL-safe base-64 characters. */
export function idHash(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 14;
  return B64[(h >> 12) & 63]! + B64[(h >> 6) & 63]! + B64[h & 63]!;
}

/** Ids of one scope (the lessons, or one lesson's sections) by hash; a hash two ids share maps to null. */
type Scope = Map<string, string | null>;

function scopeOf(ids: readonly string[]): Scope {
  const m: Scope = new Map();
  for (const id of ids) {
    const h = idHash(id);
    m.set(h, m.has(h) && m.get(h) !== id ? null : id);
  }
  return m;
}

interface Scopes {
  lessons: Scope;
  sections: Map<string, Scope>;
}

const scopesCache = new WeakMap<CodecCourse, Scopes>();
function scopesOf(course: CodecCourse): Scopes {
  let s = scopesCache.get(course);
  if (!s) {
    s = {
      lessons: scopeOf(course.lessons.map((l) => l.id)),
      sections: new Map(course.lessons.map((l) => [l.id, scopeOf(l.sectionIds)])),
    };
    scopesCache.set(course, s);
  }
  return s;
}

const ESCAPED = /[%().|]/g;
const escapeId = (id: string) => id.replace(ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const unescapeId = (s: string) => s.replace(/%(25|28|29|2E|7C)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The id as its hash when the scope resolves that hash back to it, else as a literal. */
function idToken(id: string, scope: Scope | undefined): string {
  const h = idHash(id);
  return scope?.get(h) === id ? h : `(${escapeId(id)})`;
}

/** Reads one id token at `at`: [id or null (unknown hash), next position]; throws on a malformed token. */
function readId(text: string, at: number, scope: Scope | undefined): [string | null, number] {
  if (text[at] === '(') {
    const end = text.indexOf(')', at);
    if (end < 0) throw new Error('unclosed literal id');
    return [unescapeId(text.slice(at + 1, end)), end + 1];
  }
  const h = text.slice(at, at + 3);
  if (h.length !== 3 || ![...h].every((c) => HASH_CHAR.test(c))) throw new Error('bad id hash');
  return [scope?.get(h) ?? null, at + 3];
}

/** Encodes the state for cmi.suspend_data (format v2 above). */
export function encodeState(s: ResumeState, course: CodecCourse): string {
  const scopes = scopesOf(course);
  const size = TEXT_SIZES.indexOf(s.prefs.textSize);
  const prefs = `${size}${MOTION_CODES[s.prefs.reducedMotion]}${s.prefs.locale ?? ''}`;
  const location = s.location
    ? idToken(s.location.lesson, scopes.lessons) + idToken(s.location.section, scopes.sections.get(s.location.lesson))
    : '';
  const visited = Object.entries(s.visited)
    .map(([lesson, sections]) => {
      const scope = scopes.sections.get(lesson);
      return idToken(lesson, scopes.lessons) + sections.map((id) => idToken(id, scope)).join('');
    })
    .join('.');
  // A leading `!` is doubled: decoding drops one (see the format above).
  const attempts = s.attempts.startsWith('!') ? `!${s.attempts}` : s.attempts;
  return `${CURRENT_VERSION}|${prefs}|${location}|${visited}|${attempts}`;
}

function decodeV2(body: string, course: CodecCourse): ResumeState | null {
  const scopes = scopesOf(course);
  const parts = body.split('|');
  if (parts.length < 4) return null;
  const [prefs, loc, vis] = parts as [string, string, string];
  const field = parts.slice(3).join('|');
  const attempts = field.startsWith('!') ? field.slice(1) : field;

  const m = /^([0-4])([srn])(.*)$/.exec(prefs);
  if (!m) return null;
  const locale = m[3] === '' ? null : m[3]!;
  if (locale !== null && !LOCALE_TAG.test(locale)) return null;

  try {
    let location: ResumeState['location'] = null;
    if (loc !== '') {
      const [lesson, next] = readId(loc, 0, scopes.lessons);
      const [section, end] = readId(loc, next, lesson === null ? undefined : scopes.sections.get(lesson));
      if (end !== loc.length) return null;
      if (lesson !== null && section !== null) location = { lesson, section };
    }

    const visited: Record<string, string[]> = {};
    if (vis !== '') {
      for (const group of splitGroups(vis)) {
        const [lesson, first] = readId(group, 0, scopes.lessons);
        const scope = lesson === null ? undefined : scopes.sections.get(lesson);
        const sections: string[] = [];
        for (let at = first; at < group.length; ) {
          const [id, next] = readId(group, at, scope);
          if (id !== null) sections.push(id);
          at = next;
        }
        if (lesson === null) continue;
        if (Object.hasOwn(visited, lesson)) return null;
        // defineProperty, so even a lesson id like `__proto__` stays an ordinary key.
        Object.defineProperty(visited, lesson, { value: sections, enumerable: true, writable: true, configurable: true });
      }
    }
    return {
      visited,
      location,
      prefs: { locale, textSize: TEXT_SIZES[Number(m[1])]!, reducedMotion: MOTION_BY_CODE[m[2]!]! },
      attempts,
    };
  } catch {
    return null;
  }
}

/** Splits the visited field on `.` outside literal ids (literals escape `.` anyway, but not `(`-less text). */
function splitGroups(text: string): string[] {
  const groups: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '.' && depth === 0) {
      groups.push(text.slice(start, i));
      start = i + 1;
    }
  }
  groups.push(text.slice(start));
  return groups;
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
    attempts: '',
  };
}

/**
 * Decodes what was read from cmi.suspend_data, resolving ids against the course. Never throws; on
 * failure the raw value comes back so the caller can keep it (it may belong to a newer release).
 */
export function decodeState(raw: string | null | undefined, course: CodecCourse): DecodeResult {
  if (raw === null || raw === undefined || raw === '') return { ok: false, reason: 'empty', raw: '' };
  if (typeof raw !== 'string') return { ok: false, reason: 'unreadable', raw: String(raw) };
  // v2 and later: `<version>|`; v1: `1:`.
  const marker = /^(\d{1,9})([|:])/.exec(raw);
  // `01:` is not a marker this codec writes: treat it as unreadable rather than as version 1.
  if (!marker || String(Number(marker[1])) !== marker[1]) return { ok: false, reason: 'unreadable', raw };
  const version = Number(marker[1]);
  const body = raw.slice(marker[0].length);
  if (version === 1 && marker[2] === ':') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ok: false, reason: 'unreadable', raw };
    }
    const state = fromV1Body(parsed);
    return state ? { ok: true, state, version } : { ok: false, reason: 'invalid', raw };
  }
  if (version === 2 && marker[2] === '|') {
    const state = decodeV2(body, course);
    return state ? { ok: true, state, version } : { ok: false, reason: 'invalid', raw };
  }
  if (version === 1 || version === 2) return { ok: false, reason: 'unreadable', raw };
  return { ok: false, reason: 'unknown-version', raw };
}

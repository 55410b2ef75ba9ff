import type { Certainty, ItemStructure, UserInput } from '../content/quiz-model.ts';
import { FILL_IN_MAX_LENGTH } from '../content/quiz-model.ts';
import type { AttemptRecord } from './attempt.ts';
import { drawItems, type Drawable } from './draw.ts';
import { isSeed } from './random.ts';

/**
 * Compact responses for the LMS's suspend_data (the whole course state must fit in 2,000
 * characters). The seed restores the items, their order and their choice order, so an attempt is
 * stored as its seed and one short token per drawn item, in the order shown:
 *
 *     2,t,03,120_,3021,1996,=tlatelolco,
 *
 * Tokens use indices into the compiled structure in base 36: single `2`; multiple `03` (the
 * picks, in order; `-` = none); true-false `t`/`f`; matching one index per premise
 * (`_` = unmatched); sequencing the steps in the learner's order; numeric the number; fill-in `=`
 * and the text (cut to FILL_IN_MAX_LENGTH, separators `%`-escaped); empty = not answered;
 * `^1`–`^3` appends a CBM certainty. The tokens need the quiz's structure (not its key), so the
 * learner's record is decoded only once the quiz is loaded; see log.ts for the whole field.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Everything the token list and the log format (log.ts) use as a separator. */
const ESCAPE = /[%,;:^|!*#()~]/g;

const esc = (s: string) =>
  s.replace(ESCAPE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const unesc = (s: string) =>
  s.replace(/%([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function idx(ids: readonly string[], id: string): string {
  const i = ids.indexOf(id);
  if (i < 0 || i >= DIGITS.length) throw new Error(`"${id}" cannot be encoded`);
  return DIGITS[i]!;
}

function choiceIds(item: ItemStructure): string[] {
  switch (item.kind) {
    case 'single':
    case 'multiple':
      return item.choices.map((c) => c.id);
    case 'matching':
      return item.responses;
    case 'sequencing':
      return item.steps;
    default:
      return [];
  }
}

function encodeResponse(item: ItemStructure, r: UserInput | null): string {
  if (r === null || r === undefined) return '';
  const ids = choiceIds(item);
  const v = r as unknown as Record<string, unknown>;
  switch (item.kind) {
    case 'single':
      return idx(ids, v.selected as string);
    case 'multiple': {
      const sel = v.selected as string[];
      return sel.length === 0 ? '-' : sel.map((s) => idx(ids, s)).join('');
    }
    case 'true-false':
      return v.value ? 't' : 'f';
    case 'matching': {
      const pairs = v.pairs as Record<string, string>;
      return item.premises.map((p) => (Object.hasOwn(pairs, p) ? idx(ids, pairs[p]!) : '_')).join('');
    }
    case 'sequencing':
      return (v.order as string[]).map((s) => idx(ids, s)).join('');
    case 'numeric':
      return String(v.value as number);
    case 'fill-in':
      return `=${esc((v.text as string).slice(0, FILL_IN_MAX_LENGTH))}`;
  }
}

function decodeResponse(item: ItemStructure, token: string): UserInput | null {
  if (token === '') return null;
  const ids = choiceIds(item);
  const at = (c: string) => {
    const i = DIGITS.indexOf(c);
    const id = ids[i];
    if (i < 0 || id === undefined) throw new Error(`bad index "${c}" for item ${item.id}`);
    return id;
  };
  switch (item.kind) {
    case 'single':
      if (token.length !== 1) throw new Error(`bad token for item ${item.id}`);
      return { selected: at(token) };
    case 'multiple':
      return { selected: token === '-' ? [] : [...token].map(at) };
    case 'true-false':
      if (token !== 't' && token !== 'f') throw new Error(`bad token for item ${item.id}`);
      return { value: token === 't' };
    case 'matching': {
      if (token.length !== item.premises.length) throw new Error(`bad token for item ${item.id}`);
      const pairs: Record<string, string> = {};
      item.premises.forEach((p, i) => {
        if (token[i] !== '_') pairs[p] = at(token[i]!);
      });
      return { pairs };
    }
    case 'sequencing':
      return { order: [...token].map(at) };
    case 'numeric': {
      const value = Number(token);
      if (token.trim() === '' || (Number.isNaN(value) && token !== 'NaN'))
        throw new Error(`bad number for item ${item.id}`);
      return { value };
    }
    case 'fill-in':
      if (!token.startsWith('=')) throw new Error(`bad token for item ${item.id}`);
      return { text: unesc(token.slice(1)) };
  }
}

/**
 * The responses of one attempt as a token list. Throws when a response names an id the item does
 * not have (a bug in the caller, not a learner error).
 */
export function encodeResponses(
  quiz: Drawable,
  seed: number,
  responses: readonly (UserInput | null)[],
  certainties?: readonly (Certainty | null)[],
): string {
  if (!isSeed(seed)) throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  const items = drawItems(quiz, seed);
  return items
    .map((item, i) => {
      const t = encodeResponse(item, responses[i] ?? null);
      const c = certainties?.[i];
      return c ? `${t}^${c}` : t;
    })
    .join(',');
}

export type ResponsesResult =
  | { ok: true; responses: (UserInput | null)[]; certainties?: (Certainty | null)[] }
  | { ok: false; reason: string };

/**
 * Restores the responses of {@link encodeResponses}. Saved state comes from an LMS and is
 * untrusted, and the quiz may have changed since: anything that does not fit is reported, never
 * thrown.
 */
export function decodeResponses(quiz: Drawable, seed: number, tokens: string): ResponsesResult {
  if (!isSeed(seed)) return { ok: false, reason: 'bad seed' };
  const items = drawItems(quiz, seed);
  const list = tokens.split(',');
  if (list.length !== items.length)
    return { ok: false, reason: `expected ${items.length} responses, found ${list.length}` };
  try {
    const responses: (UserInput | null)[] = [];
    const certainties: (Certainty | null)[] = [];
    let anyCertainty = false;
    list.forEach((tok, i) => {
      const cm = /\^([123])$/.exec(tok);
      const body = cm ? tok.slice(0, -2) : tok;
      if (cm) anyCertainty = true;
      certainties.push(cm ? (Number(cm[1]) as Certainty) : null);
      responses.push(decodeResponse(items[i]!, body));
    });
    return anyCertainty ? { ok: true, responses, certainties } : { ok: true, responses };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** One attempt as `<quiz id>:<seed base 36>:<tokens>`: for logs and tests; the store uses log.ts. */
export function encodeAttempt(record: AttemptRecord, quiz: Drawable): string {
  const tokens = encodeResponses(quiz, record.seed, record.responses, record.certainties);
  return `${record.quizId}:${record.seed.toString(36)}:${tokens}`;
}

export type DecodeResult = { ok: true; record: AttemptRecord } | { ok: false; reason: string };

/** Restores {@link encodeAttempt}'s string; never throws. */
export function decodeAttempt(text: string, quizzes: (id: string) => Drawable | undefined): DecodeResult {
  const m = /^([a-z0-9-]+):([0-9a-z]{1,7}):(.*)$/s.exec(text);
  if (!m) return { ok: false, reason: 'not an attempt record' };
  const quiz = quizzes(m[1]!);
  if (!quiz) return { ok: false, reason: `unknown quiz "${m[1]}"` };
  const seed = parseInt(m[2]!, 36);
  const r = decodeResponses(quiz, seed, m[3]!);
  if (!r.ok) return r;
  const record: AttemptRecord = { quizId: quiz.id, seed, responses: r.responses };
  if (r.certainties) record.certainties = r.certainties;
  return { ok: true, record };
}

/**
 * Several attempts as `encodeAttempt` strings joined with `;`: a plain, literal form for fixtures
 * and size estimates. The app saves the shorter log form of log.ts (hashed quiz refs, scores, and
 * only a summary for quizzes with unlimited attempts).
 */
export function encodeAttempts(
  records: readonly AttemptRecord[],
  quizzes: (id: string) => Drawable | undefined,
): string {
  return records
    .map((r) => {
      const quiz = quizzes(r.quizId);
      if (!quiz) throw new Error(`unknown quiz "${r.quizId}"`);
      return encodeAttempt(r, quiz);
    })
    .join(';');
}

/** Decodes {@link encodeAttempts}; records that cannot be read are skipped and reported. */
export function decodeAttempts(
  text: string,
  quizzes: (id: string) => Drawable | undefined,
): { records: AttemptRecord[]; errors: string[] } {
  const records: AttemptRecord[] = [];
  const errors: string[] = [];
  if (text === '') return { records, errors };
  for (const part of text.split(';')) {
    const r = decodeAttempt(part, quizzes);
    if (r.ok) records.push(r.record);
    else errors.push(r.reason);
  }
  return { records, errors };
}

import type { ResponseRecord } from './records.ts';

/** Which attempts of a learner are analysed. Item analysis usually takes the first: later ones follow feedback. */
export type AttemptPolicy = 'first' | 'last' | 'all';

/**
 * The class as a learners × items matrix: the form every statistic is computed from.
 * Learner-major dense arrays, so 10,000 × 60 is 600,000 numbers and no objects per cell.
 */
export interface ClassData {
  /** Case keys: learners, or `learner #attempt` when every attempt is a case. */
  learners: string[];
  items: string[];
  /** scores[l * items.length + i]: credit 0..1, NaN where the learner did not answer the item. */
  scores: Float64Array;
  /** Index into responses[i] of the learner's response, -1 where none. */
  responseIndex: Int32Array;
  /** Distinct responses given to each item. */
  responses: string[][];
  /** The correct response as the files state it (Moodle "Right answer"), per item. */
  correct: (string | undefined)[];
}

const rank = (r: ResponseRecord) => r.attempt * 10_000 + (r.seq ?? 1);

/**
 * Builds the matrix from parsed records. `itemOrder` puts known items first, in that order
 * (the course's bank order); items found only in the data follow in order of appearance.
 */
export function buildClassData(
  records: readonly ResponseRecord[],
  options: { attempts?: AttemptPolicy; itemOrder?: readonly string[] } = {},
): ClassData {
  const policy = options.attempts ?? 'first';
  const caseOf = (r: ResponseRecord) => (policy === 'all' ? `${r.learner} #${r.attempt}${r.seq ? `.${r.seq}` : ''}` : r.learner);
  // Indices of cases and items; items the data never mentions get no column.
  const learnerIx = new Map<string, number>();
  const present = new Set<string>();
  const caseIx = new Int32Array(records.length);
  records.forEach((r, k) => {
    const key = caseOf(r);
    let l = learnerIx.get(key);
    if (l === undefined) {
      l = learnerIx.size;
      learnerIx.set(key, l);
    }
    caseIx[k] = l;
    present.add(r.item);
  });
  const order = [...new Set([...(options.itemOrder ?? []), ...records.map((r) => r.item)])];
  const items = order.filter((id) => present.has(id));
  const col = new Map(items.map((id, i) => [id, i]));
  const L = learnerIx.size;
  const K = items.length;
  // Per cell, the record the policy keeps: the lowest rank (first) or the highest (last).
  const pick = new Int32Array(L * K).fill(-1);
  records.forEach((r, k) => {
    const cell = caseIx[k]! * K + col.get(r.item)!;
    const had = pick[cell]!;
    if (had === -1) pick[cell] = k;
    else if (policy === 'last' ? rank(r) > rank(records[had]!) : rank(r) < rank(records[had]!)) pick[cell] = k;
  });
  const scores = new Float64Array(L * K).fill(Number.NaN);
  const responseIndex = new Int32Array(L * K).fill(-1);
  const responses: string[][] = items.map(() => []);
  const dict: Map<string, number>[] = items.map(() => new Map());
  const correct: (string | undefined)[] = items.map(() => undefined);
  for (let cell = 0; cell < pick.length; cell++) {
    const k = pick[cell]!;
    if (k < 0) continue;
    const r = records[k]!;
    const i = cell % K;
    scores[cell] = r.score;
    let ri = dict[i]!.get(r.response);
    if (ri === undefined) {
      ri = responses[i]!.length;
      responses[i]!.push(r.response);
      dict[i]!.set(r.response, ri);
    }
    responseIndex[cell] = ri;
    if (r.correct !== undefined && correct[i] === undefined) correct[i] = r.correct;
  }
  return { learners: [...learnerIx.keys()], items, scores, responseIndex, responses, correct };
}

/**
 * Maps interaction ids to the bank's item ids. The course writes `<quiz-id>-<item-id>` (e.g.
 * `final-f04-entry-into-force`); other tools prefix or suffix differently, so an id that is not
 * in the bank is matched to the longest bank id it ends with after a separator (`-`, `_`, `:`,
 * `.`, `/`). Ids that match nothing are kept as they are.
 */
export function mapItemIds(records: readonly ResponseRecord[], known: ReadonlySet<string>): ResponseRecord[] {
  if (known.size === 0) return [...records];
  const byId = new Map<string, string>();
  const sorted = [...known].sort((a, b) => b.length - a.length);
  const resolve = (id: string): string => {
    if (known.has(id)) return id;
    let hit = byId.get(id);
    if (hit !== undefined) return hit;
    hit = sorted.find((k) => id.length > k.length && id.endsWith(k) && '-_:./'.includes(id[id.length - k.length - 1]!)) ?? id;
    byId.set(id, hit);
    return hit;
  };
  return records.map((r) => {
    const item = resolve(r.item);
    return item === r.item ? r : { ...r, item };
  });
}

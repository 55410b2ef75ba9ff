import type { ClassData } from './class-data.ts';

/**
 * Classical item analysis of a class's results: pure arithmetic over {@link ClassData}, no DOM.
 *
 * Conventions (the tests compute each by hand on a small class):
 * - A learner's score is the mean credit over the items they answered (a proportion), so that
 *   learners who drew different items from a bank stay comparable.
 * - Facility: mean credit on the item among learners who answered it.
 * - Point-biserial: Pearson correlation between the item's credit and the learner's score on the
 *   OTHER items they answered (the corrected item–rest correlation, as Moodle's "discrimination
 *   index"), so an item does not correlate with itself. For 0/1 items it is the point-biserial.
 * - Upper/lower 27 %: learners who answered the item, ranked by their score on the other
 *   items (so the item does not vote itself into the upper group); g = round(0.27 n) at each
 *   end (at least 1). Learners tied at a group's edge share its last places equally (each
 *   counts with weight places/tied), so the groups do not depend on the order of the file.
 *   D = facility(upper) − facility(lower).
 * - Reliability: Cronbach's alpha from mean item variance v̄ and mean inter-item covariance c̄,
 *   α(m) = m·c̄ / (v̄ + (m−1)·c̄), which is exactly the textbook k/(k−1)·(1 − Σσᵢ²/σ²ₓ) when every
 *   learner answered all k items (m = k). When learners answered different items (a bank
 *   draw), c̄ is taken pairwise over learners who answered both items and m is the mean number
 *   of items answered: the reliability of the form learners actually sat. KR-20 is the same
 *   figure, given only when every credit is 0 or 1. Population variances throughout.
 */

export interface ItemMeta {
  id: string;
  lesson?: string;
  /** 1-based objective of the lesson. */
  objective?: number;
  kind?: string;
  /** Choice ids the learner picks from (single, multiple), so unchosen distractors show as 0. */
  choices?: string[];
  /** Correct response tokens (choice ids, `true`/`false`, `premise[.]response` pairs). */
  key?: string[];
}

export interface OptionStats {
  /** A choice id, a matching pair, `true`/`false`, or a whole response. */
  option: string;
  count: number;
  /** count / learners who answered the item. */
  share: number;
  /** Share of the upper 27 % group that chose it. */
  upper: number;
  /** Share of the lower 27 % group that chose it. */
  lower: number;
  /** Known from the item's key or the file's right answer; undefined when neither says. */
  correct?: boolean;
}

export type ItemFlag = 'hard' | 'easy' | 'low-discrimination' | 'negative-discrimination' | 'unused-distractor' | 'few-responses';

export interface ItemStats {
  id: string;
  lesson?: string;
  objective?: number;
  /** Learners who answered. */
  n: number;
  /** Learners who left it blank (answered with an empty response). */
  blank: number;
  facility: number;
  /** Standard deviation of the item's credit (population). */
  sd: number;
  pointBiserial: number | null;
  /** Size of each 27 % group (learners who answered the item and at least one other). */
  groupSize: number;
  upperFacility: number | null;
  lowerFacility: number | null;
  discrimination: number | null;
  options: OptionStats[];
  flags: ItemFlag[];
}

export interface TestStats {
  learners: number;
  items: number;
  /** Mean number of items a learner answered. */
  itemsPerLearner: number;
  complete: boolean;
  /** Scores in percent. */
  mean: number;
  median: number;
  sd: number;
  min: number;
  max: number;
  alpha: number | null;
  /** Alpha when every credit is 0 or 1 (KR-20), else null. */
  kr20: number | null;
  /** Items in the form the reliability refers to (m above). */
  reliabilityItems: number;
  /** Standard error of measurement in percentage points: sd·√(1−α). */
  sem: number | null;
  /** Learners per 10-point band: [0,10), [10,20) … [90,100]. */
  histogram: number[];
}

export interface ObjectiveStats {
  lesson: string;
  objective: number;
  items: string[];
  /** Learners who answered at least one of its items. */
  learners: number;
  /** Mean over those learners of their mean credit on the objective's items. */
  meanScore: number;
  mastered: number;
  share: number;
}

export interface ClassReport {
  test: TestStats;
  items: ItemStats[];
  objectives: ObjectiveStats[];
  /** Items in the data that the course's question bank does not have. */
  unknownItems: string[];
  masteryThreshold: number;
}

export interface AnalyseOptions {
  meta?: ReadonlyMap<string, ItemMeta>;
  /** Mean credit on an objective's items counted as mastery; default 0.8 (the course's pass mark). */
  masteryThreshold?: number;
}

const GROUP = 0.27;
/** Kinds whose response holds several options (a choice set, matching pairs). */
const MULTI_TOKEN = new Set(['multiple', 'matching']);
/** Rest scores closer than this are tied. */
const EPS = 1e-9;

/** Splits a response into the options counted for distractor analysis. */
export function responseOptions(response: string, kind: string | undefined): string[] {
  const r = response.trim();
  if (r === '') return [];
  switch (kind) {
    case 'single':
      return [r];
    case 'multiple':
      return r.split(/\[,\]|,/).map((s) => s.trim()).filter(Boolean);
    case 'matching':
      // SCORM 2004 writes `p[.]r[,]p2[.]r2`, SCORM 1.2 `p.r,p2.r2`: both become `p.r` pairs.
      return r.split(/\[,\]|,/).map((s) => s.trim().replace('[.]', '.')).filter(Boolean);
    case 'sequencing':
      return [r.split(/\[,\]|,/).map((s) => s.trim()).join(',')];
    case 'true-false': {
      const v = r.toLowerCase();
      return [v === 't' || v === '1' || v === 'true' ? 'true' : v === 'f' || v === '0' || v === 'false' ? 'false' : r];
    }
    case undefined:
      return r.includes('[,]') ? r.split('[,]').map((s) => s.trim()).filter(Boolean) : [r];
    default:
      return [r];
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function analyseClass(data: ClassData, options: AnalyseOptions = {}): ClassReport {
  const meta = options.meta ?? new Map<string, ItemMeta>();
  const threshold = options.masteryThreshold ?? 0.8;
  const L = data.learners.length;
  const K = data.items.length;
  const S = data.scores;

  // Learners' sums, counts and proportion scores; whether every score is 0/1; whether the matrix is full.
  const sum = new Float64Array(L);
  const cnt = new Int32Array(L);
  let dichotomous = true;
  for (let l = 0; l < L; l++) {
    let s = 0;
    let c = 0;
    const base = l * K;
    for (let i = 0; i < K; i++) {
      const x = S[base + i]!;
      if (x === x) {
        s += x;
        c += 1;
        if (x !== 0 && x !== 1) dichotomous = false;
      }
    }
    sum[l] = s;
    cnt[l] = c;
  }
  const prop = new Float64Array(L);
  for (let l = 0; l < L; l++) prop[l] = cnt[l]! > 0 ? sum[l]! / cnt[l]! : Number.NaN;
  const active: number[] = [];
  for (let l = 0; l < L; l++) if (cnt[l]! > 0) active.push(l);
  const complete = active.length === L && cnt.every((c) => c === K);

  // Item-major copies, so each item's pass reads contiguous memory.
  const X = new Float64Array(L * K);
  const R = new Int32Array(L * K);
  for (let l = 0; l < L; l++) {
    const base = l * K;
    for (let i = 0; i < K; i++) {
      X[i * L + l] = S[base + i]!;
      R[i * L + l] = data.responseIndex[base + i]!;
    }
  }

  const n = new Int32Array(K);
  const mean = new Float64Array(K);
  const variance = new Float64Array(K);
  const items: ItemStats[] = [];
  const scratch = { who: new Int32Array(L), rest: new Float64Array(L), work: new Float64Array(L) };
  for (let i = 0; i < K; i++) {
    const s = itemStats(data, i, X.subarray(i * L, (i + 1) * L), R.subarray(i * L, (i + 1) * L), sum, cnt, meta, scratch);
    n[i] = s.stats.n;
    mean[i] = s.mean;
    variance[i] = s.variance;
    items.push(s.stats);
  }

  const test = testStats(data, { sum, cnt, prop, active, complete, dichotomous, variance, mean, n });
  const objectives = objectiveStats(data, meta, threshold);
  const unknownItems = options.meta ? data.items.filter((id) => !meta.has(id)) : [];
  return { test, items, objectives, unknownItems, masteryThreshold: threshold };
}

/** One item: facility, item–rest correlation, 27 % groups (by rest score, ties shared) and options. */
function itemStats(
  data: ClassData,
  i: number,
  x: Float64Array,
  resp: Int32Array,
  sum: Float64Array,
  cnt: Int32Array,
  meta: ReadonlyMap<string, ItemMeta>,
  scratch: { who: Int32Array; rest: Float64Array; work: Float64Array },
): { stats: ItemStats; mean: number; variance: number } {
  const L = x.length;
  const { who, rest, work } = scratch;
  const distinct = data.responses[i]!;
  const all = new Int32Array(distinct.length);
  const credit = new Float64Array(distinct.length);
  let sx = 0, sr = 0, sxx = 0, srr = 0, sxr = 0, m = 0, ni = 0;
  for (let l = 0; l < L; l++) {
    const xi = x[l]!;
    if (xi !== xi) continue;
    ni += 1;
    const ri = resp[l]!;
    if (ri >= 0) {
      all[ri]! += 1;
      credit[ri]! += xi;
    }
    const c = cnt[l]!;
    if (c < 2) continue;
    const r = (sum[l]! - xi) / (c - 1);
    who[m] = l;
    rest[m] = r;
    m += 1;
    sx += xi;
    sr += r;
    sxx += xi * xi;
    srr += r * r;
    sxr += xi * r;
  }
  // Facility and variance over everyone who answered (including a learner with this item only).
  let si = 0, sii = 0;
  if (ni === m) {
    si = sx;
    sii = sxx;
  } else {
    for (let l = 0; l < L; l++) {
      const xi = x[l]!;
      if (xi === xi) {
        si += xi;
        sii += xi * xi;
      }
    }
  }
  const mu = ni > 0 ? si / ni : Number.NaN;
  const variance = ni > 0 ? Math.max(0, sii / ni - mu * mu) : 0;
  let rpb: number | null = null;
  if (m >= 3) {
    const cov = sxr / m - (sx / m) * (sr / m);
    const vx = sxx / m - (sx / m) ** 2;
    const vr = srr / m - (sr / m) ** 2;
    if (vx > 1e-12 && vr > 1e-12) rpb = cov / Math.sqrt(vx * vr);
  }

  // Upper and lower 27 % by rest score; learners tied at a group's edge share its last places.
  const g = m >= 2 ? Math.max(1, Math.round(GROUP * m)) : 0;
  const up = new Float64Array(distinct.length);
  const low = new Float64Array(distinct.length);
  let upperSum = 0, lowerSum = 0;
  if (g > 0) {
    work.set(rest.subarray(0, m));
    const tLow = select(work, m, g - 1);
    const tHigh = select(work, m, m - g);
    let below = 0, tiedLow = 0, above = 0, tiedHigh = 0;
    for (let k = 0; k < m; k++) {
      const r = rest[k]!;
      if (r < tLow - EPS) below += 1;
      else if (r <= tLow + EPS) tiedLow += 1;
      if (r > tHigh + EPS) above += 1;
      else if (r >= tHigh - EPS) tiedHigh += 1;
    }
    const fracLow = (g - below) / tiedLow;
    const fracHigh = (g - above) / tiedHigh;
    for (let k = 0; k < m; k++) {
      const r = rest[k]!;
      const wl = r < tLow - EPS ? 1 : r <= tLow + EPS ? fracLow : 0;
      const wu = r > tHigh + EPS ? 1 : r >= tHigh - EPS ? fracHigh : 0;
      if (wl === 0 && wu === 0) continue;
      const l = who[k]!;
      const xi = x[l]!;
      lowerSum += wl * xi;
      upperSum += wu * xi;
      const ri = resp[l]!;
      if (ri >= 0) {
        low[ri]! += wl;
        up[ri]! += wu;
      }
    }
  }

  // Distractors: distinct responses were counted once; now split them into options.
  const id = data.items[i]!;
  const info = meta.get(id);
  const byOption = new Map<string, OptionStats>();
  for (const c of info?.choices ?? []) byOption.set(c, { option: c, count: 0, share: 0, upper: 0, lower: 0 });
  let blank = 0;
  // Without a key, a response that always earned full credit is the right one (numeric, fill-in…).
  const earned = new Map<string, boolean>();
  distinct.forEach((r, ri) => {
    const opts = responseOptions(r, info?.kind);
    if (opts.length === 0) blank += all[ri]!;
    if (opts.length === 1 && all[ri]! > 0) earned.set(opts[0]!, (earned.get(opts[0]!) ?? true) && credit[ri]! / all[ri]! >= 1 - EPS);
    for (const o of new Set(opts)) {
      const s = byOption.get(o) ?? { option: o, count: 0, share: 0, upper: 0, lower: 0 };
      s.count += all[ri]!;
      s.upper += up[ri]!;
      s.lower += low[ri]!;
      byOption.set(o, s);
    }
  });
  const keyTokens = info?.key ?? (data.correct[i] !== undefined ? responseOptions(data.correct[i]!, info?.kind) : undefined);
  const key = keyTokens ? new Set(keyTokens) : undefined;
  const options = [...byOption.values()].map((o) => ({
    ...o,
    share: ni > 0 ? round(o.count / ni) : 0,
    upper: g > 0 ? round(o.upper / g) : 0,
    lower: g > 0 ? round(o.lower / g) : 0,
    ...(key ? { correct: key.has(o.option) } : MULTI_TOKEN.has(info?.kind ?? '') || !earned.has(o.option) ? {} : { correct: earned.get(o.option)! }),
  }));
  if (!info?.choices) options.sort((a, b) => b.count - a.count || a.option.localeCompare(b.option));

  const facility = round(mu);
  const discrimination = g > 0 ? round(upperSum / g - lowerSum / g) : null;
  const flags: ItemFlag[] = [];
  if (ni < 10) flags.push('few-responses');
  if (facility < 0.25) flags.push('hard');
  if (facility > 0.9) flags.push('easy');
  if ((rpb !== null && rpb < 0) || (discrimination !== null && discrimination < 0)) flags.push('negative-discrimination');
  else if (rpb !== null && rpb < 0.2) flags.push('low-discrimination');
  if (ni >= 20 && info?.choices && options.some((o) => o.correct === false && o.count === 0)) flags.push('unused-distractor');

  return {
    mean: mu,
    variance,
    stats: {
      id,
      ...(info?.lesson ? { lesson: info.lesson } : {}),
      ...(info?.objective ? { objective: info.objective } : {}),
      n: ni,
      blank,
      facility,
      sd: round(Math.sqrt(variance)),
      pointBiserial: rpb === null ? null : round(rpb),
      groupSize: g,
      upperFacility: g > 0 ? round(upperSum / g) : null,
      lowerFacility: g > 0 ? round(lowerSum / g) : null,
      discrimination,
      options,
      flags,
    },
  };
}

/** The k-th smallest (0-based) of a[0..n), by quickselect; reorders a. */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

interface Pre {
  sum: Float64Array;
  cnt: Int32Array;
  prop: Float64Array;
  active: number[];
  complete: boolean;
  dichotomous: boolean;
  variance: Float64Array;
  mean: Float64Array;
  n: Int32Array;
}

function testStats(data: ClassData, p: Pre): TestStats {
  const K = data.items.length;
  const L = data.learners.length;
  const S = data.scores;
  const N = p.active.length;
  const pct = p.active.map((l) => p.prop[l]! * 100).sort((a, b) => a - b);
  const mean = N > 0 ? pct.reduce((a, b) => a + b, 0) / N : Number.NaN;
  const sd = N > 1 ? Math.sqrt(pct.reduce((a, x) => a + (x - mean) ** 2, 0) / (N - 1)) : 0;
  const median = N === 0 ? Number.NaN : N % 2 ? pct[(N - 1) / 2]! : (pct[N / 2 - 1]! + pct[N / 2]!) / 2;
  const histogram = new Array<number>(10).fill(0);
  for (const x of pct) histogram[Math.min(9, Math.floor(x / 10 + 1e-9))]! += 1;
  const itemsPerLearner = N > 0 ? p.active.reduce((a, l) => a + p.cnt[l]!, 0) / N : 0;

  // Mean item variance and mean inter-item covariance.
  let alpha: number | null = null;
  let m = 0;
  const vbar = K > 0 ? p.variance.reduce((a, b) => a + b, 0) / K : 0;
  if (K >= 2 && N >= 2) {
    let cbar: number;
    if (p.complete) {
      // Σ_{i≠j} cov = var(total) − Σ var_i.
      let s = 0, ss = 0;
      for (let l = 0; l < L; l++) {
        s += p.sum[l]!;
        ss += p.sum[l]! * p.sum[l]!;
      }
      const varTotal = ss / L - (s / L) ** 2;
      cbar = (varTotal - vbar * K) / (K * (K - 1));
      m = K;
    } else {
      cbar = pairwiseMeanCovariance(S, L, K);
      m = itemsPerLearner;
    }
    const denom = vbar + (m - 1) * cbar;
    if (m >= 2 && denom > 1e-12) alpha = round((m * cbar) / denom);
  }
  return {
    learners: N,
    items: K,
    itemsPerLearner: round(itemsPerLearner),
    complete: p.complete,
    mean: round(mean),
    median: round(median),
    sd: round(sd),
    min: N > 0 ? round(pct[0]!) : Number.NaN,
    max: N > 0 ? round(pct[N - 1]!) : Number.NaN,
    alpha,
    kr20: alpha !== null && p.dichotomous ? alpha : null,
    reliabilityItems: round(m),
    sem: alpha !== null && alpha >= 0 && alpha <= 1 ? round(sd * Math.sqrt(1 - alpha)) : null,
    histogram,
  };
}

/** Mean over item pairs of the covariance among learners who answered both (pairs with ≥ 2 such learners). */
export function pairwiseMeanCovariance(S: Float64Array, L: number, K: number): number {
  const P = K * K;
  const pn = new Float64Array(P);
  const px = new Float64Array(P);
  const py = new Float64Array(P);
  const pxy = new Float64Array(P);
  const answered = new Int32Array(K);
  for (let l = 0; l < L; l++) {
    const base = l * K;
    let c = 0;
    for (let i = 0; i < K; i++) if (S[base + i]! === S[base + i]!) answered[c++] = i;
    for (let a = 0; a < c; a++) {
      const i = answered[a]!;
      const xi = S[base + i]!;
      const row = i * K;
      for (let b = a + 1; b < c; b++) {
        const j = answered[b]!;
        const xj = S[base + j]!;
        const k = row + j;
        pn[k]! += 1;
        px[k]! += xi;
        py[k]! += xj;
        pxy[k]! += xi * xj;
      }
    }
  }
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < K; i++) {
    for (let j = i + 1; j < K; j++) {
      const k = i * K + j;
      const nn = pn[k]!;
      if (nn < 2) continue;
      total += pxy[k]! / nn - (px[k]! / nn) * (py[k]! / nn);
      pairs += 1;
    }
  }
  return pairs > 0 ? total / pairs : 0;
}

function objectiveStats(data: ClassData, meta: ReadonlyMap<string, ItemMeta>, threshold: number): ObjectiveStats[] {
  const K = data.items.length;
  const L = data.learners.length;
  const keys: string[] = [];
  const groupOf = new Int32Array(K).fill(-1);
  const groups: { lesson: string; objective: number; items: string[] }[] = [];
  data.items.forEach((id, i) => {
    const m = meta.get(id);
    if (!m?.lesson || !m.objective) return;
    const key = `${m.lesson}#${m.objective}`;
    let g = keys.indexOf(key);
    if (g === -1) {
      g = keys.length;
      keys.push(key);
      groups.push({ lesson: m.lesson, objective: m.objective, items: [] });
    }
    groups[g]!.items.push(id);
    groupOf[i] = g;
  });
  const G = groups.length;
  const gs = new Float64Array(G);
  const gc = new Int32Array(G);
  const learners = new Int32Array(G);
  const mastered = new Int32Array(G);
  const meanSum = new Float64Array(G);
  for (let l = 0; l < L; l++) {
    gs.fill(0);
    gc.fill(0);
    const base = l * K;
    for (let i = 0; i < K; i++) {
      const g = groupOf[i]!;
      const x = data.scores[base + i]!;
      if (g < 0 || x !== x) continue;
      gs[g]! += x;
      gc[g]! += 1;
    }
    for (let g = 0; g < G; g++) {
      if (gc[g] === 0) continue;
      const mu = gs[g]! / gc[g]!;
      learners[g]! += 1;
      meanSum[g]! += mu;
      if (mu >= threshold - 1e-9) mastered[g]! += 1;
    }
  }
  return groups
    .map((g, k) => ({
      lesson: g.lesson,
      objective: g.objective,
      items: g.items,
      learners: learners[k]!,
      meanScore: learners[k]! > 0 ? round(meanSum[k]! / learners[k]!) : 0,
      mastered: mastered[k]!,
      share: learners[k]! > 0 ? round(mastered[k]! / learners[k]!) : 0,
    }))
    .sort((a, b) => a.lesson.localeCompare(b.lesson) || a.objective - b.objective);
}

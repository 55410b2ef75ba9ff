import type { ClassData } from './class-data.ts';
import type { ItemMeta } from './statistics.ts';
import type { ResponseRecord } from './records.ts';
import { mulberry32 } from '../quiz/random.ts';

/**
 * Simulated classes with a known item model, to test that the statistics recover what was put
 * in (facility follows difficulty, a random item has no discrimination) and to time them at scale.
 * Seeded and deterministic: the same spec gives the same class.
 */

export interface SimItem {
  id: string;
  /** Difficulty b on the ability scale (ability ~ N(0, 1)). */
  difficulty: number;
  /** Discrimination a (2PL/3PL); 0 makes the item unrelated to ability. Default 1.7 (≈ normal ogive). */
  discrimination?: number;
  /** Lower asymptote c (guessing). Default 0. */
  guessing?: number;
  /** Choice ids; the first is the key. Wrong answers pick the others by `distractorWeights`. */
  choices?: string[];
  distractorWeights?: number[];
  lesson?: string;
  objective?: number;
}

export interface ClassSpec {
  learners: number;
  items: SimItem[];
  seed: number;
  /** Items each learner answers, drawn at random; default all. */
  draw?: number;
}

/** The quiz engine's seeded PRNG (mulberry32), so simulated classes draw as real attempts do. */
export { mulberry32 as seededRandom };

function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Probability that a learner of ability θ answers the item correctly (3PL). */
export function pCorrect(item: SimItem, theta: number): number {
  const a = item.discrimination ?? 1.7;
  const c = item.guessing ?? 0;
  return c + (1 - c) / (1 + Math.exp(-a * (theta - item.difficulty)));
}

/** The facility the model predicts for a population with ability ~ N(0, 1) (numerical integration). */
export function expectedFacility(item: SimItem): number {
  let total = 0;
  let weight = 0;
  for (let z = -6; z <= 6; z += 0.01) {
    const w = Math.exp(-(z * z) / 2);
    total += w * pCorrect(item, z);
    weight += w;
  }
  return total / weight;
}

/** Runs the model; `emit` receives each answer. Returns the learners' abilities. */
function run(spec: ClassSpec, emit: (learner: number, item: number, response: string, score: number) => void): Float64Array {
  const rand = mulberry32(spec.seed);
  const K = spec.items.length;
  const draw = Math.min(spec.draw ?? K, K);
  const abilities = new Float64Array(spec.learners);
  const pool = Array.from({ length: K }, (_, i) => i);
  const cumulative = spec.items.map((it) => {
    const w = it.distractorWeights ?? (it.choices ?? []).slice(1).map(() => 1);
    const total = w.reduce((a, b) => a + b, 0);
    let acc = 0;
    return w.map((x) => (acc += x / total));
  });
  for (let l = 0; l < spec.learners; l++) {
    const theta = normal(rand);
    abilities[l] = theta;
    if (draw < K) {
      // Partial Fisher–Yates: the first `draw` entries are this learner's items.
      for (let k = 0; k < draw; k++) {
        const j = k + Math.floor(rand() * (K - k));
        const t = pool[k]!;
        pool[k] = pool[j]!;
        pool[j] = t;
      }
    }
    for (let k = 0; k < draw; k++) {
      const i = draw < K ? pool[k]! : k;
      const item = spec.items[i]!;
      const right = rand() < pCorrect(item, theta);
      let response = right ? 'correct' : 'wrong';
      if (item.choices && item.choices.length > 0) {
        if (right) response = item.choices[0]!;
        else {
          const u = rand();
          const cum = cumulative[i]!;
          let d = cum.findIndex((c) => u < c);
          if (d < 0) d = cum.length - 1;
          response = item.choices[d + 1] ?? item.choices[0]!;
        }
      }
      emit(l, i, response, right ? 1 : 0);
    }
  }
  return abilities;
}

const learnerId = (l: number) => `learner-${String(l + 1).padStart(5, '0')}`;

/** The simulated class as response records (what a parser would produce). */
export function simulateRecords(spec: ClassSpec, file = 'simulated.csv'): { records: ResponseRecord[]; abilities: Float64Array } {
  const records: ResponseRecord[] = [];
  const abilities = run(spec, (l, i, response, score) =>
    records.push({ learner: learnerId(l), attempt: 1, item: spec.items[i]!.id, response, score, file, line: records.length + 2 }),
  );
  return { records, abilities };
}

/** The simulated class straight into the matrix, without records: for timing the statistics at scale. */
export function simulateClassData(spec: ClassSpec): { data: ClassData; abilities: Float64Array } {
  const L = spec.learners;
  const K = spec.items.length;
  const scores = new Float64Array(L * K).fill(Number.NaN);
  const responseIndex = new Int32Array(L * K).fill(-1);
  const responses: string[][] = spec.items.map((it) => (it.choices ? [...it.choices] : ['correct', 'wrong']));
  const dict = responses.map((r) => new Map(r.map((x, k) => [x, k])));
  const abilities = run(spec, (l, i, response, score) => {
    scores[l * K + i] = score;
    responseIndex[l * K + i] = dict[i]!.get(response)!;
  });
  return {
    data: {
      learners: Array.from({ length: L }, (_, l) => learnerId(l)),
      items: spec.items.map((it) => it.id),
      scores,
      responseIndex,
      responses,
      correct: spec.items.map((it) => it.choices?.[0]),
    },
    abilities,
  };
}

/** Item metadata for the simulated items (kind single when they have choices). */
export function simulatedMeta(items: SimItem[]): Map<string, ItemMeta> {
  return new Map(
    items.map((it) => [
      it.id,
      {
        id: it.id,
        ...(it.lesson ? { lesson: it.lesson } : {}),
        ...(it.objective ? { objective: it.objective } : {}),
        ...(it.choices ? { kind: 'single', choices: it.choices, key: [it.choices[0]!] } : {}),
      },
    ]),
  );
}

/** `count` items with difficulties spread evenly over [-2, 2], four choices each, six lessons of two objectives. */
export function spreadItems(count: number): SimItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${String(i + 1).padStart(2, '0')}`,
    difficulty: count === 1 ? 0 : -2 + (4 * i) / (count - 1),
    choices: ['key', 'd1', 'd2', 'd3'],
    distractorWeights: [3, 2, 1],
    lesson: `lesson-${(i % 6) + 1}`,
    objective: (Math.floor(i / 6) % 2) + 1,
  }));
}

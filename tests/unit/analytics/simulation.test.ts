import { describe, expect, it } from 'vitest';
import { analyseClass, buildClassData } from '../../../src/analytics/index.ts';
import { pairwiseMeanCovariance } from '../../../src/analytics/statistics.ts';
import {
  expectedFacility,
  simulateClassData,
  simulatedMeta,
  simulateRecords,
  spreadItems,
  type SimItem,
} from '../../../src/analytics/simulate.ts';

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let c = 0, va = 0, vb = 0;
  for (let i = 0; i < n; i++) {
    c += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  return c / Math.sqrt(va * vb);
}

describe('a simulated class with known item difficulties', () => {
  const items = spreadItems(20);
  const { data } = simulateClassData({ learners: 4000, items, seed: 7 });
  const report = analyseClass(data, { meta: simulatedMeta(items) });

  it('recovers each item’s facility from the model within 0.03', () => {
    for (const [k, s] of report.items.entries()) {
      expect(Math.abs(s.facility - expectedFacility(items[k]!)), s.id).toBeLessThan(0.03);
    }
  });

  it('orders items by difficulty: facility falls as difficulty rises', () => {
    const r = pearson(
      report.items.map((s) => s.facility),
      items.map((it) => expectedFacility(it)),
    );
    expect(r).toBeGreaterThan(0.995);
  });

  it('finds every item discriminating when all depend on ability', () => {
    for (const s of report.items) {
      expect(s.pointBiserial!, s.id).toBeGreaterThan(0.2);
      expect(s.discrimination!, s.id).toBeGreaterThan(0.2);
    }
  });

  it('finds the distractors drawn 3 : 2 : 1 among wrong answers, and the lower group choosing them more', () => {
    const mid = report.items[10]!;
    const [key, d1, d2, d3] = mid.options;
    const wrong = d1!.count + d2!.count + d3!.count;
    expect(d1!.count / wrong).toBeCloseTo(3 / 6, 1);
    expect(d2!.count / wrong).toBeCloseTo(2 / 6, 1);
    expect(d3!.count / wrong).toBeCloseTo(1 / 6, 1);
    expect(key!.correct).toBe(true);
    expect(key!.upper).toBeGreaterThan(key!.lower);
    for (const d of [d1!, d2!, d3!]) expect(d.lower).toBeGreaterThan(d.upper);
  });

  it('gives a high reliability for 20 items of discrimination 1.7', () => {
    expect(report.test.alpha!).toBeGreaterThan(0.8);
    expect(report.test.alpha!).toBeLessThan(0.95);
    expect(report.test.kr20).toBe(report.test.alpha);
  });

  it('is the same class every time for the same seed', () => {
    const again = simulateClassData({ learners: 4000, items, seed: 7 }).data;
    expect(again.scores).toEqual(data.scores);
    const other = simulateClassData({ learners: 4000, items, seed: 8 }).data;
    expect(other.scores).not.toEqual(data.scores);
  });
});

describe('a simulated class with one item unrelated to ability', () => {
  const items: SimItem[] = [...spreadItems(15), { id: 'random', difficulty: 0, discrimination: 0, choices: ['k', 'x', 'y', 'z'] }];
  const report = analyseClass(simulateClassData({ learners: 3000, items, seed: 11 }).data, { meta: simulatedMeta(items) });
  const random = report.items.find((s) => s.id === 'random')!;

  it('finds no discrimination in it and flags it', () => {
    expect(Math.abs(random.pointBiserial!)).toBeLessThan(0.06);
    expect(Math.abs(random.discrimination!)).toBeLessThan(0.08);
    expect(random.flags.some((f) => f === 'low-discrimination' || f === 'negative-discrimination')).toBe(true);
    expect(random.facility).toBeCloseTo(0.5, 1);
  });
});

describe('a simulated bank: each learner draws 20 of 60 items', () => {
  const bank = spreadItems(60);
  const drawn = analyseClass(simulateClassData({ learners: 6000, items: bank, seed: 3, draw: 20 }).data, { meta: simulatedMeta(bank) });

  it('still recovers every facility within 0.04 from about 2000 answers each', () => {
    for (const [k, s] of drawn.items.entries()) {
      expect(Math.abs(s.facility - expectedFacility(bank[k]!)), s.id).toBeLessThan(0.04);
    }
  });

  it('gives the reliability of the 20-item form learners sat, close to a fixed 20-item test of the same spread', () => {
    const fixed = analyseClass(simulateClassData({ learners: 6000, items: spreadItems(20), seed: 5 }).data);
    expect(drawn.test.complete).toBe(false);
    expect(drawn.test.reliabilityItems).toBe(20);
    expect(Math.abs(drawn.test.alpha! - fixed.test.alpha!)).toBeLessThan(0.04);
  });

  it('computes mastery per lesson objective from the items each learner drew', () => {
    expect(drawn.objectives).toHaveLength(12);
    for (const o of drawn.objectives) {
      expect(o.learners).toBeGreaterThan(5000);
      expect(o.share).toBeGreaterThan(0);
      expect(o.share).toBeLessThan(1);
    }
  });
});

describe('the two ways of computing the mean inter-item covariance', () => {
  it('agree when every learner answered every item', () => {
    const { data } = simulateClassData({ learners: 500, items: spreadItems(8), seed: 2 });
    const K = data.items.length;
    const L = data.learners.length;
    const totals = Array.from({ length: L }, (_, l) => data.scores.slice(l * K, l * K + K).reduce((a, b) => a + b, 0));
    const mean = totals.reduce((a, b) => a + b, 0) / L;
    const varTotal = totals.reduce((a, x) => a + (x - mean) ** 2, 0) / L;
    let sumVar = 0;
    for (let i = 0; i < K; i++) {
      const col = Array.from({ length: L }, (_, l) => data.scores[l * K + i]!);
      const m = col.reduce((a, b) => a + b, 0) / L;
      sumVar += col.reduce((a, x) => a + (x - m) ** 2, 0) / L;
    }
    expect(pairwiseMeanCovariance(data.scores, L, K)).toBeCloseTo((varTotal - sumVar) / (K * (K - 1)), 10);
  });
});

describe('simulated records through the matrix builder', () => {
  it('build the same matrix as the direct path', () => {
    const spec = { learners: 200, items: spreadItems(6), seed: 9 };
    const fromRecords = buildClassData(simulateRecords(spec).records);
    const direct = simulateClassData(spec).data;
    expect(fromRecords.scores).toEqual(direct.scores);
    expect(fromRecords.learners).toEqual(direct.learners);
  });
});

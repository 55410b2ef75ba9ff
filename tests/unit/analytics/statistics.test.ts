import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseClass, buildClassData, parseLongCsv, type ItemMeta } from '../../../src/analytics/index.ts';

/*
 * The small class (tests/fixtures/results/small-class.csv), computed by hand:
 *
 *            q1 q2 q3 q4  total  score
 *   ana       1  1  1  1    4    100 %
 *   bruno     1  1  1  0    3     75 %
 *   carmen    1  1  0  0    2     50 %
 *   diego     1  0  1  0    2     50 %
 *   elena     0  1  0  0    1     25 %
 *   fernando  1  0  0  0    1     25 %
 *
 * Facility 5/6, 4/6, 3/6, 1/6. Total variance (population) 35/6 − (13/6)² = 41/36; Σpq = 27/36;
 * KR-20 = 4/3 · (1 − 27/41) = 56/123. Scores in percent: mean 54.1667, sample SD
 * √(4270.83/5) = 29.2261, median 50. SEM = 29.2261 · √(1 − 56/123) = 21.5703.
 * Item–rest correlation of q1: x = 1,1,1,1,0,1 against rest = 3/3, 2/3, 1/3, 1/3, 1/3, 0/3:
 * cov 1/54, var x 5/36, var rest 8/81, r = 1/√40. Likewise q2: 0, q3: 1/√5, q4: √0.3.
 * 27 % groups, g = round(0.27 · 6) = 2, ranked by the score on the OTHER three items; learners
 * tied at a group's edge share its last place. E.g. q1: rest = 1, 2/3, 1/3, 1/3, 1/3, 0 (ana …
 * fernando): upper = ana, bruno; lower = fernando + 1/3 each of carmen, diego, elena. Facility of
 * the lower group (1 + (1 + 1 + 0)/3) / 2 = 5/6, so D = 1 − 5/6 = 1/6.
 *   q2: rest 1, 2/3, 1/3, 2/3, 0, 1/3: upper ana + ½ bruno + ½ diego = 3/4; lower elena + ½ carmen
 *       + ½ fernando = 3/4; D = 0.
 *   q3: rest 1, 2/3, 2/3, 1/3, 1/3, 1/3: upper ana + ½ bruno + ½ carmen = 3/4; lower ⅔ of diego,
 *       elena, fernando = 1/3; D = 5/12.
 *   q4: rest 1, 1, 2/3, 2/3, 1/3, 1/3: upper ana, bruno = 1/2; lower elena, fernando = 0; D = 1/2.
 */
const text = readFileSync(new URL('../../fixtures/results/small-class.csv', import.meta.url), 'utf8');
const meta = new Map<string, ItemMeta>([
  ['q1', { id: 'q1', lesson: 'L1', objective: 1, kind: 'single', choices: ['a', 'b', 'c', 'd'], key: ['b'] }],
  ['q2', { id: 'q2', lesson: 'L1', objective: 1, kind: 'single', choices: ['a', 'b', 'c', 'd'], key: ['c'] }],
  ['q3', { id: 'q3', lesson: 'L1', objective: 2, kind: 'true-false', key: ['true'] }],
  ['q4', { id: 'q4', lesson: 'L1', objective: 2, kind: 'single', choices: ['a', 'b', 'c', 'd'], key: ['a'] }],
]);

function report() {
  const parsed = parseLongCsv(text, 'small-class.csv');
  return analyseClass(buildClassData(parsed.records, { itemOrder: [...meta.keys()] }), { meta });
}
const item = (id: string) => report().items.find((i) => i.id === id)!;

describe('item statistics of the small class', () => {
  it('gives each item its facility', () => {
    expect(report().items.map((i) => i.facility)).toEqual([0.833333, 0.666667, 0.5, 0.166667]);
  });

  it('gives the corrected point-biserial (item against the rest of the test)', () => {
    const r = report().items.map((i) => i.pointBiserial!);
    expect(r[0]).toBeCloseTo(1 / Math.sqrt(40), 6);
    expect(r[1]).toBeCloseTo(0, 6);
    expect(r[2]).toBeCloseTo(1 / Math.sqrt(5), 6);
    expect(r[3]).toBeCloseTo(Math.sqrt(0.3), 6);
  });

  it('splits upper and lower 27 % groups of two by rest score, sharing ties, and gives D for each item', () => {
    const items = report().items;
    expect(items.map((i) => i.groupSize)).toEqual([2, 2, 2, 2]);
    expect(items.map((i) => [i.upperFacility, i.lowerFacility, i.discrimination])).toEqual([
      [1, 0.833333, 0.166667],
      [0.75, 0.75, 0],
      [0.75, 0.333333, 0.416667],
      [0.5, 0, 0.5],
    ]);
  });

  it('gives the same groups whatever the order of the rows', () => {
    const [head, ...rows] = text.split('\n').slice(0, 26);
    const shuffled = [head, ...rows.reverse()].join('\n');
    const again = analyseClass(buildClassData(parseLongCsv(shuffled, 'r.csv').records, { itemOrder: [...meta.keys()] }), { meta });
    expect(again.items.map((i) => i.discrimination)).toEqual(report().items.map((i) => i.discrimination));
  });

  it('counts every choice, including distractors nobody picked, with the share of each group that picked it', () => {
    expect(item('q1').options).toEqual([
      { option: 'a', count: 1, share: 0.166667, upper: 0, lower: 0.166667, correct: false },
      { option: 'b', count: 5, share: 0.833333, upper: 1, lower: 0.833333, correct: true },
      { option: 'c', count: 0, share: 0, upper: 0, lower: 0, correct: false },
      { option: 'd', count: 0, share: 0, upper: 0, lower: 0, correct: false },
    ]);
  });

  it('counts a blank response as blank, not as a choice', () => {
    const q4 = item('q4');
    expect(q4.blank).toBe(1);
    expect(q4.options.map((o) => [o.option, o.count, o.upper, o.lower])).toEqual([
      ['a', 1, 0.5, 0],
      ['b', 1, 0, 0],
      ['c', 3, 0.5, 0.5],
      ['d', 0, 0, 0],
    ]);
  });

  it('reads true/false responses as true and false', () => {
    expect(item('q3').options.map((o) => [o.option, o.count, o.correct])).toEqual([
      ['false', 3, false],
      ['true', 3, true],
    ]);
  });

  it('flags items that discriminate little, and the hard one', () => {
    expect(item('q1').flags).toEqual(['few-responses', 'low-discrimination']);
    expect(item('q2').flags).toEqual(['few-responses', 'low-discrimination']);
    expect(item('q3').flags).toEqual(['few-responses']);
    expect(item('q4').flags).toEqual(['few-responses', 'hard']);
  });
});

describe('test statistics of the small class', () => {
  it('gives KR-20 = alpha = 56/123 for 0/1 items answered by everyone', () => {
    const t = report().test;
    expect(t.complete).toBe(true);
    expect(t.kr20).toBeCloseTo(56 / 123, 6);
    expect(t.alpha).toBe(t.kr20);
    expect(t.reliabilityItems).toBe(4);
  });

  it('describes the score distribution in percent', () => {
    const t = report().test;
    expect([t.learners, t.items, t.mean, t.median, t.min, t.max]).toEqual([6, 4, 54.166667, 50, 25, 100]);
    expect(t.sd).toBeCloseTo(29.226130, 5);
    expect(t.sem).toBeCloseTo(21.570299, 4);
    expect(t.histogram).toEqual([0, 0, 2, 0, 0, 2, 0, 1, 0, 1]);
  });

  it('gives alpha but no KR-20 when an item gives partial credit', () => {
    const parsed = parseLongCsv(text.replace('bruno,q4,c,0', 'bruno,q4,c,0.5'), 'partial.csv');
    const t = analyseClass(buildClassData(parsed.records)).test;
    expect(t.kr20).toBeNull();
    expect(t.alpha).not.toBeNull();
  });
});

describe('objective mastery of the small class', () => {
  it('counts learners whose mean on an objective reaches the threshold', () => {
    // Objective 1 (q1, q2): means 1, 1, 1, .5, .5, .5. Objective 2 (q3, q4): 1, .5, 0, .5, 0, 0.
    expect(report().objectives).toEqual([
      { lesson: 'L1', objective: 1, items: ['q1', 'q2'], learners: 6, meanScore: 0.75, mastered: 3, share: 0.5 },
      { lesson: 'L1', objective: 2, items: ['q3', 'q4'], learners: 6, meanScore: 0.333333, mastered: 1, share: 0.166667 },
    ]);
  });

  it('takes the threshold it is given', () => {
    const parsed = parseLongCsv(text, 'small-class.csv');
    const r = analyseClass(buildClassData(parsed.records), { meta, masteryThreshold: 0.5 });
    expect(r.objectives.map((o) => o.mastered)).toEqual([6, 3]);
  });

  it('lists items the question bank does not know', () => {
    const parsed = parseLongCsv(`${text}\nana,q9,x,1\n`, 'extra.csv');
    const r = analyseClass(buildClassData(parsed.records, { itemOrder: [...meta.keys()] }), { meta });
    expect(r.unknownItems).toEqual(['q9']);
  });
});

describe('options of other item kinds', () => {
  it('marks the response that always earned full credit as right when no key is given', () => {
    const parsed = parseLongCsv('learner,item,response,score\na,n1,8,1\nb,n1,7,0\nc,n1,8,1\nd,n1,9,0\n', 'n.csv');
    const r = analyseClass(buildClassData(parsed.records), { meta: new Map([['n1', { id: 'n1', kind: 'numeric' }]]) });
    expect(r.items[0]!.options.map((o) => [o.option, o.count, o.correct])).toEqual([
      ['8', 2, true],
      ['7', 1, false],
      ['9', 1, false],
    ]);
  });

  it('counts matching pairs written by SCORM 1.2 and 2004 alike', () => {
    const parsed = parseLongCsv('learner,item,response,score\na,m1,"p1[.]r1[,]p2[.]r2",1\nb,m1,"p1.r2,p2.r2",0.5\n', 'm.csv');
    const meta = new Map([['m1', { id: 'm1', kind: 'matching', key: ['p1.r1', 'p2.r2'] }]]);
    const r = analyseClass(buildClassData(parsed.records), { meta });
    expect(r.items[0]!.options.map((o) => [o.option, o.count, o.correct])).toEqual([
      ['p2.r2', 2, true],
      ['p1.r1', 1, true],
      ['p1.r2', 1, false],
    ]);
  });
});

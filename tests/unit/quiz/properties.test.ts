import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuizItem, UserInput } from '../../../src/content/quiz-model.ts';
import type { AttemptRecord } from '../../../src/quiz/index.ts';
import {
  allocateByLesson,
  decodeAttempt,
  drawItems,
  encodeAttempt,
  scoreItem,
  shuffle,
} from '../../../src/quiz/index.ts';
import { bank, quiz } from './builders.ts';

const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });

/** The key of an item, as a learner would enter it. */
function keyOf(item: QuizItem): UserInput {
  switch (item.kind) {
    case 'single':
      return { selected: item.rubric.correct };
    case 'multiple':
      return { selected: [...item.rubric.correct] };
    case 'true-false':
      return { value: item.rubric.correct };
    case 'matching':
      return { pairs: { ...item.rubric.pairs } };
    case 'sequencing':
      return { order: [...item.rubric.order] };
    case 'numeric':
      return { value: item.rubric.value };
    case 'fill-in':
      return { text: item.rubric.accepted.en[0]! };
  }
}

/** An arbitrary response of the item's kind (complete or not). */
function responseArb(item: QuizItem): fc.Arbitrary<UserInput | null> {
  const some = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  switch (item.kind) {
    case 'single':
      return some(fc.constantFrom(...item.choices.map((c) => c.id)).map((selected) => ({ selected })));
    case 'multiple':
      return some(fc.subarray(item.choices.map((c) => c.id)).map((selected) => ({ selected })));
    case 'true-false':
      return some(fc.boolean().map((value) => ({ value })));
    case 'matching':
      return some(
        fc
          .tuple(
            ...item.premises.map(() => fc.option(fc.constantFrom(...item.responses), { nil: undefined })),
          )
          .map((rs) => ({
            pairs: Object.fromEntries(item.premises.flatMap((p, i) => (rs[i] ? [[p, rs[i]]] : []))),
          })),
      );
    case 'sequencing':
      return some(
        fc.shuffledSubarray(item.steps, { minLength: item.steps.length }).map((order) => ({ order })),
      );
    case 'numeric':
      return some(
        fc
          .oneof(fc.integer({ min: 1900, max: 2100 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
          .map((value) => ({ value })),
      );
    case 'fill-in':
      return some(fc.string({ maxLength: 30, unit: 'grapheme' }).map((text) => ({ text })));
  }
}

const items = bank(3, 7);
const itemArb = fc.constantFrom(...items);

describe('scoring properties', () => {
  it('keeps every score within [0, total]', () => {
    fc.assert(
      fc.property(
        itemArb.chain((item) => fc.tuple(fc.constant(item), responseArb(item))),
        ([item, r]) => {
          const s = scoreItem(item, r);
          if (s.type === 'points') {
            expect(s.earned).toBeGreaterThanOrEqual(0);
            expect(s.earned).toBeLessThanOrEqual(s.total);
          }
        },
      ),
    );
  });

  it('gives full marks for the key', () => {
    for (const item of items)
      expect(scoreItem(item, keyOf(item))).toEqual({ type: 'points', earned: 1, total: 1 });
  });

  it('gives full marks to a choice-based response only when it equals the key', () => {
    const choiceItems = items.filter((i) =>
      ['single', 'multiple', 'true-false', 'matching', 'sequencing'].includes(i.kind),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...choiceItems).chain((item) => fc.tuple(fc.constant(item), responseArb(item))),
        ([item, r]) => {
          const s = scoreItem(item, r);
          const full = s.type === 'points' && s.earned === s.total;
          const key = keyOf(item) as unknown as Record<string, unknown>;
          const given = r as unknown as Record<string, unknown> | null;
          const same =
            given !== null &&
            (item.kind === 'multiple'
              ? [...(given.selected as string[])].sort().join() ===
                [...(key.selected as string[])].sort().join()
              : JSON.stringify(Object.entries(given).sort()) === JSON.stringify(Object.entries(key).sort()) ||
                (item.kind === 'matching' &&
                  JSON.stringify(Object.entries(given.pairs as object).sort()) ===
                    JSON.stringify(Object.entries(key.pairs as object).sort())));
          expect(full).toBe(same);
        },
      ),
    );
  });
});

describe('shuffle', () => {
  it('is a permutation of its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), seedArb, (xs, seed) => {
        expect([...shuffle(xs, seed)].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });
  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), seedArb, (xs, seed) => {
        expect(shuffle(xs, seed)).toEqual(shuffle(xs, seed));
      }),
    );
  });
  it('gives different orders for different seeds', () => {
    const xs = Array.from({ length: 10 }, (_, i) => i);
    const orders = new Set(Array.from({ length: 20 }, (_, s) => shuffle(xs, s).join()));
    expect(orders.size).toBeGreaterThan(15);
  });
});

describe('stratified draw', () => {
  const final = quiz(bank(12, 5), { draw: 20 });

  it('draws 20 distinct items with every lesson represented and no lesson far from its share', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const drawn = drawItems(final, seed);
        expect(drawn).toHaveLength(20);
        expect(new Set(drawn.map((i) => i.id)).size).toBe(20);
        const per = new Map<string, number>();
        for (const i of drawn) per.set(i.lesson, (per.get(i.lesson) ?? 0) + 1);
        expect(per.size).toBe(12);
        for (const n of per.values()) expect([1, 2]).toContain(n);
      }),
    );
  });

  it('allocates proportionally by largest remainder, at least one per lesson', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 60 }),
        seedArb,
        (sizes, draw, seed) => {
          const m = new Map(sizes.map((s, i) => [`l${i}`, s]));
          const total = sizes.reduce((a, b) => a + b, 0);
          const alloc = allocateByLesson(m, draw, seed);
          const values = [...alloc.values()];
          expect(values.reduce((a, b) => a + b, 0)).toBe(Math.min(draw, total));
          sizes.forEach((s, i) => expect(alloc.get(`l${i}`)!).toBeLessThanOrEqual(s));
          if (draw >= sizes.length) for (const v of values) expect(v).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        expect(drawItems(final, seed)).toEqual(drawItems(final, seed));
      }),
    );
  });
});

describe('attempt codec', () => {
  const final = quiz(bank(12, 5), { draw: 20 });
  const lookup = (id: string) => (id === final.id ? final : undefined);

  const recordArb: fc.Arbitrary<AttemptRecord> = seedArb.chain((seed) => {
    const drawn = drawItems(final, seed);
    return fc.tuple(...drawn.map(responseArb)).map((responses) => ({ quizId: 'final', seed, responses }));
  });

  it('round-trips every attempt exactly', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const clipped = {
          ...record,
          responses: record.responses.map((r) => (r && 'text' in r ? { text: r.text.slice(0, 30) } : r)),
        };
        const decoded = decodeAttempt(encodeAttempt(clipped, final), lookup);
        expect(decoded).toEqual({ ok: true, record: clipped });
      }),
    );
  });

  it('round-trips certainties', () => {
    const seed = 99;
    const drawn = drawItems(final, seed);
    const record: AttemptRecord = {
      quizId: 'final',
      seed,
      responses: drawn.map(() => null),
      certainties: drawn.map((_, i) => ((i % 3) + 1) as 1 | 2 | 3),
    };
    expect(decodeAttempt(encodeAttempt(record, final), lookup)).toEqual({ ok: true, record });
  });

  it('reports, never throws on, records that do not fit the quiz', () => {
    expect(decodeAttempt('garbage', lookup)).toMatchObject({ ok: false });
    expect(decodeAttempt('other:1:', lookup)).toMatchObject({ ok: false, reason: 'unknown quiz "other"' });
    expect(decodeAttempt('final:1:a,b', lookup)).toMatchObject({
      ok: false,
      reason: 'expected 20 responses, found 2',
    });
    expect(decodeAttempt(`final:1:${'z,'.repeat(19)}z`, lookup)).toMatchObject({ ok: false });
  });
});

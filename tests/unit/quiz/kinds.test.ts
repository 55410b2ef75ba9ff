import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../../src/quiz/index.ts';
import { fillIn, matching, multiple, numeric, sequencing, single, trueFalse } from './builders.ts';

const pts = (earned: number, total = 1) => ({ type: 'points', earned, total });

describe('single choice', () => {
  it('gives full marks for the key', () => expect(scoreItem(single(), { selected: 'b' })).toEqual(pts(1)));
  it('gives nothing for another choice', () =>
    expect(scoreItem(single(), { selected: 'a' })).toEqual(pts(0)));
  it('is invalid with no selection or an unknown choice', () => {
    expect(scoreItem(single(), null).type).toBe('invalid');
    expect(scoreItem(single(), { selected: '' }).type).toBe('invalid');
    expect(scoreItem(single(), { selected: 'z' }).type).toBe('invalid');
  });
});

describe('multiple response', () => {
  it('gives full marks for exactly the key', () =>
    expect(scoreItem(multiple(), { selected: ['c', 'a'] })).toEqual(pts(1)));
  it('gives half credit when one of two correct choices is picked', () =>
    expect(scoreItem(multiple(), { selected: ['a'] })).toEqual(pts(0.5)));
  it('takes 1/k off for each wrong choice picked', () =>
    expect(scoreItem(multiple(['a', 'b', 'c']), { selected: ['a', 'b', 'd'] })).toEqual(pts(1 / 3)));
  it('floors at zero when wrong picks outweigh right ones', () =>
    expect(scoreItem(multiple(), { selected: ['a', 'b', 'd'] })).toEqual(pts(0)));
  it('gives nothing for picking every choice', () =>
    expect(scoreItem(multiple(), { selected: ['a', 'b', 'c', 'd'] })).toEqual(pts(0)));
  it('is invalid with no selection, a repeated or an unknown choice', () => {
    expect(scoreItem(multiple(), { selected: [] }).type).toBe('invalid');
    expect(scoreItem(multiple(), { selected: ['a', 'a'] }).type).toBe('invalid');
    expect(scoreItem(multiple(), { selected: ['q'] }).type).toBe('invalid');
  });
});

describe('true-false', () => {
  it('gives full marks for the key and nothing otherwise', () => {
    expect(scoreItem(trueFalse(false), { value: false })).toEqual(pts(1));
    expect(scoreItem(trueFalse(false), { value: true })).toEqual(pts(0));
  });
  it('is invalid when nothing is chosen', () => expect(scoreItem(trueFalse(), null).type).toBe('invalid'));
});

describe('matching', () => {
  const all = { p1: 'r1', p2: 'r2', p3: 'r3', p4: 'r4' };
  it('gives full marks when every premise is matched to its response', () =>
    expect(scoreItem(matching(), { pairs: all })).toEqual(pts(1)));
  it('gives the fraction of premises matched correctly', () =>
    expect(scoreItem(matching(), { pairs: { ...all, p1: 'r2', p2: 'r5' } })).toEqual(pts(0.5)));
  it('gives nothing when every premise is wrong', () =>
    expect(scoreItem(matching(), { pairs: { p1: 'r5', p2: 'r1', p3: 'r2', p4: 'r3' } })).toEqual(pts(0)));
  it('is invalid while a premise is unmatched or matched to an unknown response', () => {
    expect(scoreItem(matching(), { pairs: { p1: 'r1', p2: 'r2', p3: 'r3' } })).toEqual({
      type: 'invalid',
      reason: 'premise "p4" is unmatched',
    });
    expect(scoreItem(matching(), { pairs: { ...all, p4: 'r9' } }).type).toBe('invalid');
  });
});

describe('sequencing', () => {
  const item = sequencing(['a', 'b', 'c', 'd']);
  it('gives full marks for the key order', () =>
    expect(scoreItem(item, { order: ['a', 'b', 'c', 'd'] })).toEqual(pts(1)));
  it('credits each adjacent pair whose second step follows the first in the key', () => {
    expect(scoreItem(item, { order: ['b', 'a', 'c', 'd'] })).toEqual(pts(1 / 3));
    expect(scoreItem(item, { order: ['c', 'd', 'a', 'b'] })).toEqual(pts(2 / 3));
  });
  it('gives nothing for the reversed order', () =>
    expect(scoreItem(item, { order: ['d', 'c', 'b', 'a'] })).toEqual(pts(0)));
  it('is invalid unless every step appears exactly once', () => {
    expect(scoreItem(item, { order: ['a', 'b', 'c'] }).type).toBe('invalid');
    expect(scoreItem(item, { order: ['a', 'a', 'c', 'd'] }).type).toBe('invalid');
    expect(scoreItem(item, { order: [] }).type).toBe('invalid');
  });
});

describe('numeric', () => {
  it('gives full marks for the value and within the tolerance', () => {
    expect(scoreItem(numeric(1996), { value: 1996 })).toEqual(pts(1));
    expect(scoreItem(numeric(0.3, 0.1), { value: 0.1 + 0.1 })).toEqual(pts(1));
    expect(scoreItem(numeric(10, 2), { value: 12 })).toEqual(pts(1));
  });
  it('gives nothing outside the tolerance', () => {
    expect(scoreItem(numeric(1996), { value: 1995 })).toEqual(pts(0));
    expect(scoreItem(numeric(10, 2), { value: 12.01 })).toEqual(pts(0));
  });
  it('is invalid without a finite number', () => {
    expect(scoreItem(numeric(), { value: Number.NaN }).type).toBe('invalid');
    expect(scoreItem(numeric(), null).type).toBe('invalid');
  });
});

describe('fill-in', () => {
  it('accepts answers after NFKC, case folding, spacing and trailing punctuation are normalised', () => {
    expect(scoreItem(fillIn(), { text: '  TLATELOLCO. ' })).toEqual(pts(1));
    expect(scoreItem(fillIn(), { text: 'Tratado   de Tlatelolco' })).toEqual(pts(1));
    expect(scoreItem(fillIn(), { text: '《特拉特洛尔科条约》。' })).toEqual(pts(1));
    expect(scoreItem(fillIn(), { text: 'ＴＬＡＴＥＬＯＬＣＯ' })).toEqual(pts(1));
  });
  it('accepts an answer from another locale', () =>
    expect(scoreItem(fillIn(), { text: '特拉特洛尔科条约' })).toEqual(pts(1)));
  it('gives nothing for another answer', () =>
    expect(scoreItem(fillIn(), { text: 'Pelindaba' })).toEqual(pts(0)));
  it('is invalid when empty or punctuation only', () => {
    expect(scoreItem(fillIn(), { text: '   ' }).type).toBe('invalid');
    expect(scoreItem(fillIn(), { text: '...' }).type).toBe('invalid');
  });
});

describe('responses of the wrong shape', () => {
  it('are invalid, never a crash', () => {
    expect(scoreItem(single(), { value: true } as never).type).toBe('invalid');
    expect(scoreItem(matching(), { selected: 'a' } as never).type).toBe('invalid');
    expect(scoreItem(sequencing(), { text: 'x' } as never).type).toBe('invalid');
  });
});

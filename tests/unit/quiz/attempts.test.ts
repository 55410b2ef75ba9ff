import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/quiz/index.ts';
import {
  canStartAttempt,
  cbmMarks,
  drawItems,
  gradeAttempts,
  quizOutcome,
  scoreAttempt,
  startAttempt,
} from '../../../src/quiz/index.ts';
import type { QuizDefinition, UserInput } from '../../../src/content/quiz-model.ts';
import { sequenceHash } from '../../../src/content/quiz-model.ts';
import { quiz, single, trueFalse } from './builders.ts';

/** A quiz of 20 true-false items whose key is `true`. */
const twenty = quiz(Array.from({ length: 20 }, (_, i) => trueFalse(true, `t${i}`)));

/** A record answering `right` of the drawn items correctly and the rest wrongly. */
function answered(q: QuizDefinition, seed: number, right: number): AttemptRecord {
  const items = drawItems(q, seed);
  return { quizId: q.id, seed, responses: items.map((_, i): UserInput => ({ value: i < right })) };
}

describe('pass mark', () => {
  it('passes at exactly 80 %', () => {
    const r = scoreAttempt(twenty, answered(twenty, 7, 16));
    expect(r.percent).toBeCloseTo(0.8);
    expect(r.passed).toBe(true);
  });
  it('fails just under 80 %', () => expect(scoreAttempt(twenty, answered(twenty, 7, 15)).passed).toBe(false));
  it('counts unanswered items as zero', () => {
    const r = scoreAttempt(twenty, { quizId: 'final', seed: 1, responses: [] });
    expect(r.earned).toBe(0);
    expect(r.scores.every((s) => s.type === 'invalid')).toBe(true);
  });
  it('reports points and mastery per lesson', () => {
    const q = quiz([trueFalse(true, 'a', 'l1'), trueFalse(true, 'b', 'l2')]);
    const items = drawItems(q, 3);
    const r = scoreAttempt(q, {
      quizId: 'final',
      seed: 3,
      responses: items.map((it) => ({ value: it.lesson === 'l1' })),
    });
    expect(r.byLesson).toEqual({
      l1: { earned: 1, total: 1, mastered: true },
      l2: { earned: 0, total: 1, mastered: false },
    });
  });
});

describe('grading methods', () => {
  it('takes the highest, the last or the average attempt', () => {
    expect(gradeAttempts([0.6, 0.9, 0.7], 'highest')).toBe(0.9);
    expect(gradeAttempts([0.6, 0.9, 0.7], 'last')).toBe(0.7);
    expect(gradeAttempts([0.6, 0.9, 0.75], 'average')).toBeCloseTo(0.75);
    expect(gradeAttempts([], 'highest')).toBeNull();
  });
  it('passes the quiz when the graded attempt reaches the pass mark', () => {
    const records = [answered(twenty, 1, 10), answered(twenty, 2, 17), answered(twenty, 3, 12)];
    expect(quizOutcome(twenty, records)).toMatchObject({
      grade: 0.85,
      passed: true,
      attemptsUsed: 3,
      attemptsLeft: 0,
    });
    expect(quizOutcome({ ...twenty, grading: 'last' }, records)).toMatchObject({ grade: 0.6, passed: false });
    expect(quizOutcome({ ...twenty, grading: 'average' }, records).passed).toBe(false);
  });
});

describe('attempts', () => {
  it('refuses a fourth final attempt', () => {
    expect(canStartAttempt(twenty, 2)).toBe(true);
    expect(canStartAttempt(twenty, 3)).toBe(false);
  });
  it('never runs out for a formative quiz', () =>
    expect(canStartAttempt({ ...twenty, kind: 'formative', attempts: null }, 99)).toBe(true));
  it('restores the same items and choice order from the seed', () => {
    const q = quiz([single('a', ['a', 'b', 'c', 'd', 'e'], 's1'), single('b', ['a', 'b', 'c', 'd'], 's2')]);
    expect(startAttempt(q, 42)).toEqual(startAttempt(q, 42));
  });
  it('keeps fixed choices in place and never shows the sequencing key', () => {
    const q = quiz([
      {
        ...single('a', ['a', 'b', 'c', 'd'], 's1'),
        choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'all', fixed: true }],
      },
      {
        id: 'q',
        lesson: 'l1',
        objective: 1,
        paragraphs: [1],
        kind: 'sequencing',
        steps: ['a', 'b'],
        keyHash: sequenceHash(['a', 'b']),
        rubric: { order: ['a', 'b'] },
      },
    ]);
    for (let seed = 0; seed < 50; seed++) {
      const view = startAttempt(q, seed);
      for (const p of view.public) {
        if (p.kind === 'single') expect(p.choices[3]).toBe('all');
        if (p.kind === 'sequencing') expect(p.steps).toEqual(['b', 'a']);
      }
    }
  });
});

describe('certainty-based marking', () => {
  const right = { type: 'points', earned: 1, total: 1 } as const;
  const wrong = { type: 'points', earned: 0, total: 1 } as const;
  it('gives 1, 2 or 3 marks for a right answer by certainty', () =>
    expect([1, 2, 3].map((c) => cbmMarks(right, c as 1 | 2 | 3))).toEqual([1, 2, 3]));
  it('gives 0, −2 or −6 for a wrong answer by certainty', () =>
    expect([1, 2, 3].map((c) => cbmMarks(wrong, c as 1 | 2 | 3))).toEqual([0, -2, -6]));
  it('scales the reward by the partial credit (Moodle)', () =>
    expect(cbmMarks({ type: 'points', earned: 0.5, total: 1 }, 3)).toBe(1.5));
  it('treats an incomplete answer as wrong', () =>
    expect(cbmMarks({ type: 'invalid', reason: 'x' }, 2)).toBe(-2));
  it('sums the marks of an attempt', () => {
    const q = quiz([trueFalse(true, 'a'), trueFalse(true, 'b')], { cbm: true });
    const items = drawItems(q, 5);
    const r = scoreAttempt(q, {
      quizId: 'final',
      seed: 5,
      responses: items.map((it) => ({ value: it.id === 'a' })),
      certainties: items.map((it) => (it.id === 'a' ? 3 : 2)),
    });
    expect(r.cbm).toEqual({ marks: 1, average: 0.5 });
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/content/compile.ts';
import type { Inline } from '../../../src/content/model.ts';
import type { SingleItem } from '../../../src/content/quiz-model.ts';

/**
 * Item quality of the quizzes written so far (quizzes/*.yaml): a learner must not be able to
 * score by picking a position or the longest choice. Checked on single-choice items, across all
 * quizzes, so the bank is judged as it grows.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const course = compileCourse({ root });
const singles = course.quizzes.flatMap((q) =>
  q.definition.items
    .filter((i): i is SingleItem => i.kind === 'single')
    .map((item) => ({ item, text: q.text.en.items[item.id]! })),
);

const plain = (c: Inline[]): string => c.map((i) => ('v' in i ? i.v : 'c' in i ? plain(i.c) : '')).join('');

describe('single-choice items of the course', () => {
  it('compile without quiz errors', () => {
    expect(course.diagnostics.filter((d) => d.file.startsWith('quizzes/') && d.severity === 'error')).toEqual(
      [],
    );
  });

  it('exist (the checks below judge every one of them)', () => expect(singles.length).toBeGreaterThan(0));

  it('put the right choice in every position, none holding more than 40 % of the answers', () => {
    const counts = new Map<number, number>();
    for (const { item } of singles) {
      const at = item.choices.findIndex((c) => c.id === item.rubric.correct);
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    const share = Math.max(...counts.values()) / singles.length;
    expect(
      share,
      `right-choice positions: ${JSON.stringify(Object.fromEntries(counts))}`,
    ).toBeLessThanOrEqual(0.4);
    // Four-choice items must use at least three positions.
    expect(counts.size).toBeGreaterThanOrEqual(3);
  });

  it('do not make the right choice the longest in more than 40 % of items', () => {
    const longest = singles.filter(({ item, text }) => {
      const len = (id: string) => plain(text.choices[id] ?? []).length;
      const right = len(item.rubric.correct);
      return item.choices.every((c) => c.id === item.rubric.correct || len(c.id) < right);
    });
    expect(
      longest.length / singles.length,
      `longest right choice: ${longest.map((l) => l.item.id).join(', ')}`,
    ).toBeLessThanOrEqual(0.4);
  });
});

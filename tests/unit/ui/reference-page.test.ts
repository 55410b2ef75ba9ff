import { describe, expect, it, vi } from 'vitest';

// The citation button reads the course data, which only a build serves ('virtual:course').
vi.mock('../../../src/ui/cite-button.tsx', () => ({ CiteButton: () => null }));
const { toRanges } = await import('../../../src/ui/reference-page.tsx');

describe('paragraph references as runs', () => {
  it('joins consecutive paragraphs into one run and keeps the others apart', () => {
    expect(toRanges([3, 59, 60, 61])).toEqual([
      [3, 3],
      [59, 61],
    ]);
  });

  it('sorts the paragraphs first and counts a repeated one once', () => {
    expect(toRanges([18, 10, 9, 10])).toEqual([
      [9, 10],
      [18, 18],
    ]);
  });

  it('gives no runs for no paragraphs', () => {
    expect(toRanges([])).toEqual([]);
  });
});

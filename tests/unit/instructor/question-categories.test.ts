import { describe, expect, it } from 'vitest';
import type { ExportItem } from '../../../src/instructor/question-export/bank.ts';
import { itemTags } from '../../../src/instructor/question-export/bank.ts';
import { categoryRuns } from '../../../src/instructor/question-export/moodle-xml.ts';
import { single } from '../quiz/builders.ts';

const entry = (id: string, category: string[]): ExportItem => ({
  item: { ...single('b', ['a', 'b', 'c'], id), paragraphs: [3, 4] },
  text: { stem: [], choices: {} },
  feedback: undefined,
  category,
});

describe('categories and tags of the exported questions', () => {
  it('heads a new run whenever the category changes, also when an earlier one comes back', () => {
    const items = [
      entry('a1', ['C', 'A']),
      entry('a2', ['C', 'A']),
      entry('b1', ['C', 'B/x']),
      entry('a3', ['C', 'A']),
    ];
    expect(categoryRuns(items).map((r) => [r.path, r.items.map((e) => e.item.id)])).toEqual([
      ['$course$/top/C/A', ['a1', 'a2']],
      ['$course$/top/C/B//x', ['b1']],
      ['$course$/top/C/A', ['a3']],
    ]);
    expect(categoryRuns([])).toEqual([]);
  });

  it('tags an item with its lesson, objective and each paragraph', () => {
    expect(itemTags(entry('a1', []))).toEqual(['lesson-l1', 'objective-1', 'para-3', 'para-4']);
  });
});

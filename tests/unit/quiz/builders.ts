import type {
  FillInItem,
  MatchingItem,
  MultipleItem,
  NumericItem,
  QuizDefinition,
  QuizItem,
  SequencingItem,
  SingleItem,
  TrueFalseItem,
} from '../../../src/content/quiz-model.ts';
import { sequenceHash } from '../../../src/content/quiz-model.ts';

const base = (id: string, lesson = 'l1') => ({ id, lesson, objective: 1, paragraphs: [1] });

export const single = (
  correct = 'b',
  ids = ['a', 'b', 'c', 'd'],
  id = 's1',
  lesson?: string,
): SingleItem => ({
  ...base(id, lesson),
  kind: 'single',
  choices: ids.map((c) => ({ id: c })),
  rubric: { correct },
});
export const multiple = (
  correct = ['a', 'c'],
  ids = ['a', 'b', 'c', 'd'],
  id = 'm1',
  lesson?: string,
): MultipleItem => ({
  ...base(id, lesson),
  kind: 'multiple',
  choices: ids.map((c) => ({ id: c })),
  rubric: { correct },
});
export const trueFalse = (correct = true, id = 't1', lesson?: string): TrueFalseItem => ({
  ...base(id, lesson),
  kind: 'true-false',
  rubric: { correct },
});
export const matching = (id = 'x1', lesson?: string): MatchingItem => ({
  ...base(id, lesson),
  kind: 'matching',
  premises: ['p1', 'p2', 'p3', 'p4'],
  responses: ['r1', 'r2', 'r3', 'r4', 'r5'],
  rubric: { pairs: { p1: 'r1', p2: 'r2', p3: 'r3', p4: 'r4' } },
});
export const sequencing = (order = ['a', 'b', 'c', 'd'], id = 'q1', lesson?: string): SequencingItem => ({
  ...base(id, lesson),
  kind: 'sequencing',
  steps: [...order].sort(),
  keyHash: sequenceHash(order),
  rubric: { order },
});
export const numeric = (value = 1996, tolerance = 0, id = 'n1', lesson?: string): NumericItem => ({
  ...base(id, lesson),
  kind: 'numeric',
  rubric: { value, tolerance },
});
export const fillIn = (
  accepted = { es: ['tlatelolco', 'tratado de tlatelolco'], en: ['tlatelolco'], zh: ['特拉特洛尔科条约'] },
  id = 'f1',
  lesson?: string,
): FillInItem => ({ ...base(id, lesson), kind: 'fill-in', rubric: { accepted } });

export const quiz = (items: QuizItem[], over: Partial<QuizDefinition> = {}): QuizDefinition => ({
  id: 'final',
  kind: 'final',
  draw: items.length,
  passMark: 0.8,
  attempts: 3,
  grading: 'highest',
  feedback: 'end',
  cbm: false,
  items,
  ...over,
});

/** A bank of `perLesson` items of mixed kinds for each of `lessons` lessons. */
export function bank(lessons: number, perLesson: number): QuizItem[] {
  const items: QuizItem[] = [];
  for (let l = 1; l <= lessons; l++) {
    const lesson = `l${String(l).padStart(2, '0')}`;
    for (let k = 0; k < perLesson; k++) {
      const id = `${lesson}-${k}`;
      const make = [
        () => single('b', ['a', 'b', 'c', 'd'], id, lesson),
        () => multiple(['a', 'c'], ['a', 'b', 'c', 'd', 'e'], id, lesson),
        () => trueFalse(k % 2 === 0, id, lesson),
        () => matching(id, lesson),
        () => sequencing(['c', 'a', 'd', 'b', 'e'], id, lesson),
        () => numeric(2000 + k, 0, id, lesson),
        () => fillIn(undefined, id, lesson),
      ][k % 7]!;
      items.push(make());
    }
  }
  return items;
}

import type { TrueFalseItem, TrueFalsePublic } from '../../../content/quiz-model.ts';

/** True and false are always shown in the same order: nothing to shuffle. */
export function publicTrueFalse(item: Omit<TrueFalseItem, 'rubric'>, _seed: number): TrueFalsePublic {
  return { kind: 'true-false', id: item.id };
}

import type { FillInItem, FillInPublic } from '../../../content/quiz-model.ts';

/** A text input: nothing to shuffle, and the accepted answers stay out of the public form. */
export function publicFillIn(item: Omit<FillInItem, 'rubric'>, _seed: number): FillInPublic {
  return { kind: 'fill-in', id: item.id };
}

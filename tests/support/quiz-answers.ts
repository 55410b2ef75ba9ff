/**
 * Answers to quiz items as a learner would give them, for the tests of the quiz screens (browser)
 * and of the quiz actions (unit).
 */
import type { QuizItem, UserInput } from '../../src/content/quiz-model.ts';

/** The key of an item as the learner would enter it (the English text for fill-in). */
export function keyOf(item: QuizItem): UserInput {
  switch (item.kind) {
    case 'single':
    case 'multiple':
      // One choice id for a single item, the list of them for a multiple one.
      return { selected: item.rubric.correct } as UserInput;
    case 'true-false':
      return { value: item.rubric.correct };
    case 'matching':
      return { pairs: item.rubric.pairs };
    case 'sequencing':
      return { order: item.rubric.order };
    case 'numeric':
      return { value: item.rubric.value };
    case 'fill-in':
      return { text: item.rubric.accepted.en[0]! };
  }
}

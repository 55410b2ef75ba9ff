/** Answer normalisation for fill-in items; defined with the quiz types so the compiler shares it. */
export { FILL_IN_MAX_LENGTH, normalizeAnswer } from '../content/quiz-model.ts';

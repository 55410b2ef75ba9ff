import type { QuizDefinition, QuizItem, QuizKey, QuizStructure } from '../content/quiz-model.ts';

/**
 * Joins a quiz's public structure with its key (loaded only at submit time) into the definition
 * the scorer needs. Throws when the two do not belong together (a stale chunk after a redeploy):
 * scoring against the wrong key would be worse than saying so.
 */
export function withKey(structure: QuizStructure, key: QuizKey): QuizDefinition {
  if (key.id !== structure.id)
    throw new Error(`the key of quiz "${key.id}" does not belong to "${structure.id}"`);
  const items = structure.items.map((item) => {
    if (!Object.hasOwn(key.rubrics, item.id))
      throw new Error(`the key of quiz "${structure.id}" has no answer for item "${item.id}"`);
    const rubric = key.rubrics[item.id]!;
    return { ...item, rubric } as QuizItem;
  });
  return { ...structure, items };
}

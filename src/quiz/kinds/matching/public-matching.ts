import type { MatchingItem, MatchingPublic } from '../../../content/quiz-model.ts';
import { shuffle } from '../../random.ts';

/** Premises in authored order; responses shuffled for this attempt. */
export function publicMatching(item: Omit<MatchingItem, 'rubric'>, seed: number): MatchingPublic {
  return {
    kind: 'matching',
    id: item.id,
    premises: [...item.premises],
    responses: shuffle(item.responses, seed),
  };
}

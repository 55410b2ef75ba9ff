import type { FillInItem, FillInUserInput, Score } from '../../../content/quiz-model.ts';
import { CONTENT_LOCALES } from '../../../content/model.ts';
import { normalizeAnswer } from '../../normalize.ts';
import { validateFillIn } from './validate-fill-in.ts';

/**
 * All or nothing: 1 point when the normalised text equals an accepted answer. Accepted answers
 * of every locale count, so a learner who switches language mid-attempt (or types "OPANAL" in
 * the Chinese course) is not marked wrong for it.
 */
export function scoreFillIn(input: FillInUserInput | null | undefined, item: FillInItem): Score {
  const invalid = validateFillIn(input, item);
  if (invalid) return invalid;
  const text = normalizeAnswer(input!.text);
  const ok = CONTENT_LOCALES.some((l) => (item.rubric.accepted[l] ?? []).some((a) => normalizeAnswer(a) === text));
  return { type: 'points', earned: ok ? 1 : 0, total: 1 };
}

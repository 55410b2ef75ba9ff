import type { ItemPublic, ItemStructure, QuizItem, Score, UserInput } from '../content/quiz-model.ts';
import { fraction } from './grade.ts';
import { deriveSeed } from './random.ts';
import { validateFillIn } from './kinds/fill-in/validate-fill-in.ts';
import { validateMatching } from './kinds/matching/validate-matching.ts';
import { validateMultiple } from './kinds/multiple/validate-multiple.ts';
import { validateNumeric } from './kinds/numeric/validate-numeric.ts';
import { validateSequencing } from './kinds/sequencing/validate-sequencing.ts';
import { validateSingle } from './kinds/single/validate-single.ts';
import { validateTrueFalse } from './kinds/true-false/validate-true-false.ts';
import { scoreFillIn } from './kinds/fill-in/score-fill-in.ts';
import { publicFillIn } from './kinds/fill-in/public-fill-in.ts';
import { scoreMatching } from './kinds/matching/score-matching.ts';
import { publicMatching } from './kinds/matching/public-matching.ts';
import { scoreMultiple } from './kinds/multiple/score-multiple.ts';
import { publicMultiple } from './kinds/multiple/public-multiple.ts';
import { scoreNumeric } from './kinds/numeric/score-numeric.ts';
import { publicNumeric } from './kinds/numeric/public-numeric.ts';
import { scoreSequencing } from './kinds/sequencing/score-sequencing.ts';
import { publicSequencing } from './kinds/sequencing/public-sequencing.ts';
import { scoreSingle } from './kinds/single/score-single.ts';
import { publicSingle } from './kinds/single/public-single.ts';
import { scoreTrueFalse } from './kinds/true-false/score-true-false.ts';
import { publicTrueFalse } from './kinds/true-false/public-true-false.ts';

/**
 * Scores one item. A response of the wrong shape for the item's kind is `invalid`, never a throw:
 * restored state from an LMS is untrusted.
 */
export function scoreItem(item: QuizItem, input: UserInput | null | undefined): Score {
  const i = input as never;
  switch (item.kind) {
    case 'single':
      return scoreSingle(i, item);
    case 'multiple':
      return scoreMultiple(i, item);
    case 'true-false':
      return scoreTrueFalse(i, item);
    case 'matching':
      return scoreMatching(i, item);
    case 'sequencing':
      return scoreSequencing(i, item);
    case 'numeric':
      return scoreNumeric(i, item);
    case 'fill-in':
      return scoreFillIn(i, item);
  }
}

/**
 * What the browser renders for an item in an attempt: ids in display order, no key. The
 * shuffle seed is derived from the attempt seed and the item id.
 */
export function publicItem(item: ItemStructure, attemptSeed: number): ItemPublic {
  const seed = deriveSeed(attemptSeed, `item:${item.id}`);
  switch (item.kind) {
    case 'single':
      return publicSingle(item, seed);
    case 'multiple':
      return publicMultiple(item, seed);
    case 'true-false':
      return publicTrueFalse(item, seed);
    case 'matching':
      return publicMatching(item, seed);
    case 'sequencing':
      return publicSequencing(item, seed);
    case 'numeric':
      return publicNumeric(item, seed);
    case 'fill-in':
      return publicFillIn(item, seed);
  }
}

/**
 * Why a response is incomplete (nothing is marked for it), or null when it can be scored. Needs
 * no key, so the browser can count unanswered items before the key is loaded.
 */
export function validateItem(item: ItemStructure, input: UserInput | null | undefined): string | null {
  const i = input as never;
  const r = (() => {
    switch (item.kind) {
      case 'single':
        return validateSingle(i, item);
      case 'multiple':
        return validateMultiple(i, item);
      case 'true-false':
        return validateTrueFalse(i, item);
      case 'matching':
        return validateMatching(i, item);
      case 'sequencing':
        return validateSequencing(i, item);
      case 'numeric':
        return validateNumeric(i, item);
      case 'fill-in':
        return validateFillIn(i, item);
    }
  })();
  return r ? r.reason : null;
}

export { fraction };

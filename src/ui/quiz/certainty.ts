import type { Certainty, ItemStructure, QuizItem, Score, UserInput } from '../../content/quiz-model.ts';
import {
  CBM_DEFAULT_CERTAINTY,
  CBM_MAX_PER_ITEM,
  CBM_RIGHT,
  CBM_WRONG,
  cbmMarks,
  scoreItem,
  validateItem,
  type AttemptRecord,
  type AttemptResult,
} from '../../quiz/index.ts';
import type { UiLocale } from '../../store/types.ts';
import { formatPercent } from './format.ts';

/**
 * What the quiz screens need for certainty-based marking (CBM), kept apart from React so the
 * scoring path the learner sees is unit-tested: the marks themselves come from src/quiz/cbm.ts.
 */

/** The three certainty levels, in the order they are offered. */
export const CERTAINTIES: readonly Certainty[] = [1, 2, 3];

/** The ui.json key (under `quiz.cbm.levels`) of each level's label, Moodle's wording. */
export const LEVEL_KEY: Record<Certainty, 'low' | 'mid' | 'high'> = { 1: 'low', 2: 'mid', 3: 'high' };

/** The level an item answered without a certainty is marked at ("Not very"). */
export const CBM_DEFAULT_LEVEL: Certainty = CBM_DEFAULT_CERTAINTY;

/** The probability each level's label names: "less than 67 %", "more than 67 %", "more than 80 %". */
export const LEVEL_PERCENT: Record<Certainty, number> = { 1: 0.67, 2: 0.67, 3: 0.8 };

/**
 * A level's label in the interface language, "Fairly (more than 67%)", with the i18next `t` of
 * the caller (the screen's, or a test's).
 */
export function levelLabel(
  t: (key: string, options: { percent: string }) => string,
  c: Certainty,
  ui: UiLocale,
): string {
  return t(`quiz.cbm.levels.${LEVEL_KEY[c]}`, { percent: formatPercent(LEVEL_PERCENT[c], ui) });
}

/** An item's CBM mark, with the certainty it was marked at. */
export interface ItemMarks {
  certainty: Certainty;
  /** True when the learner gave no certainty and the default was used. */
  assumed: boolean;
  /** Negative for a wrong answer stated with certainty 2 or 3. */
  marks: number;
}

/** The CBM mark of a scored item; no certainty counts as the default (Moodle's rule). */
export function itemMarks(score: Score, certainty: Certainty | null | undefined): ItemMarks {
  const c = certainty ?? CBM_DEFAULT_CERTAINTY;
  return { certainty: c, assumed: certainty == null, marks: cbmMarks(score, c) };
}

/** True when Check answer must first ask for a certainty (a CBM quiz, none chosen yet). */
export function needsCertainty(cbm: boolean, certainty: Certainty | null | undefined): boolean {
  return cbm && certainty == null;
}

/** What "Check answer" does with one item. */
export type CheckOutcome =
  { ok: true; score: Score; marks: ItemMarks | null } | { ok: false; missing: 'certainty' };

/**
 * Marks one item for its immediate feedback. In a CBM quiz the certainty is required first (the
 * screen asks for it); otherwise the item's score, and in a CBM quiz its mark.
 */
export function checkItem(
  item: QuizItem,
  response: UserInput | null,
  certainty: Certainty | null | undefined,
  cbm: boolean,
): CheckOutcome {
  if (needsCertainty(cbm, certainty)) return { ok: false, missing: 'certainty' };
  const score = scoreItem(item, response);
  return { ok: true, score, marks: cbm ? itemMarks(score, certainty) : null };
}

/** Per item of a scored attempt, its CBM mark; null when the quiz does not use CBM. */
export function reviewMarks(result: AttemptResult, record: AttemptRecord): ItemMarks[] | null {
  if (!result.cbm) return null;
  return result.scores.map((s, i) => itemMarks(s, record.certainties?.[i]));
}

/** An attempt's CBM total, the most it could have been, and the average per item (at most 3). */
export interface CbmSummary {
  marks: number;
  max: number;
  average: number;
  /** The most an item can earn, the ceiling of `average`. */
  perItemMax: number;
}

export function cbmSummary(result: AttemptResult): CbmSummary | null {
  if (!result.cbm) return null;
  return {
    marks: result.cbm.marks,
    max: result.total * CBM_MAX_PER_ITEM,
    average: result.cbm.average,
    perItemMax: CBM_MAX_PER_ITEM,
  };
}

/**
 * Items with a complete answer but no certainty: submitting marks them at the default level, so
 * the submit confirmation says so. Always 0 outside CBM quizzes.
 */
export function answeredWithoutCertainty(
  items: readonly ItemStructure[],
  record: AttemptRecord,
  cbm: boolean,
): number {
  if (!cbm) return 0;
  return items.filter(
    (it, i) => validateItem(it, record.responses[i]) === null && record.certainties?.[i] == null,
  ).length;
}

/** A mark in the interface language, Latin digits, a true minus sign: "−6", "1.5", "-0,33" → "−0,33". */
export function formatMarks(value: number, ui: UiLocale): string {
  const rounded = Math.round(value * 100) / 100;
  return new Intl.NumberFormat(ui, { maximumFractionDigits: 2, numberingSystem: 'latn' })
    .format(Object.is(rounded, -0) ? 0 : rounded)
    .replace('-', '\u2212');
}

/** The numbers of the scheme line ("a right answer earns 1, 2 or 3 marks, a wrong one 0, −2 or −6"). */
export function schemeValues(ui: UiLocale): Record<'r1' | 'r2' | 'r3' | 'w1' | 'w2' | 'w3', string> {
  const f = (n: number) => formatMarks(n, ui);
  return {
    r1: f(CBM_RIGHT[1]),
    r2: f(CBM_RIGHT[2]),
    r3: f(CBM_RIGHT[3]),
    w1: f(CBM_WRONG[1]),
    w2: f(CBM_WRONG[2]),
    w3: f(CBM_WRONG[3]),
  };
}

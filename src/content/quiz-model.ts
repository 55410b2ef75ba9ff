/**
 * Quiz types shared by the content compiler (which builds them from `quizzes/<quiz-id>.yaml`) and
 * the pure quiz engine in `src/quiz` (which scores them).
 *
 * Naming follows Khan Academy Perseus: for each item kind, `<Kind>Rubric` is the answer key,
 * `<Kind>UserInput` is what the learner gave, and `<Kind>Public` is what the browser renders
 * for one attempt (ids in display order, never the key). The compiler splits each quiz in two:
 * the public part ({@link QuizStructure} + {@link QuizText}: structure, stems and choices) that
 * the browser loads to show the quiz, and the key part ({@link QuizKey}: rubrics and feedback)
 * loaded only when an answer is submitted. Text is keyed by stable ids, so there is ONE answer
 * key whatever the language.
 */
import type { ContentLocale, Inline } from './model.ts';

export const ITEM_KINDS = [
  'single',
  'multiple',
  'true-false',
  'matching',
  'sequencing',
  'numeric',
  'fill-in',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const GRADING_METHODS = ['highest', 'last', 'average'] as const;
/** How the grade of a quiz is taken from its attempts (Moodle's "grading method"). */
export type GradingMethod = (typeof GRADING_METHODS)[number];

/** `formative`: a lesson check, retried freely with feedback at once. `final`: the assessment. */
export type QuizKind = 'formative' | 'final';

/* ------------------------------------------------------------------ */
/* Answer keys                                                         */
/* ------------------------------------------------------------------ */

export interface SingleRubric {
  correct: string;
}
export interface MultipleRubric {
  /** At least one choice id. */
  correct: string[];
}
export interface TrueFalseRubric {
  correct: boolean;
}
export interface MatchingRubric {
  /** Premise id → response id; every premise has exactly one response. */
  pairs: Record<string, string>;
}
export interface SequencingRubric {
  /** Every step id, in the correct order. */
  order: string[];
}
export interface NumericRubric {
  value: number;
  /** Absolute tolerance, ≥ 0: a response within value ± tolerance is right. */
  tolerance: number;
}
export interface FillInRubric {
  /**
   * Accepted answers per locale as authored (the first is shown as the right answer); a typed
   * answer is compared after both are normalised with {@link normalizeAnswer}.
   */
  accepted: Record<ContentLocale, string[]>;
}

/* ------------------------------------------------------------------ */
/* Learner input                                                       */
/* ------------------------------------------------------------------ */

export interface SingleUserInput {
  selected: string;
}
export interface MultipleUserInput {
  selected: string[];
}
export interface TrueFalseUserInput {
  value: boolean;
}
export interface MatchingUserInput {
  /** Premise id → chosen response id; a premise left out is unmatched. */
  pairs: Record<string, string>;
}
export interface SequencingUserInput {
  /** Every step id, in the learner's order. */
  order: string[];
}
export interface NumericUserInput {
  value: number;
}
export interface FillInUserInput {
  text: string;
}

export type UserInput =
  | SingleUserInput
  | MultipleUserInput
  | TrueFalseUserInput
  | MatchingUserInput
  | SequencingUserInput
  | NumericUserInput
  | FillInUserInput;

/* ------------------------------------------------------------------ */
/* Items: structure + key (from quizzes/<quiz-id>.yaml)                 */
/* ------------------------------------------------------------------ */

export interface Choice {
  id: string;
  /** Keeps its authored position when choices are shuffled (e.g. "all of the above"). */
  fixed?: boolean;
}

export interface ItemBase {
  /** Unique across every quiz of the course. */
  id: string;
  /** Lesson id the item assesses. */
  lesson: string;
  /** 1-based index into the lesson's objectives. */
  objective: number;
  /** Report paragraphs the answer rests on, sorted. */
  paragraphs: number[];
}

export interface SingleItem extends ItemBase {
  kind: 'single';
  choices: Choice[];
  rubric: SingleRubric;
}
export interface MultipleItem extends ItemBase {
  kind: 'multiple';
  choices: Choice[];
  rubric: MultipleRubric;
}
export interface TrueFalseItem extends ItemBase {
  kind: 'true-false';
  rubric: TrueFalseRubric;
}
export interface MatchingItem extends ItemBase {
  kind: 'matching';
  /** Premise ids, shown in authored order. */
  premises: string[];
  /** Response ids (may be more than premises: distractors), shown shuffled. */
  responses: string[];
  rubric: MatchingRubric;
}
export interface SequencingItem extends ItemBase {
  kind: 'sequencing';
  /**
   * Step ids in a canonical order that the compiler derives from the ids (never the authored
   * order, which authors tend to write in the right sequence). The key is `rubric.order`.
   */
  steps: string[];
  /**
   * {@link sequenceHash} of the key order: lets the engine avoid showing the steps already in the
   * right order without holding the key before submission.
   */
  keyHash: number;
  rubric: SequencingRubric;
}
export interface NumericItem extends ItemBase {
  kind: 'numeric';
  rubric: NumericRubric;
}
export interface FillInItem extends ItemBase {
  kind: 'fill-in';
  rubric: FillInRubric;
}

export type QuizItem =
  SingleItem | MultipleItem | TrueFalseItem | MatchingItem | SequencingItem | NumericItem | FillInItem;

/** An item without its key: what the public quiz module carries to the browser. */
export type ItemStructure = QuizItem extends infer I
  ? I extends QuizItem
    ? Omit<I, 'rubric'>
    : never
  : never;

export type Rubric = QuizItem['rubric'];

/** Maps a kind to its item, rubric and input types. */
export interface KindMap {
  single: { item: SingleItem; rubric: SingleRubric; input: SingleUserInput; public: SinglePublic };
  multiple: { item: MultipleItem; rubric: MultipleRubric; input: MultipleUserInput; public: MultiplePublic };
  'true-false': {
    item: TrueFalseItem;
    rubric: TrueFalseRubric;
    input: TrueFalseUserInput;
    public: TrueFalsePublic;
  };
  matching: { item: MatchingItem; rubric: MatchingRubric; input: MatchingUserInput; public: MatchingPublic };
  sequencing: {
    item: SequencingItem;
    rubric: SequencingRubric;
    input: SequencingUserInput;
    public: SequencingPublic;
  };
  numeric: { item: NumericItem; rubric: NumericRubric; input: NumericUserInput; public: NumericPublic };
  'fill-in': { item: FillInItem; rubric: FillInRubric; input: FillInUserInput; public: FillInPublic };
}

/* ------------------------------------------------------------------ */
/* What the browser renders: ids and structure, never the key           */
/* ------------------------------------------------------------------ */

interface PublicBase {
  id: string;
}
export interface SinglePublic extends PublicBase {
  kind: 'single';
  /** Choice ids in display order (shuffled per attempt, fixed choices kept in place). */
  choices: string[];
}
export interface MultiplePublic extends PublicBase {
  kind: 'multiple';
  choices: string[];
}
export interface TrueFalsePublic extends PublicBase {
  kind: 'true-false';
}
export interface MatchingPublic extends PublicBase {
  kind: 'matching';
  premises: string[];
  /** Shuffled per attempt. */
  responses: string[];
}
export interface SequencingPublic extends PublicBase {
  kind: 'sequencing';
  /** Shuffled per attempt and never in the correct order (when there are 2+ steps). */
  steps: string[];
}
export interface NumericPublic extends PublicBase {
  kind: 'numeric';
}
export interface FillInPublic extends PublicBase {
  kind: 'fill-in';
}
export type ItemPublic =
  | SinglePublic
  | MultiplePublic
  | TrueFalsePublic
  | MatchingPublic
  | SequencingPublic
  | NumericPublic
  | FillInPublic;

/* ------------------------------------------------------------------ */
/* Text (inline per-locale maps in quizzes/<quiz-id>.yaml)              */
/* ------------------------------------------------------------------ */

/** One item's text in one locale, keyed by the ids of the structure: public, no key. */
export interface ItemText {
  stem: Inline[];
  /** Choice, premise, response and step texts by id. */
  choices: Record<string, Inline[]>;
  /** Numeric items: the unit shown after the input (e.g. "years"); absent when none. */
  unit?: string;
}

/** The public text of a quiz in one locale. */
export interface QuizText {
  title: string;
  items: Record<string, ItemText>;
}

/**
 * Feedback of one item in one locale. It tells the answer, so it travels with the key and is
 * loaded only when the learner submits.
 */
export interface ItemFeedback {
  /** Why the right answer is right, with at least one citation [¶N]. Shown right or wrong. */
  explanation: Inline[];
  /** Optional feedback per choice id (single, multiple): why this choice is or is not right. */
  choices: Record<string, Inline[]>;
}

/* ------------------------------------------------------------------ */
/* Quizzes                                                             */
/* ------------------------------------------------------------------ */

export interface QuizSettings {
  kind: QuizKind;
  /** Formative quizzes: the lesson they check. */
  lesson?: string;
  /** Items per attempt; all items for a formative quiz. */
  draw: number;
  /** Fraction of the total needed to pass, 0–1 (0.8 = 80 %). */
  passMark: number;
  /** Attempts allowed; null = unlimited (formative: retry freely). */
  attempts: number | null;
  grading: GradingMethod;
  /** `immediate`: feedback after each item (formative). `end`: after the attempt is submitted. */
  feedback: 'immediate' | 'end';
  /** Certainty-based marking (Moodle CBM): the learner states certainty 1–3 with each answer. */
  cbm: boolean;
}

export interface QuizDefinition extends QuizSettings {
  /** From the file name: the lesson id for a formative quiz (`04-tpnw`), `final`. */
  id: string;
  items: QuizItem[];
}

/** A quiz without its keys: what the browser loads to show it. */
export interface QuizStructure extends QuizSettings {
  id: string;
  items: ItemStructure[];
}

/** The key part of a quiz in one locale: rubrics by item id, and the feedback that reveals them. */
export interface QuizKey {
  id: string;
  rubrics: Record<string, Rubric>;
  feedback: Record<string, ItemFeedback>;
}

/** A quiz as the compiler emits it: one structure and one key, text and feedback per locale. */
export interface CompiledQuiz {
  definition: QuizDefinition;
  text: Record<ContentLocale, QuizText>;
  feedback: Record<ContentLocale, Record<string, ItemFeedback>>;
}

/** What the app needs about a quiz up front (links from lessons, home), in the course index. */
export interface QuizMeta {
  id: string;
  kind: QuizKind;
  /** Formative quizzes: the lesson they check. */
  lesson?: string;
  /** Items in the bank. */
  items: number;
  /** Items per attempt. */
  draw: number;
  passMark: number;
  attempts: number | null;
  grading: GradingMethod;
  /** Certainty-based marking; optional so an index written by hand stays valid (absent = off). */
  cbm?: boolean;
  titles: Record<ContentLocale, string>;
}

/** Per-quiz counts for `npm run check`: items by kind and by lesson, bank size and draw. */
export interface QuizStats {
  id: string;
  kind: QuizKind;
  items: number;
  draw: number;
  byKind: Partial<Record<ItemKind, number>>;
  byLesson: Record<string, number>;
}

/* ------------------------------------------------------------------ */
/* Scores                                                              */
/* ------------------------------------------------------------------ */

/** Perseus-style: `invalid` is an incomplete answer (nothing is marked), not a wrong one. */
export type Score = { type: 'invalid'; reason: string } | { type: 'points'; earned: number; total: number };

/** Certainty-based marking: 1 = not sure, 2 = fairly sure, 3 = very sure. */
export type Certainty = 1 | 2 | 3;

/**
 * Normalises typed answers before they are compared: Unicode NFKC (full-width "ＯＰＡＮＡＬ" and
 * "１５４０" become "OPANAL" and "1540"), case-fold, collapse whitespace, trim, strip trailing
 * punctuation (".", "。", "》" …) and leading quotes or brackets ("《", "«", '"'), so
 * "《特拉特洛尔科条约》" and "特拉特洛尔科条约" are the same answer. It lives here, not in
 * src/quiz, because the compiler checks accepted answers with it and must not import the engine.
 */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\p{P}\p{S}\s]+$/u, '')
    .replace(/^[\p{Ps}\p{Pi}\p{Pf}"'\s]+/u, '');
}

/** FNV-1a hash of a string, 32-bit unsigned (shared by the compiler and the engine's seeds). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hash of a step order, for {@link SequencingItem.keyHash}. */
export function sequenceHash(order: readonly string[]): number {
  return hashString(order.join('\n'));
}

/** The longest fill-in answer kept, in characters: the input's maxlength and the stored length. */
export const FILL_IN_MAX_LENGTH = 30;

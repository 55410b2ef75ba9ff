import type { QuizItem, UserInput } from '../content/quiz-model.ts';
import type { InteractionReport, InteractionType, ScoreReport, SuccessStatus } from '../tracking/adapter.ts';
import { fraction } from '../quiz/grade.ts';
import type { LogOutcome } from '../quiz/log-codec.ts';
import type { QuizSubmission } from './quiz-slice.ts';

/**
 * Turns quiz results into what the LMS adapter writes. Pass/fail and the grade come from
 * src/quiz (logOutcome); this only formats them. Used by the tracking bridge, the one caller of
 * the adapter.
 */

const TYPE: Record<QuizItem['kind'], InteractionType> = {
  single: 'choice',
  multiple: 'choice',
  'true-false': 'true-false',
  matching: 'matching',
  sequencing: 'sequencing',
  numeric: 'numeric',
  'fill-in': 'fill-in',
};

/** Response tokens, version-neutral (adapters format them): ids, `premise.response`, numbers, text. */
function tokens(item: QuizItem, input: UserInput | null): string[] {
  if (!input) return [];
  const v = input as unknown as Record<string, unknown>;
  switch (item.kind) {
    case 'single':
      return [v.selected as string];
    case 'multiple':
      return [...(v.selected as string[])];
    case 'true-false':
      return [v.value ? 'true' : 'false'];
    case 'matching':
      return item.premises.flatMap((p) => {
        const r = (v.pairs as Record<string, string>)[p];
        return r ? [`${p}.${r}`] : [];
      });
    case 'sequencing':
      return [...(v.order as string[])];
    case 'numeric':
      return [String(v.value as number)];
    case 'fill-in':
      return [v.text as string];
  }
}

function correctTokens(item: QuizItem): string[] {
  switch (item.kind) {
    case 'single':
      return [item.rubric.correct];
    case 'multiple':
      return [...item.rubric.correct];
    case 'true-false':
      return [item.rubric.correct ? 'true' : 'false'];
    case 'matching':
      return item.premises.map((p) => `${p}.${item.rubric.pairs[p]}`);
    case 'sequencing':
      return [...item.rubric.order];
    case 'numeric':
      return [String(item.rubric.value)];
    case 'fill-in':
      return item.rubric.accepted.en.slice(0, 1);
  }
}

/** Every id a token of the item can use, in authored order: SCORM 1.2 spells each as one character. */
function idsOf(item: QuizItem): string[] | undefined {
  switch (item.kind) {
    case 'single':
    case 'multiple':
      return item.choices.map((c) => c.id);
    case 'matching':
      return [...item.premises, ...item.responses];
    case 'sequencing':
      return [...item.steps];
    default:
      return undefined;
  }
}

/**
 * One interaction per answered item of a submission (cmi.interactions.n.*), with the item's
 * position in the attempt (unanswered items leave their position unused).
 */
export function interactionsOf(s: QuizSubmission): { position: number; report: InteractionReport }[] {
  const out: { position: number; report: InteractionReport }[] = [];
  s.items.forEach((item, i) => {
    const input = s.record.responses[i] ?? null;
    if (input === null) return;
    const f = fraction(s.result.scores[i]!);
    out.push({
      position: i,
      report: {
        id: `${s.quizId}-${item.id}`,
        type: TYPE[item.kind],
        ...(idsOf(item) ? { ids: idsOf(item)! } : {}),
        learnerResponse: tokens(item, input),
        correctResponse: correctTokens(item),
        // Partial credit (multiple, matching, sequencing) goes to the LMS as the fraction earned.
        result: f >= 1 ? 'correct' : f <= 0 ? 'incorrect' : Math.round(f * 10000) / 10000,
        weighting: 1,
        latencyMs: s.latencies[i] ?? 0,
        timestamp: s.at,
      },
    });
  });
  return out;
}

/**
 * Where the interactions of attempt n start (cmi.interactions is append-only): attempts of the
 * final assessment never overwrite one another.
 */
export function interactionOffset(attempt: number, draw: number): number {
  return (attempt - 1) * draw;
}

/** The course score: the final assessment's grade (cmi.score.*, cmi.core.score.*). */
export function scoreReport(outcome: LogOutcome): ScoreReport | null {
  if (outcome.grade === null) return null;
  const raw = Math.round(outcome.grade * 1000) / 10;
  return { raw, min: 0, max: 100, scaled: Math.round(outcome.grade * 1000) / 1000 };
}

/** cmi.success_status: passed once the grade reaches the pass mark, failed while it does not. */
export function successOf(outcome: LogOutcome): SuccessStatus {
  if (outcome.attemptsUsed === 0) return 'unknown';
  return outcome.passed ? 'passed' : 'failed';
}

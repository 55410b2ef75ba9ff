import { index, quizKeyLoaders, quizLoaders } from 'virtual:course';
import type { ItemMeta } from '../analytics/statistics.ts';
import type { ContentLocale, Inline } from '../content/model.ts';
import type { ItemFeedback, ItemStructure, QuizMeta, Rubric } from '../content/quiz-model.ts';

/** An item of the course's question bank, with what the instructor views show about it. */
export interface BankItem extends ItemMeta {
  quiz: QuizMeta;
  structure: ItemStructure;
  rubric: Rubric | undefined;
  stem: Inline[];
  /** Choice, premise, response and step texts by id. */
  texts: Record<string, Inline[]>;
  unit?: string;
  feedback: ItemFeedback | undefined;
}

export interface Bank {
  locale: ContentLocale;
  quizzes: readonly QuizMeta[];
  items: BankItem[];
  byId: Map<string, BankItem>;
  meta: Map<string, ItemMeta>;
}

/** Response tokens of the key, as the analysis splits responses (see responseOptions). */
export function keyTokens(item: ItemStructure, rubric: Rubric | undefined): string[] | undefined {
  if (!rubric) return undefined;
  switch (item.kind) {
    case 'single':
      return [(rubric as { correct: string }).correct];
    case 'multiple':
      return [...(rubric as { correct: string[] }).correct];
    case 'true-false':
      return [(rubric as { correct: boolean }).correct ? 'true' : 'false'];
    case 'matching': {
      const pairs = (rubric as { pairs: Record<string, string> }).pairs;
      return item.premises.map((p) => `${p}.${pairs[p]}`);
    }
    default:
      return undefined;
  }
}

const cache = new Map<ContentLocale, Promise<Bank>>();

/**
 * Every quiz of the course in one content locale: structure, text and key. For the instructor
 * only (results, facilitator guide, export): the learner's quiz loads its key on submission.
 */
export function loadBank(locale: ContentLocale): Promise<Bank> {
  let p = cache.get(locale);
  if (!p) {
    p = build(locale);
    cache.set(locale, p);
    p.catch(() => cache.delete(locale));
  }
  return p;
}

async function build(locale: ContentLocale): Promise<Bank> {
  const quizzes = index.quizzes ?? [];
  const loaded = await Promise.all(
    quizzes.map(async (q) => {
      const pub = quizLoaders[`${q.id}/${locale}`];
      const key = quizKeyLoaders[`${q.id}/${locale}`];
      if (!pub) throw new Error(`Quiz ${q.id}/${locale} is missing from the build`);
      const [{ default: shown }, keyed] = await Promise.all([pub(), key ? key() : Promise.resolve(null)]);
      return { q, shown, key: keyed?.default ?? null };
    }),
  );
  const items: BankItem[] = [];
  for (const { q, shown, key } of loaded) {
    for (const s of shown.structure.items) {
      const text = shown.text.items[s.id];
      const rubric = key?.rubrics[s.id];
      const choices = s.kind === 'single' || s.kind === 'multiple' ? s.choices.map((c) => c.id) : s.kind === 'true-false' ? ['true', 'false'] : undefined;
      const tokens = keyTokens(s, rubric);
      items.push({
        id: s.id,
        lesson: s.lesson,
        objective: s.objective,
        kind: s.kind,
        ...(choices ? { choices } : {}),
        ...(tokens ? { key: tokens } : {}),
        quiz: q,
        structure: s,
        rubric,
        stem: text?.stem ?? [],
        texts: text?.choices ?? {},
        ...(text?.unit ? { unit: text.unit } : {}),
        feedback: key?.feedback[s.id],
      });
    }
  }
  return {
    locale,
    quizzes,
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    meta: new Map(items.map((i): [string, ItemMeta] => [i.id, { id: i.id, lesson: i.lesson, objective: i.objective, kind: i.kind, ...(i.choices ? { choices: i.choices } : {}), ...(i.key ? { key: i.key } : {}) }])),
  };
}

/**
 * The compiled answer key of a quiz, for gates that must pass a quiz to reach what comes after
 * (the certificate): which page control belongs to which item, and the right answer to give.
 */
import type { ContentLocale, Inline } from '../../src/content/model.ts';
import { CONTENT_FALLBACKS } from '../../src/course-config.ts';
import type { UiLocale } from '../../src/store/types.ts';
import type { QuizItem } from '../../src/content/quiz-model.ts';
import { inlinePlainText } from '../../src/content/inline-text.ts';
import { course } from './gate-helpers.ts';
import type { Surface } from './quiz-driver.ts';

/** Text as the page shows it, without citation labels (rendered as buttons, not text). */
export const norm = (s: string) =>
  s
    .replace(/\[?¶[\d–-]+\]?/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The text of inline nodes, citations left out. */
export const plain = (nodes: Inline[]): string => inlinePlainText(nodes, () => ' ');

export interface QuizKey {
  items: Map<string, QuizItem>;
  /** A choice's (or step's) text in the quiz's language, normalised as `norm` does. */
  choiceText: (itemId: string, choiceId: string) => string;
  /** The language the quiz is shown in. */
  locale: ContentLocale;
}

/** The key of `quizId`, with its text in the language a learner with UI locale `ui` sees it in. */
export function quizKey(quizId: string, ui: UiLocale = 'en'): QuizKey {
  const locale = CONTENT_FALLBACKS[ui][0]!;
  const compiled = course().quizzes.find((q) => q.definition.id === quizId);
  if (!compiled) throw new Error(`no compiled quiz ${quizId}`);
  const items = new Map(compiled.definition.items.map((i) => [i.id, i] as const));
  const text = compiled.text[locale];
  return {
    items,
    locale,
    choiceText: (itemId, choiceId) => norm(plain(text.items[itemId]?.choices[choiceId] ?? [])),
  };
}

/** The item whose control ids or names (`q-<item id>…`) are among `refs`; the longest id wins. */
export function itemFor(refs: string[], items: Map<string, QuizItem>): QuizItem {
  let best: QuizItem | undefined;
  for (const [id, item] of items) {
    if (
      refs.some((r) => r === `q-${id}` || r.startsWith(`q-${id}-`)) &&
      (!best || id.length > best.id.length)
    )
      best = item;
  }
  if (!best) throw new Error(`cannot tell which item these controls belong to (${refs.join(', ')})`);
  return best;
}

/**
 * Answers every item of the open attempt as the key says, with clicks and typing (not the
 * keyboard journey: a quick way to a passed quiz).
 */
export async function answerCorrectly(page: Surface, quizId: string, ui: UiLocale = 'en'): Promise<void> {
  const { items, choiceText, locale } = quizKey(quizId, ui);
  const lis = page.locator('form.quiz-form li.quiz-item');
  const n = await lis.count();
  for (let i = 0; i < n; i++) {
    const li = lis.nth(i);
    const refs = await li.evaluate((el) =>
      Array.from(el.querySelectorAll('[name^="q-"], [id^="q-"]')).map((e) => e.getAttribute('name') ?? e.id),
    );
    const item = itemFor(refs, items);
    switch (item.kind) {
      case 'single':
        await li.locator(`input[type="radio"][value="${item.rubric.correct}"]`).check();
        break;
      case 'true-false':
        await li.locator(`input[type="radio"][value="${String(item.rubric.correct)}"]`).check();
        break;
      case 'multiple':
        for (const box of await li.locator('input[type="checkbox"]').all()) {
          await box.setChecked(item.rubric.correct.includes((await box.getAttribute('value')) ?? ''));
        }
        break;
      case 'matching':
        for (const [premise, response] of Object.entries(item.rubric.pairs)) {
          await li.locator(`select[id="q-${item.id}-${premise}"]`).selectOption(response);
        }
        break;
      case 'numeric':
        await li
          .locator('input[inputmode="decimal"], input[type="number"]')
          .first()
          .fill(String(item.rubric.value));
        break;
      case 'fill-in':
        await li.locator('input[type="text"]').first().fill(item.rubric.accepted[locale][0]!);
        break;
      case 'sequencing': {
        const target = item.rubric.order.map((id) => choiceText(item.id, id));
        for (let pos = 0; pos < target.length; pos++) {
          const steps = (await li.locator('.quiz-step').allTextContents()).map(norm);
          const from = steps.indexOf(target[pos]!);
          if (from < 0) throw new Error(`step "${target[pos]}" of ${item.id} is not on the page`);
          for (let k = from; k > pos; k--)
            await li
              .locator('.quiz-move')
              .nth(2 * k)
              .click();
        }
        break;
      }
    }
    // Certainty-based marking: "How sure are you?" — the most sure, when the item asks.
    const certain = li.locator('input[type="radio"][name^="cbm-"]');
    if ((await certain.count()) > 0) await certain.last().check();
  }
}

/**
 * Drives the quiz UI (#/quiz/:id, #/assessment) the way a learner would, for the gates that
 * check every widget state: start an attempt, answer every item with whatever control its kind
 * renders, check one answer (formative), submit and reach the review.
 */
import type { Frame, Page } from 'playwright-core';

/** A page, or the frame an LMS runs the course in. */
export type Surface = Page | Frame;

/** True when the page shows a quiz (intro, attempt or results), not a not-found page. */
export async function isQuiz(page: Surface): Promise<boolean> {
  return (await page.locator('article.quiz').count()) > 0;
}

async function requireQuiz(page: Surface, route: string): Promise<void> {
  if (!(await isQuiz(page))) {
    throw new Error(`#${route} is in the router but shows no quiz (is its quizzes/<id>.yaml written?)`);
  }
}

/** Makes sure an attempt is open: from the intro or the results screen, presses the primary button. */
export async function ensureAttempt(page: Surface, route: string): Promise<void> {
  await requireQuiz(page, route);
  if ((await page.locator('form.quiz-form').count()) > 0) return;
  await page.locator('.quiz-intro button.button.primary, .quiz-actions button.button.primary').first().click();
  await page.locator('form.quiz-form').waitFor();
}

/**
 * Answers every item of the open attempt, by the control each kind renders. Returns the item
 * count. `fillIn` is typed into fill-in items (numeric items get `1`). In a quiz with
 * certainty-based marking, every item also gets certainty `certainty` (default 3, "Very", so a
 * wrong answer shows its penalty).
 */
export async function answerAll(
  page: Surface,
  opts: { fillIn?: string; certainty?: 1 | 2 | 3 } = {},
): Promise<number> {
  const items = page.locator('form.quiz-form li.quiz-item');
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    const item = items.nth(i);
    const radios = item.locator('input[type="radio"]:not([name^="cbm-"])');
    if ((await radios.count()) > 0) await radios.first().check();
    const certainty = item.locator('input[type="radio"][name^="cbm-"]');
    if ((await certainty.count()) > 0) await certainty.nth((opts.certainty ?? 3) - 1).check();
    const boxes = item.locator('input[type="checkbox"]');
    if ((await boxes.count()) > 0) await boxes.first().check();
    const selects = item.locator('select');
    for (let s = 0; s < (await selects.count()); s++) await selects.nth(s).selectOption({ index: 1 });
    const numbers = item.locator('input[inputmode="decimal"], input[type="number"]');
    for (let s = 0; s < (await numbers.count()); s++) await numbers.nth(s).fill('1');
    const texts = item.locator('input[type="text"]:not([inputmode="decimal"]), input:not([type])');
    for (let s = 0; s < (await texts.count()); s++) await texts.nth(s).fill(opts.fillIn ?? '1');
    const move = item.locator('button.quiz-move:not([aria-disabled="true"])');
    if ((await move.count()) > 0) await move.first().click();
  }
  const progress = (await page.locator('.quiz-progress').textContent()) ?? '';
  const numbers = (progress.match(/\d+/g) ?? []).map(Number);
  if (numbers.length >= 2 && numbers[0] !== numbers[1]) {
    throw new Error(`answered every item but the quiz says "${progress}": a widget the driver does not know?`);
  }
  return n;
}

/** Formative quizzes: presses the first item's Check button and waits for its verdict. */
export async function checkFirst(page: Surface): Promise<boolean> {
  const check = page.locator('form.quiz-form .quiz-check button').first();
  if ((await check.count()) === 0) return false;
  await check.click();
  await page.locator('form.quiz-form .quiz-feedback-region .quiz-verdict').first().waitFor();
  return true;
}

/** Submits the open attempt (confirming if asked) and waits for the review. */
export async function submit(page: Surface): Promise<void> {
  const button = page.locator('form.quiz-form button[type="submit"]');
  await button.click();
  if ((await page.locator('.quiz-confirm').count()) > 0) await button.click();
  await page.locator('.quiz-results .quiz-review').waitFor();
}

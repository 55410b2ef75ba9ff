import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { QuizItem } from '../../src/content/quiz-model.ts';
import { axe, describeViolations, newLearner, open, pageErrors } from './helpers.ts';
import { answerAll, checkFirst, ensureAttempt, submit } from './quiz-driver.ts';
import { browserForFile, quizDefinition, shots } from './quiz-suite.ts';

/**
 * Certainty-based marking in the lesson 08 check (the quiz with `cbm: true`): a learner answers
 * by keyboard, is asked how sure they are before an answer is checked, sees the marks (negative
 * for a confident mistake), finds their certainties again after a reload, and reads the total.
 */
const QUIZ = '08-transparency-reporting';
const ROUTE = `/quiz/${QUIZ}`;
const check08 = quizDefinition(QUIZ);
const browser = browserForFile();

const itemOf = (kind: QuizItem['kind']) => check08.items.find((i) => i.kind === kind)!;

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return { name: el?.name ?? '', value: el?.value ?? '', checked: Boolean(el?.checked) };
  });

/** In a focused radio group, moves with the arrow keys to `value` and selects it. */
async function pickRadio(page: Page, value: string): Promise<void> {
  for (let k = 0; k < 12 && (await focused(page)).value !== value; k++)
    await page.keyboard.press('ArrowDown');
  if (!(await focused(page)).checked) await page.keyboard.press('Space');
  expect(await focused(page)).toMatchObject({ value, checked: true });
}

const item = (page: Page, id: string) => page.locator(`form.quiz-form li.quiz-item[data-item="${id}"]`);
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Tabs to the item's Check answer button, presses Enter and returns its verdict's text. */
async function checkByKeyboard(page: Page, id: string): Promise<string> {
  await tabTo(page, `li.quiz-item[data-item="${id}"] .quiz-check button`);
  await page.keyboard.press('Enter');
  await item(page, id).locator('.quiz-verdict').waitFor();
  return text(page, `li.quiz-item[data-item="${id}"] .quiz-verdict`);
}

describe('certainty-based marking, by keyboard alone', () => {
  it('asks how sure you are before checking, marks 3 and −2, restores certainties after a reload and totals the marks', async () => {
    const single = itemOf('single');
    const trueFalse = itemOf('true-false');
    const numeric = itemOf('numeric');
    if (single.kind !== 'single' || trueFalse.kind !== 'true-false' || numeric.kind !== 'numeric')
      throw new Error(`${QUIZ} no longer has a single, a true-false and a numeric item`);
    const { context, page } = await newLearner(browser());
    await open(page, ROUTE);
    const scheme =
      'Certainty-based marking: a right answer earns 1, 2 or 3 marks and a wrong one 0, −2 or −6, when you are not very, fairly or very sure.';
    await expect(text(page, '.quiz-intro .quiz-facts')).resolves.toContain(scheme);

    await tabTo(page, '.quiz-intro button.primary');
    await page.keyboard.press('Enter');
    await page.locator('form.quiz-form').waitFor();
    await expect(text(page, 'form.quiz-form .quiz-cbm-scheme')).resolves.toBe(scheme);
    const ids = await page.$$eval('form.quiz-form li.quiz-item', (lis) =>
      lis.map((li) => li.getAttribute('data-item')!),
    );
    expect(ids).toHaveLength(check08.items.length);
    // Every item asks, with Moodle's three levels, in a fieldset of its own.
    expect(await page.locator('fieldset.quiz-certainty').count()).toBe(ids.length);
    await expect(
      page.locator('fieldset.quiz-certainty').first().locator('legend').textContent(),
    ).resolves.toBe('How sure are you?');
    await expect(
      page.locator('fieldset.quiz-certainty').first().locator('label').allTextContents(),
    ).resolves.toEqual(['Not very (less than 67%)', 'Fairly (more than 67%)', 'Very (more than 80%)']);

    // Item by item in the order shown: the single (right, "Very"), the true-false (wrong,
    // "Fairly") and the numeric (right, no certainty given).
    const targets = [single.id, trueFalse.id, numeric.id].sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
    for (const id of targets) {
      if (id === single.id) {
        await tabTo(page, `input[name="q-${id}"]`);
        await pickRadio(page, single.rubric.correct);
        // Check before saying how sure: nothing is marked, the group says why and takes focus.
        await tabTo(page, `li.quiz-item[data-item="${id}"] .quiz-check button`);
        await page.keyboard.press('Enter');
        await page.locator(`#cbm-${id}-error`).waitFor();
        expect(await focused(page)).toMatchObject({ name: `cbm-${id}`, value: '1', checked: false });
        await expect(text(page, `#cbm-${id}-error`)).resolves.toBe(
          'Choose how sure you are before checking your answer.',
        );
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'))).toBe(
          `cbm-${id}-error`,
        );
        expect(await item(page, id).locator('.quiz-verdict').count()).toBe(0);
        await page.screenshot({ path: path.join(shots, 'en-cbm-certainty-required.png'), fullPage: true });
        const violations = await axe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        await pickRadio(page, '3');
        await expect(page.locator(`#cbm-${id}-error`).count()).resolves.toBe(0);
        const verdict = await checkByKeyboard(page, id);
        expect(verdict).toContain('Correct');
        expect(verdict).toContain('Your certainty: Very (more than 80%). Mark: 3');
      } else if (id === trueFalse.id) {
        await tabTo(page, `input[name="q-${id}"]`);
        await pickRadio(page, String(!trueFalse.rubric.correct));
        await tabTo(page, `input[name="cbm-${id}"]`);
        await pickRadio(page, '2');
        const verdict = await checkByKeyboard(page, id);
        expect(verdict).toContain('Incorrect');
        expect(verdict).toContain('Your certainty: Fairly (more than 67%). Mark: −2');
        await expect(item(page, id).locator('.quiz-cbm-mark.is-negative').count()).resolves.toBe(1);
      } else {
        await tabTo(page, `li.quiz-item[data-item="${id}"] input[type="text"]`);
        await page.keyboard.type(String(numeric.rubric.value));
      }
    }
    await page.screenshot({ path: path.join(shots, 'en-cbm-checked.png'), fullPage: true });

    // A reload (the learner comes back later): answers and certainties are still there.
    await page.reload();
    await open(page, ROUTE);
    await page.locator('form.quiz-form').waitFor();
    const checkedLevel = (id: string) =>
      page.$eval(
        `form.quiz-form`,
        (f, n) => (f.querySelector(`input[name="${n}"]:checked`) as HTMLInputElement | null)?.value ?? null,
        `cbm-${id}`,
      );
    await expect(checkedLevel(single.id)).resolves.toBe('3');
    await expect(checkedLevel(trueFalse.id)).resolves.toBe('2');
    await expect(checkedLevel(numeric.id)).resolves.toBeNull();
    await expect(
      page.$eval(`input[name="q-${single.id}"]:checked`, (e) => (e as HTMLInputElement).value),
    ).resolves.toBe(single.rubric.correct);

    // Submit: the confirmation names the unanswered items and the one with no certainty.
    await tabTo(page, 'form.quiz-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('.quiz-confirm').waitFor();
    const unanswered = ids.length - 3;
    await expect(text(page, '.quiz-confirm')).resolves.toContain(
      `Unanswered questions: ${unanswered}. They will count as wrong if you submit now.`,
    );
    await expect(text(page, '.quiz-confirm')).resolves.toContain(
      'Questions answered without saying how sure you are: 1. They will be marked as “Not very (less than 67%)”.',
    );
    await tabTo(page, 'form.quiz-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('.quiz-results .quiz-review').waitFor();

    // 3 (right, very) − 2 (wrong, fairly) + 1 (right, assumed not very) + 0 per unanswered item.
    const max = 3 * ids.length;
    const average = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(2 / ids.length);
    await expect(text(page, '.quiz-results .quiz-cbm-total')).resolves.toBe(
      `Certainty-based marks: 2 of ${max}, an average of ${average} per question (at most 3).`,
    );
    await expect(text(page, '.quiz-results .quiz-cbm-summary .quiz-cbm-scheme')).resolves.toBe(scheme);
    const review = (id: string) => text(page, `.quiz-review-item[data-item="${id}"] .quiz-cbm-mark`);
    await expect(review(single.id)).resolves.toBe('Your certainty: Very (more than 80%). Mark: 3');
    await expect(review(trueFalse.id)).resolves.toBe('Your certainty: Fairly (more than 67%). Mark: −2');
    await expect(review(numeric.id)).resolves.toBe(
      'No certainty chosen, so “Not very (less than 67%)” was assumed. Mark: 1',
    );
    const other = ids.find((id) => !targets.includes(id))!;
    // Neither answered nor rated: the mark alone.
    await expect(review(other)).resolves.toBe('Mark: 0');
    await page.screenshot({ path: path.join(shots, 'en-cbm-results.png'), fullPage: true });
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('certainty-based marking in Arabic', () => {
  it('lays the certainty group out right to left, in the interface language, and passes axe in every state', async () => {
    const { context, page } = await newLearner(browser(), { locale: 'ar' });
    await open(page, ROUTE);
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await ensureAttempt(page, ROUTE);
    const group = page.locator('fieldset.quiz-certainty').first();
    await expect(group.getAttribute('lang')).resolves.toBe('ar');
    await expect(group.getAttribute('dir')).resolves.toBe('rtl');
    await expect(group.locator('legend').textContent()).resolves.toBe('ما مدى ثقتك؟');
    // The first level sits on the right.
    const [first, last] = await group
      .locator('label')
      .evaluateAll((ls) => [ls[0]!.getBoundingClientRect().x, ls[2]!.getBoundingClientRect().x]);
    expect(first!).toBeGreaterThan(last!);
    await answerAll(page, { certainty: 3 });
    await checkFirst(page);
    await page.screenshot({ path: path.join(shots, 'ar-cbm-checked.png'), fullPage: true });
    const mark = page.locator('form.quiz-form .quiz-cbm-mark').first();
    await expect(mark.getAttribute('dir')).resolves.toBe('rtl');
    await expect(mark.textContent()).resolves.toContain('درجة ثقتك: عالية');
    let violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await submit(page);
    await expect(page.locator('.quiz-results .quiz-cbm-total').textContent()).resolves.toMatch(
      /^العلامات حسب درجة الثقة: /,
    );
    await page.screenshot({ path: path.join(shots, 'ar-cbm-results.png'), fullPage: true });
    violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

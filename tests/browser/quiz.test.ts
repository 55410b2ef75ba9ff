import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { QuizDefinition, UserInput } from '../../src/content/quiz-model.ts';
import { keyOf } from '../support/quiz-answers.ts';
import { course } from './gate-helpers.ts';
import { axe, describeViolations, newLearner, open, pageErrors } from './helpers.ts';
import { answerAll, checkFirst, ensureAttempt, submit } from './quiz-driver.ts';
import { browserForFile, quizDefinition, shots } from './quiz-suite.ts';

const final = quizDefinition('final');
const check01 = quizDefinition('01-mexico-report');
const browser = browserForFile();

interface Focus {
  tag: string;
  type: string;
  value: string;
  checked: boolean;
  id: string;
  item: string | null;
  isMove: boolean;
  isSubmit: boolean;
  selectedIndex: number;
  options: string[];
}

const focused = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement & HTMLSelectElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: el?.type ?? '',
      value: el?.value ?? '',
      checked: Boolean(el?.checked),
      id: el?.id ?? '',
      item: el?.closest('li.quiz-item')?.getAttribute('data-item') ?? null,
      isMove: Boolean(el?.classList?.contains('quiz-move')),
      isSubmit: el?.matches?.('form.quiz-form button[type="submit"]') ?? false,
      selectedIndex: el?.tagName === 'SELECT' ? el.selectedIndex : -1,
      options: el?.tagName === 'SELECT' ? [...el.options].map((o) => o.value) : [],
    };
  });

/** Presses Tab until `pred` holds for the focused element; fails after `max` presses. */
async function tabTo(
  page: Page,
  pred: (f: Focus) => boolean | Promise<boolean>,
  what: string,
  max = 80,
): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (await pred(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Orders a sequencing item with its Move buttons, by keyboard: a selection sort, one Enter per step moved. */
async function orderByKeyboard(page: Page, itemId: string, target: string[]): Promise<void> {
  const order = () =>
    page.$$eval(`li.quiz-item[data-item="${itemId}"] .quiz-sequence > li`, (lis) =>
      lis.map((li) => li.getAttribute('data-step')!),
    );
  const focusIndex = () =>
    page.evaluate((id) => {
      const buttons = [...document.querySelectorAll(`li.quiz-item[data-item="${id}"] button.quiz-move`)];
      return buttons.indexOf(document.activeElement as Element);
    }, itemId);
  for (let p = 0; p < target.length; p++) {
    const j = (await order()).indexOf(target[p]!);
    if (j === p) continue;
    // Buttons run up, down for each step: the up button of step j is the 2j-th.
    let f = await focusIndex();
    while (f !== 2 * j) {
      await page.keyboard.press(f < 2 * j ? 'Tab' : 'Shift+Tab');
      f = await focusIndex();
    }
    for (let k = j; k > p; k--) await page.keyboard.press('Enter');
    expect((await order())[p]).toBe(target[p]);
  }
  expect(await order()).toEqual(target);
}

/**
 * Answers the open attempt by keyboard alone, item by item as Tab reaches them: `answers` maps
 * item ids to the response to give (missing = leave unanswered). Ends on the submit button.
 */
async function answerByKeyboard(
  page: Page,
  quiz: QuizDefinition,
  answers: Map<string, UserInput>,
): Promise<void> {
  const done = new Set<string>();
  for (let presses = 0; presses < 600; presses++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.isSubmit) return;
    if (!f.item) continue;
    const item = quiz.items.find((i) => i.id === f.item)!;
    const want = answers.get(item.id) as Record<string, unknown> | undefined;
    if (!want) continue;
    if (f.tag === 'input' && f.type === 'radio') {
      const target = item.kind === 'true-false' ? String(want.value) : (want.selected as string);
      let cur = f;
      for (let k = 0; k < 12 && cur.value !== target; k++) {
        await page.keyboard.press('ArrowDown');
        cur = await focused(page);
      }
      if (!cur.checked) await page.keyboard.press('Space');
      expect(await focused(page)).toMatchObject({ value: target, checked: true });
    } else if (f.tag === 'input' && f.type === 'checkbox') {
      if ((want.selected as string[]).includes(f.value) !== f.checked) await page.keyboard.press('Space');
    } else if (f.tag === 'select') {
      const premise = f.id.slice(`q-${item.id}-`.length);
      const target = f.options.indexOf((want.pairs as Record<string, string>)[premise]!);
      for (let k = f.selectedIndex; k < target; k++) await page.keyboard.press('ArrowDown');
      for (let k = f.selectedIndex; k > target; k--) await page.keyboard.press('ArrowUp');
      expect((await focused(page)).selectedIndex).toBe(target);
    } else if (f.tag === 'input' && f.type === 'text') {
      await page.keyboard.type(item.kind === 'numeric' ? String(want.value) : (want.text as string));
    } else if (f.isMove && !done.has(item.id)) {
      await orderByKeyboard(page, item.id, want.order as string[]);
      done.add(item.id);
    }
  }
  throw new Error('Tab never reached the submit button');
}

/** Submits from the focused submit button by keyboard, confirming past unanswered items. */
async function submitByKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  const confirm = page.locator('.quiz-confirm');
  if (await confirm.isVisible().catch(() => false)) {
    expect(await page.evaluate(() => document.activeElement?.classList.contains('quiz-confirm'))).toBe(true);
    await tabTo(page, (f) => f.isSubmit, 'the submit button');
    await page.keyboard.press('Enter');
  }
  await page.locator('.quiz-results .quiz-review').waitFor();
}

const drawnIds = (page: Page) =>
  page.$$eval('form.quiz-form li.quiz-item', (lis) => lis.map((li) => li.getAttribute('data-item')!));

/** Tabs to the primary button of `scope`: `.quiz-intro` (Start) or `.quiz-actions` (the next attempt). */
const tabToPrimary = (page: Page, scope: '.quiz-intro' | '.quiz-actions', what: string) =>
  tabTo(
    page,
    async () => page.evaluate((s) => document.activeElement?.matches(`${s} button.primary`) ?? false, scope),
    what,
  );

/** Presses Enter on the focused start button; returns the ids of the items drawn, in page order. */
async function startAttempt(page: Page): Promise<string[]> {
  await page.keyboard.press('Enter');
  await page.locator('form.quiz-form').waitFor();
  return drawnIds(page);
}

/** The right answer to each of the items `ids` of `quiz`, by item id. */
const keysFor = (quiz: QuizDefinition, ids: string[]) =>
  new Map(ids.map((id) => [id, keyOf(quiz.items.find((i) => i.id === id)!)]));

describe('the final assessment, by keyboard alone', () => {
  it('fails a first attempt, passes the second and shows the review with the right answers and their citations', async () => {
    expect(final.items.length).toBeGreaterThanOrEqual(final.draw);
    const { context, page } = await newLearner(browser());
    await open(page, '/assessment');
    await expect(page.locator('.quiz-facts').textContent()).resolves.toContain('Attempts left: 3 of 3');

    // Attempt 1: a quarter right, the rest left unanswered.
    await tabToPrimary(page, '.quiz-intro', 'the start button');
    const first = await startAttempt(page);
    expect(first).toHaveLength(final.draw);
    const quarter = keysFor(final, first.slice(0, final.draw / 4));
    await answerByKeyboard(page, final, quarter);
    await page.screenshot({ path: path.join(shots, 'en-assessment-attempt.png'), fullPage: true });
    await submitByKeyboard(page);
    const results = page.locator('.quiz-results');
    await expect(results.locator('.quiz-score').textContent()).resolves.toMatch(/Score: 25%.*Not passed/);
    await expect(results.locator('.quiz-facts').textContent()).resolves.toContain('Attempts left: 2 of 3');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-title');
    expect(await results.locator('.quiz-review-item').count()).toBe(final.draw);
    expect(await results.locator('.quiz-verdict.is-correct').count()).toBe(final.draw / 4);

    // Attempt 2, from the results screen: every answer right.
    await tabToPrimary(page, '.quiz-actions', 'Start attempt 2');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Start attempt 2 of 3',
    );
    const second = await startAttempt(page);
    expect(second).toHaveLength(final.draw);
    // Stratified by lesson: every lesson of the bank has an item in the draw when the draw allows.
    const lessons = new Set(final.items.map((i) => i.lesson));
    if (lessons.size <= final.draw) {
      expect(new Set(second.map((id) => final.items.find((i) => i.id === id)!.lesson))).toEqual(lessons);
    }
    const all = keysFor(final, second);
    await answerByKeyboard(page, final, all);
    await expect(page.locator('.quiz-progress').textContent()).resolves.toBe(
      `Answered: ${final.draw} of ${final.draw}`,
    );
    await submitByKeyboard(page);
    await expect(results.locator('.quiz-score').textContent()).resolves.toMatch(/Score: 100%.*Passed/);
    await expect(results.locator('.quiz-facts').textContent()).resolves.toContain('Your grade: 100% Passed');
    await expect(results.locator('.quiz-facts').textContent()).resolves.toContain('Attempts left: 1 of 3');
    expect(await results.locator('.quiz-verdict.is-correct').count()).toBe(final.draw);
    // The review states the right answer and explains it, with citations.
    const firstReview = results.locator('.quiz-review-item').first();
    await expect(firstReview.locator('dt').allTextContents()).resolves.toEqual([
      'Your answer',
      'Right answer',
    ]);
    expect(
      await results.locator('.quiz-review .quiz-explanation button.cite').count(),
    ).toBeGreaterThanOrEqual(final.draw);
    await page.screenshot({ path: path.join(shots, 'en-assessment-review.png'), fullPage: true });

    // A citation in the review opens the paragraph, by keyboard, and Escape returns to it.
    await tabTo(
      page,
      async () => page.evaluate(() => document.activeElement?.matches('.quiz-review button.cite') ?? false),
      'a citation in the review',
      200,
    );
    const citeLabel = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Enter');
    await page.locator('dialog.cite-panel[open] .cited-paragraph').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'en-assessment-cite.png') });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog.cite-panel[open]'));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(citeLabel);

    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // A reload keeps both attempts: the review of the last is shown again.
    await page.reload();
    await open(page, '/assessment');
    await page.locator('.quiz-results .quiz-review').waitFor();
    await expect(page.locator('#results-title').textContent()).resolves.toBe('Result of attempt 2 of 3');
    await expect(page.locator('.quiz-results .quiz-facts').textContent()).resolves.toContain(
      'Your grade: 100% Passed',
    );
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('every kind of item, by keyboard alone', () => {
  it('answers the check of lesson 01 (all seven kinds) with Tab, arrows, Space, Enter and typing, and scores full marks', async () => {
    expect(new Set(check01.items.map((i) => i.kind)).size).toBe(7);
    const { context, page } = await newLearner(browser());
    await open(page, `/quiz/${check01.id}`);
    await tabToPrimary(page, '.quiz-intro', 'the start button');
    await answerByKeyboard(page, check01, keysFor(check01, await startAttempt(page)));
    await submitByKeyboard(page);
    await expect(page.locator('.quiz-results .quiz-score').textContent()).resolves.toMatch(
      /Score: 100%.*Passed/,
    );
    expect(await page.locator('.quiz-verdict.is-correct').count()).toBe(check01.items.length);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('quiz screens pass axe in every state', () => {
  for (const locale of ['en', 'ar']) {
    for (const route of ['/quiz/01-mexico-report', '/assessment']) {
      it(`${route} in ${locale}: unanswered, answered and reviewed`, async () => {
        const { context, page } = await newLearner(browser(), { locale });
        await open(page, route);
        await page.waitForFunction((l) => document.documentElement.lang === l, locale);
        const name = `${locale}-${route.replace(/\W+/g, '_').replace(/^_/, '')}`;
        await page.screenshot({ path: path.join(shots, `${name}-intro.png`), fullPage: true });
        await ensureAttempt(page, route);
        const states: [string, () => Promise<void>][] = [
          ['unanswered', async () => undefined],
          [
            'answered',
            async () => {
              await answerAll(page);
              await checkFirst(page);
            },
          ],
          ['reviewed', () => submit(page)],
        ];
        for (const [state, reach] of states) {
          await reach();
          await page.screenshot({ path: path.join(shots, `${name}-${state}.png`), fullPage: true });
          const violations = await axe(page);
          expect(violations, `${route} ${locale} ${state}:\n${describeViolations(violations)}`).toEqual([]);
        }
        if (locale === 'ar') {
          // Right to left throughout, the quiz content in its own language and direction.
          expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
          expect(await page.locator('.quiz-content').getAttribute('dir')).toBe('ltr');
          expect(
            await page.locator('#results-title').evaluate((el) => el.closest('[dir]')?.getAttribute('dir')),
          ).toBe('rtl');
        }
        expect(pageErrors(page)).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('a formative check', () => {
  it('explains an answer at once, with the cited paragraph a keypress away', async () => {
    const { context, page } = await newLearner(browser());
    await open(page, `/lesson/${check01.lesson}`);
    const lessonMeta = course().index.lessons.find((l) => l.id === check01.lesson)!;
    await open(page, `/lesson/${lessonMeta.id}/${lessonMeta.sectionIds.at(-1)}`);
    await page.locator('.quiz-callout a').click();
    await page.locator('.quiz-intro').waitFor();
    await ensureAttempt(page, `/quiz/${check01.id}`);
    const first = page.locator('form.quiz-form li.quiz-item').first();
    const id = await first.getAttribute('data-item');
    const item = check01.items.find((i) => i.id === id)!;
    expect(item).toBeDefined();
    await answerAll(page);
    await checkFirst(page);
    await expect(
      first.locator('.quiz-verdict .quiz-explanation button.cite').count(),
    ).resolves.toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

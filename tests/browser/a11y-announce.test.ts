/**
 * Gate: what a screen-reader user hears. Quiz items are named groups ("Question n of N" and the
 * stem), every control has a name, and feedback, moves, warnings and results reach the user
 * through live regions or focus; progress bars carry a name and a value that follows progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connect, newLearner } from './helpers.ts';
import { course, openRoute } from './gate-helpers.ts';
import { answerAll, ensureAttempt } from './quiz-driver.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Text that appeared in live regions (role status/alert, aria-live) since the page loaded. */
async function announcements(p: Page): Promise<string[]> {
  return p.evaluate(() => (window as unknown as { announced: string[] }).announced);
}

beforeAll(async () => {
  browser = await connect();
  ({ context, page } = await newLearner(browser));
  await page.addInitScript(() => {
    const w = window as unknown as { announced: string[] };
    w.announced = [];
    const live = (n: Node | null) =>
      (n instanceof Element ? n : n?.parentElement)?.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]');
    new MutationObserver((records) => {
      for (const r of records) {
        const region = live(r.target);
        const text = region?.textContent?.replace(/\s+/g, ' ').trim();
        if (region && text && w.announced[w.announced.length - 1] !== text) w.announced.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

describe('what a screen reader announces (en)', () => {
  const lesson = course().index.lessons[0]!;
  const quiz = (course().index.quizzes ?? []).find((q) => q.kind === 'formative' && q.lesson === lesson.id)!;
  const route = `/quiz/${quiz.id}`;

  it('names every quiz item as a group "Question n of N" with its stem, and every control in it', async () => {
    await openRoute(page, route);
    await ensureAttempt(page, route);
    const items = await page.locator('form.quiz-form li.quiz-item').count();
    expect(items).toBeGreaterThan(0);
    for (let n = 1; n <= items; n++) {
      await expect(page.getByRole('group', { name: new RegExp(`^Question ${n} of ${items}\\b.{10,}`) }).count()).resolves.toBe(1);
    }
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('form.quiz-form input, form.quiz-form select, form.quiz-form button'))
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
          return !labelled && !(el.textContent ?? '').trim();
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });

  it('announces a sequencing move with the step and its new position', async () => {
    const move = page.getByRole('button', { name: /^Move down: / }).first();
    if ((await move.count()) === 0) throw new Error(`${route} has no sequencing item to move`);
    const name = (await move.getAttribute('aria-label')) ?? (await move.innerText());
    await move.click();
    await page.waitForFunction(() => (window as unknown as { announced: string[] }).announced.some((a) => /now in position \d+ of \d+/.test(a)));
    const said = (await announcements(page)).filter((a) => /now in position/.test(a));
    expect(said.at(-1)).toMatch(/: now in position 2 of \d+\.$/);
    expect(name.length).toBeGreaterThan(0);
  });

  it('announces the verdict and the why when an answer is checked, and ties it to the Check button', async () => {
    await answerAll(page);
    const check = page.getByRole('button', { name: 'Check answer' }).first();
    await check.click();
    await page.waitForFunction(() =>
      (window as unknown as { announced: string[] }).announced.some((a) => /^\W*(Correct|Incorrect|Partly correct)/.test(a) && /Why:/.test(a)),
    );
    const describedBy = await check.getAttribute('aria-describedby');
    expect(describedBy, 'Check button described by its feedback').toBeTruthy();
    await expect(page.locator(`#${describedBy}[role="status"]`).innerText()).resolves.toMatch(/^(✓|✗|◐)?\s*(Correct|Incorrect|Partly correct)/);
  });

  it('warns through an alert before submitting unanswered items, and moves focus to the result after submitting', async () => {
    await openRoute(page, '/assessment');
    await ensureAttempt(page, '/assessment');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/\d+/);
    await answerAll(page);
    await page.locator('form.quiz-form button[type="submit"]').click();
    await page.locator('.quiz-results').waitFor();
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent }));
    expect(focused.tag).toBe('H2');
    expect(focused.text).toMatch(/Result of attempt 1 of 3|Your result/);
    // The score is in the section the heading opens, read next.
    await expect(page.locator('.quiz-results .quiz-score').innerText()).resolves.toMatch(/Score: \d+/);
  });

  it('gives the lesson progress bar a name and a value that follows the sections read', async () => {
    await openRoute(page, `/lesson/${lesson.id}`);
    const bar = page.getByRole('progressbar', { name: /Section 1 of \d+/ });
    await expect(bar.count()).resolves.toBe(1);
    const before = await bar.getAttribute('aria-valuetext');
    await page.getByRole('link', { name: 'Next', exact: true }).click();
    await page.locator(`#sec-${lesson.sectionIds[1]}`).waitFor({ state: 'visible' });
    const after = await page.getByRole('progressbar').first().getAttribute('aria-valuetext');
    expect(before).toMatch(/^\d+%$/);
    expect(Number.parseInt(after!, 10)).toBeGreaterThan(Number.parseInt(before!, 10));
  });
});

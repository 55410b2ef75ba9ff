/**
 * The first load's shape: a lesson or a quiz opened from a link starts downloading its route's code
 * and content while the framework is still arriving (src/boot.ts), and the home page loads a few
 * files, none of a lesson's or a quiz's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { course } from './gate-helpers.ts';
import { connect, courseUrl, newLearner, pageErrors } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser.close();
});

const VENDOR = /\/assets\/vendor-[\w-]+\.js$/;

/** Opens a route with the framework chunk held back; returns each script request with its time and body. */
async function openWithSlowFramework(page: Page, route: string, holdMs = 800) {
  let vendorReleasedAt = Number.POSITIVE_INFINITY;
  await page.route(VENDOR, async (r) => {
    await new Promise((done) => setTimeout(done, holdMs));
    vendorReleasedAt = Date.now();
    await r.continue();
  });
  const requests: { url: string; at: number }[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') requests.push({ url: r.url(), at: Date.now() });
  });
  await page.goto(`${courseUrl()}#${route}`);
  await page.waitForSelector(`main[data-path="${route}"] h1`);
  const bodies = await Promise.all(
    requests.map(async (r) => ({ ...r, body: await (await fetch(r.url)).text() })),
  );
  return { scripts: bodies, vendorReleasedAt };
}

describe('first load', () => {
  it("starts a lesson's content and code before the framework has arrived", async () => {
    const { context, page } = await newLearner(browser);
    const { scripts, vendorReleasedAt } = await openWithSlowFramework(page, '/lesson/04-tpnw');
    // JSON inside a string or template literal, quotes escaped or not.
    const content = scripts.find((s) =>
      /\\?"04-tpnw\\?":\{\\?"id\\?":\\?"04-tpnw\\?",\\?"locale\\?":\\?"en\\?"/.test(s.body),
    );
    const code = scripts.find((s) => /\/assets\/lesson-[\w-]+\.js$/.test(s.url));
    expect(content, 'the English lesson chunk was requested').toBeDefined();
    expect(code, 'the lesson route chunk was requested').toBeDefined();
    expect(content!.at).toBeLessThan(vendorReleasedAt);
    expect(code!.at).toBeLessThan(vendorReleasedAt);
    // Requested once: the app reads the same cached content the boot module asked for.
    expect(scripts.filter((s) => s.url === content!.url)).toHaveLength(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("starts the final assessment's code before the framework has arrived", async () => {
    const { context, page } = await newLearner(browser);
    const { scripts, vendorReleasedAt } = await openWithSlowFramework(page, '/assessment');
    const code = scripts.find((s) => /\/assets\/quiz-[\w-]+\.js$/.test(s.url));
    expect(code, 'the quiz route chunk was requested').toBeDefined();
    expect(code!.at).toBeLessThan(vendorReleasedAt);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("paints the assessment's intro before its items have loaded, and loads them after", async () => {
    const { context, page } = await newLearner(browser);
    const final = course().quizzes.find((q) => q.definition.kind === 'final')!;
    const itemId = new RegExp(`\\\\?"${final.definition.items[0]!.id}\\\\?"`);
    let heldAt = Number.POSITIVE_INFINITY;
    let releasedAt = Number.POSITIVE_INFINITY;
    await page.route(/\/assets\/[\w-]+\.js$/, async (r) => {
      const response = await r.fetch();
      const body = await response.text();
      if (itemId.test(body)) {
        heldAt = Math.min(heldAt, Date.now());
        await new Promise((done) => setTimeout(done, 1500));
        releasedAt = Date.now();
      }
      await r.fulfill({ response, body });
    });
    await page.goto(`${courseUrl()}#/assessment`);
    const start = page.getByRole('button', { name: /^Start attempt 1 of/ });
    await start.waitFor();
    const shownAt = Date.now();
    // The intro is complete (title, settings, Start) while the items are still held back ...
    expect(shownAt).toBeLessThan(releasedAt);
    expect(await page.locator('main h1').textContent()).toBe(final.text.en.title);
    expect(await page.locator('.quiz-facts li').first().textContent()).toBe(
      `Questions: ${final.definition.draw}`,
    );
    // ... and it asks for them without waiting for Start, so Start rarely waits.
    await expect.poll(() => heldAt, { timeout: 5000 }).toBeLessThan(Number.POSITIVE_INFINITY);
    await start.click();
    await page.locator('.quiz-items .quiz-item').first().waitFor();
    expect(await page.locator('.quiz-items .quiz-item').count()).toBe(final.definition.draw);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('loads the home page from a handful of scripts, none of them a lesson or a quiz', async () => {
    const { context, page } = await newLearner(browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.split('/').pop()!);
    });
    await page.goto(`${courseUrl()}#/`);
    await page.waitForSelector('main h1');
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeLessThanOrEqual(5);
    expect(scripts.some((s) => /^(index|boot|vendor)-/.test(s))).toBe(true);
    expect(scripts.filter((s) => /^(lesson|quiz|page)-/.test(s))).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { compileCourse } from '../../src/content/compile.ts';
import { axe, connect, describeViolations, newLearner, open } from './helpers.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const course = compileCourse({ root });
const first = course.index.lessons[0]!;
const lastSection = first.sectionIds[first.sectionIds.length - 1]!;

const ROUTES = [
  '/',
  `/lesson/${first.id}`,
  `/lesson/${first.id}/${lastSection}`,
  '/source/25',
  '/glossary',
  '/timeline',
  '/settings',
  '/no-such-page',
];

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser.close();
});

describe.each(['en', 'ar'])('axe-core, WCAG 2.2 A/AA, UI in %s', (locale) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newLearner(browser, { locale }));
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(ROUTES)('has no violations on %s', async (route) => {
    await open(page, route);
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('has no violations with the citation panel open', async () => {
    await open(page, `/lesson/${first.id}`);
    await page.locator('.lesson-section:not([hidden]) button.cite').first().click();
    await page.locator('dialog.cite-panel[open] .cited').waitFor();
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('has no violations on a phone-sized screen (320 px) and does not scroll sideways', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const route of ['/', `/lesson/${first.id}`, '/source/14']) {
      await open(page, route);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${route}`).toBeLessThanOrEqual(0);
      const violations = await axe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

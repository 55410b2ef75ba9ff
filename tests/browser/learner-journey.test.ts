import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { compileCourse } from '../../src/content/compile.ts';
import { connect, courseUrl, newLearner, open, pageErrors } from './helpers.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const course = compileCourse({ root });
const first = course.index.lessons[0]!;

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser.close();
});

describe('a learner working through the built course, served from a nested LMS folder', () => {
  it('loads every asset relative to the nested folder', async () => {
    const { context, page } = await newLearner(browser);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await open(page, '/');
    expect(page.url()).toContain('/lms/content/12/');
    expect(failed).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reads a citation, finishes a lesson, keeps progress across a reload and a switch to Arabic', async () => {
    const { context, page } = await newLearner(browser);
    await open(page, '/');
    await expect(page.locator('h1').textContent()).resolves.toContain('Mexico');

    // Home -> first lesson.
    await page.getByRole('link', { name: new RegExp(first.titles.en!.replace(/[()]/g, '.')) }).first().click();
    await page.waitForSelector('#lesson-title');
    expect(await page.locator('#lesson-title').textContent()).toBe(first.titles.en);

    // A citation opens the panel with that paragraph's text.
    const cite = page.locator('.lesson-section:not([hidden]) button.cite').first();
    const label = (await cite.textContent()) ?? '';
    const n = Number(/¶(\d+)/.exec(label)?.[1]);
    expect(n).toBeGreaterThan(0);
    await cite.click();
    const panel = page.locator('dialog.cite-panel[open]');
    await panel.waitFor();
    await expect(panel.locator('h3').first().textContent()).resolves.toContain(String(n));
    const expected = course.translations.en?.[n] ?? course.report.paragraphs.find((p) => p.n === n)!.text;
    const shown = (await panel.locator('.paragraph-text').first().innerText()).replace(/\s+/g, ' ');
    expect(shown).toContain(expected.split('\n')[0]!.slice(0, 40).replace(/\s+/g, ' '));
    await page.keyboard.press('Escape');
    await expect(panel.count()).resolves.toBe(0);
    // Focus returns to the citation that opened the panel.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cite'))).toBe(true);

    // Walk every section with Next.
    for (let i = 1; i < first.sectionIds.length; i++) {
      await page.getByRole('link', { name: 'Next', exact: true }).click();
      await page.locator(`#sec-${first.sectionIds[i]}`).waitFor({ state: 'visible' });
      // Keyboard and screen-reader users land on the new section's heading.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`sec-${first.sectionIds[i]}`);
    }
    await page.waitForFunction(() => document.querySelector('.lesson-progress')?.textContent?.includes('Completed'));

    // Reload: progress is kept.
    await page.reload();
    await open(page, '/');
    const card = page.locator('.lesson-card').first();
    await expect(card.locator('.status').textContent()).resolves.toBe('Completed');

    // Switch to Arabic: the document turns right-to-left and progress stays.
    await page.selectOption('#language-picker', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await expect(card.locator('.status.done').count()).resolves.toBe(1);
    await page.reload();
    await page.waitForSelector('main h1');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expect(page.locator('.lesson-card').first().locator('.status.done').count()).resolves.toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('opens the source reader on the cited paragraph, focused, with links back to its lessons', async () => {
    const { context, page } = await newLearner(browser);
    await open(page, '/source/66');
    const target = page.locator('#p-66');
    await expect(target.getAttribute('class')).resolves.toContain('is-target');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-66');
    const teaching = course.index.lessons.filter((l) => l.paragraphs.includes(66));
    expect(teaching.length).toBeGreaterThan(0);
    await expect(target.locator('.taught-in a').count()).resolves.toBe(teaching.length);
    await context.close();
  });

  it('shows a clear notice and starts afresh when the saved record is unreadable, keeping the old value', async () => {
    const { context, page } = await newLearner(browser);
    // Plant the bad record from a page of the same origin while the course is not open
    // (the course itself saves on pagehide, which would overwrite it).
    await page.goto(new URL('/not-the-course', courseUrl()).href);
    await page.evaluate(() => localStorage.setItem('mx-a20:mx-action20:local', '{not json'));
    await page.goto(courseUrl());
    await page.waitForSelector('main h1');
    await expect(page.locator('.notice').textContent()).resolves.toContain('could not be read');
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => localStorage.getItem(k) === '{not json'),
    );
    expect(kept.length).toBeGreaterThan(0);
    await context.close();
  });

  it('closes the citation panel when the learner goes to another page', async () => {
    const { context, page } = await newLearner(browser);
    await open(page, `/lesson/${first.id}`);
    await page.locator('.lesson-section:not([hidden]) button.cite').first().click();
    await page.locator('dialog.cite-panel[open]').waitFor();
    const second = course.index.lessons[1]!;
    await page.evaluate((id) => (location.hash = `#/lesson/${id}`), second.id);
    await page.waitForFunction((t) => document.querySelector('#lesson-title')?.textContent === t, second.titles.en);
    await expect(page.locator('dialog.cite-panel[open]').count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('falls back to another content language with a visible notice', async () => {
    const { context, page } = await newLearner(browser, { locale: 'fr-FR' });
    await open(page, `/lesson/${first.id}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect(page.locator('.fallback-notice').count()).resolves.toBe(1);
    expect(await page.locator('.lesson-body').getAttribute('lang')).toBe('en');
    await context.close();
  });
});

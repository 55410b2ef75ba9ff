import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { printDocument } from '../../scorm/print-pdfs.ts';
import { axe, connect, courseUrl, describeViolations, newLearner, pageErrors } from './helpers.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'print-test-'));
beforeAll(async () => {
  browser = await connect();
  ({ context, page } = await newLearner(browser));
});
afterAll(async () => {
  await context.close();
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Text of pages `from` to `to` of a PDF (poppler's pdftotext). */
function pageText(pdf: Uint8Array, from: number, to = from): string {
  const file = path.join(tmp, `doc-${from}-${to}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(from), '-l', String(to), file, '-'], { encoding: 'utf8' });
}

describe('the briefing book', () => {
  it('prints to PDF with every chapter on its own page and the contents numbered to match', async () => {
    const { pdf, pages, chapterPages } = await printDocument(page, courseUrl(), 'briefing', 'en');
    expect(pages).toBeGreaterThan(30);
    const ids = [...chapterPages.keys()];
    expect(ids.slice(-2)).toEqual(['glossary', 'timeline']);
    const numbers = [...chapterPages.values()];
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    // The printed contents carry the same numbers.
    const printed = await page.$$eval('.toc-page', (els) => els.map((e) => Number(e.textContent)));
    expect(printed).toEqual(numbers);
    // Running header: the chapter's name at the top of its pages; page number at the foot.
    const lesson4 = chapterPages.get('04-tpnw')!;
    const text = pageText(pdf, lesson4 + 1);
    expect(text.split('\n')[0]).toMatch(/^Lesson 4 · The Treaty on the Prohibition of Nuclear Weapons/);
    expect(text).toContain(`${lesson4 + 1} / ${pages}`);
    // The cover has neither.
    expect(pageText(pdf, 1)).not.toMatch(/\b1 \/ \d+/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('has no axe violations on screen', async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${courseUrl()}#/print/briefing/en`);
    await page.waitForSelector('.print-book[data-ready]');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

describe('the facilitator guide', () => {
  it('prints the plan, then each lesson with discussion notes and the answers of its check, in Chinese', async () => {
    const { pdf, chapterPages } = await printDocument(page, courseUrl(), 'guide', 'zh');
    expect([...chapterPages.keys()][0]).toBe('session-plan');
    // pdftotext may drop or add spaces around Chinese characters: compare without them.
    const squash = (t: string) => t.replace(/\s+/g, '');
    const plan = squash(pageText(pdf, chapterPages.get('session-plan')!));
    expect(plan).toContain('第1天');
    const lesson1 = squash(pageText(pdf, chapterPages.get('01-mexico-report')!, chapterPages.get('02-un-disarmament-machinery')! - 1));
    expect(lesson1).toContain('主持人参考说明');
    expect(lesson1).toContain('第1课');
    // The answers of lesson 1's check: the item ids are printed with each answer.
    expect(lesson1).toContain('l01-action-20');
    const lastPage = chapterPages.get('12-nuclear-security-peaceful-uses')!;
    expect(lastPage).toBeGreaterThan(chapterPages.get('01-mexico-report')!);
  });

  it('has no axe violations on screen', async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${courseUrl()}#/print/guide/es`);
    await page.waitForSelector('.print-book[data-ready]');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

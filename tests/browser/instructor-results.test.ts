import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { analyseClass, buildClassData, mapItemIds, parseResultsFile } from '../../src/analytics/index.ts';
import { axe, connect, describeViolations, newLearner, open, pageErrors } from './helpers.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURE = path.join(root, 'tests/fixtures/results/moodle-lesson-01.txt');
const LONG = path.join(root, 'tests/fixtures/results/small-class.csv');

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await connect();
  ({ context, page } = await newLearner(browser));
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

/** What the pure code says about the fixture, to compare with what the page shows. */
function expected() {
  const parsed = parseResultsFile(readFileSync(FIXTURE, 'utf8'), 'moodle-lesson-01.txt');
  const ids = ['l01-action-20', 'l01-reference-points', 'l01-equal-weight', 'l01-principles', 'l01-chronology', 'l01-eighth-conference', 'l01-any-circumstances', 'l01-war-crime'];
  const data = buildClassData(mapItemIds(parsed.records, new Set(ids)), { itemOrder: ids });
  return { parsed, report: analyseClass(data) };
}

describe('class results view', () => {
  it('reads a Moodle interactions report chosen with the file input', async () => {
    await open(page, '/instructor/results');
    await page.getByLabel('Results files').setInputFiles(FIXTURE);
    await page.locator('.results-report').waitFor();
    expect(await page.locator('.results-status').textContent()).toBe('Results loaded: moodle-lesson-01.txt');
  });

  it('lists the rows it did not use with file and line', async () => {
    const rows = await page.locator('.problems-table tbody tr').allTextContents();
    const { parsed } = expected();
    expect(rows).toHaveLength(parsed.problems.length);
    expect(rows.some((r) => r.startsWith('moodle-lesson-01.txt:14') && r.includes('“partly”'))).toBe(true);
    expect(rows.some((r) => r.startsWith('moodle-lesson-01.txt:32') && r.includes('Expected 39 fields, found 4.'))).toBe(true);
  });

  it('shows per question the facility and discrimination the statistics compute', async () => {
    const { report } = expected();
    const rows = page.locator('.items-table tbody tr');
    expect(await rows.count()).toBe(report.items.length);
    for (let k = 0; k < report.items.length; k++) {
      const s = report.items[k]!;
      const cells = await rows.nth(k).locator('td').allTextContents();
      expect(await rows.nth(k).locator('th .cell-title').textContent()).toBe(s.id);
      expect(cells[0]).toBe(String(s.n));
      expect(cells[1]).toBe(s.facility.toFixed(2));
      expect(cells[3]).toBe(s.discrimination === null ? '—' : s.discrimination.toFixed(2));
    }
  });

  it('shows the stems and choices of the course’s own questions', async () => {
    expect(await page.locator('.items-table').textContent()).toContain('Under which action of the 2010 action plan does Mexico submit its report?');
    await page.locator('details.item-option-block summary').first().click();
    expect(await page.locator('details.item-option-block[open] table').textContent()).toContain('Action 20');
  });

  it('gives every chart a text alternative and a data table', async () => {
    const charts = page.locator('svg.chart[role="img"]');
    expect(await charts.count()).toBe(3);
    for (let k = 0; k < 3; k++) {
      const labelled = (await charts.nth(k).getAttribute('aria-labelledby'))!.split(' ');
      expect(labelled).toHaveLength(2);
      const figure = charts.nth(k).locator('xpath=ancestor::figure');
      expect(await figure.locator('table').count()).toBeGreaterThan(0);
    }
  });

  it('downloads the item statistics as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Questions', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('item-statistics.csv');
    const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'results-')), 'items.csv');
    await download.saveAs(saved);
    const text = readFileSync(saved, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^item,lesson,objective,n,blank,facility/);
    expect(lines.find((l) => l.startsWith('l01-action-20,01-mexico-report,1,'))).toBeDefined();
  });

  it('has no axe violations with a class loaded, in English and in Arabic', async () => {
    let violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const { context: arContext, page: ar } = await newLearner(browser, { locale: 'ar' });
    await open(ar, '/instructor/results');
    await ar.locator('input[type=file]').setInputFiles([FIXTURE, LONG]);
    await ar.locator('.results-report').waitFor();
    violations = await axe(ar);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(pageErrors(ar)).toEqual([]);
    await arContext.close();
  });

  it('reads a long-format CSV too', async () => {
    await page.locator('input[type=file]').setInputFiles(LONG);
    await page.locator('.results-status', { hasText: 'small-class.csv' }).waitFor();
    expect(await page.locator('.problems-table tbody tr').count()).toBe(5);
    expect(pageErrors(page)).toEqual([]);
  });
});

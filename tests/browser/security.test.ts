import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { compileCourse } from '../../src/content/compile.ts';
import { connect, courseUrl, newLearner, open } from './helpers.ts';

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

describe('the built course under its Content-Security-Policy', () => {
  it('declares a policy without unsafe-inline or unsafe-eval', async () => {
    const { context, page } = await newLearner(browser);
    await open(page, '/');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    await context.close();
  });

  it('runs every route with no policy violation and no request to another origin', async () => {
    const { context, page } = await newLearner(browser);
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const origin = new URL(courseUrl()).origin;
    const foreign: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol.startsWith('http') && u.origin !== origin) foreign.push(r.url());
    });
    const violations: string[] = [];
    for (const route of ['/', `/lesson/${first.id}`, '/source/14', '/glossary', '/timeline', '/settings']) {
      await open(page, route);
      await page.waitForLoadState('networkidle');
      violations.push(...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)));
    }
    await open(page, `/lesson/${first.id}`);
    await page.locator('.lesson-section:not([hidden]) button.cite').first().click();
    await page.locator('dialog[open] .cited').waitFor();
    violations.push(...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)));
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});

/**
 * Gate: the preview LMS host page (`npm start`, preview/index.html) passes axe-core's WCAG 2.2
 * A/AA rules with the course launched in its frame and the inspector filled, and reflows at
 * 320 px. It is served by Vite's dev server, as `npm start` serves it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { axe, connect, describeViolations } from './helpers.ts';
import { horizontalOverflow, root } from './gate-helpers.ts';

let server: ViteDevServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', open: false, hmr: false },
  });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  browser = await connect();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the preview LMS host page', () => {
  it.each([
    [1280, 900],
    [320, 640],
  ])('at %i px: no axe violations with the course running, and no sideways scrolling', async (width, height) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${url}preview/index.html`);
    await page.frameLocator('#course').locator('main[data-path="/"] h1').waitFor({ timeout: 60_000 });
    await page.locator('#calls tbody tr').first().waitFor();
    await page.locator('#cmi tbody tr').first().waitFor();
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const { overflow, culprits } = await horizontalOverflow(page);
    expect(overflow, `scrolls sideways; widest: ${culprits.join(', ')}`).toBeLessThanOrEqual(0);
    await context.close();
  }, 120_000);
});

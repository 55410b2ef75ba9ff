/**
 * Screenshots of the quiz screens in each state, for a person to look at:
 *   npx tsx tests/support/quiz-screenshots.ts [outDir] [locale,locale] [width,width] [route,route]
 * Builds nothing: run `npm run build` first (or set WEB_DIR to a build of your own). Writes
 * `<outDir>/<locale>-<width>-<quiz>-<state>.png` for the routes (default: the formative check of
 * lesson 01 and the final assessment): intro, unanswered, answered (one formative answer
 * checked), reviewed.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { answerAll, checkFirst, ensureAttempt, submit } from '../browser/quiz-driver.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const [
  outDir = 'dist/screenshots/quiz',
  locales = 'en,ar',
  widths = '1280,390',
  routeList = '/quiz/01-mexico-report,/assessment',
] = process.argv.slice(2);
const routes = routeList.split(',');

const server = await serveStatic(process.env.WEB_DIR ?? 'dist/web', '/lms/content/12/');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync(outDir, { recursive: true });
for (const locale of locales.split(',')) {
  for (const width of widths.split(',').map(Number)) {
    for (const route of routes) {
      const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${locale}] page error: ${e}`));
      await page.goto(`${server.url}#${route}`);
      await page.waitForSelector(`main[data-path="${route}"] h1`);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      const shot = async (state: string) => {
        const name = `${locale}-${width}-${route.replace(/\W+/g, '_').replace(/^_/, '')}-${state}.png`;
        await page.screenshot({ path: path.join(outDir, name), fullPage: true });
        console.log(path.join(outDir, name));
      };
      await shot('intro');
      await ensureAttempt(page, route);
      await shot('unanswered');
      await answerAll(page);
      await checkFirst(page);
      await shot('answered');
      // Each item on its own too, readable at full size.
      const items = page.locator('form.quiz-form li.quiz-item');
      for (let i = 0; i < (route === '/assessment' ? 0 : await items.count()); i++) {
        const name = `${locale}-${width}-${route.replace(/\W+/g, '_').replace(/^_/, '')}-item${i + 1}.png`;
        await items.nth(i).screenshot({ path: path.join(outDir, name) });
      }
      await submit(page);
      await shot('reviewed');
      const name = `${locale}-${width}-${route.replace(/\W+/g, '_').replace(/^_/, '')}-results.png`;
      await page.locator('.quiz-results > div').first().screenshot({ path: path.join(outDir, name) });
      const reviews = page.locator('.quiz-review-item');
      for (let i = 0; i < Math.min(3, await reviews.count()); i++) {
        const file = `${locale}-${width}-${route.replace(/\W+/g, '_').replace(/^_/, '')}-review${i + 1}.png`;
        await reviews.nth(i).screenshot({ path: path.join(outDir, file) });
      }
      await context.close();
    }
  }
}
await browser.close();
await server.close();

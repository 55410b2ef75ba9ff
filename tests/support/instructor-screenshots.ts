/**
 * Screenshots of the instructor screens for a person to look at:
 *   npx tsx tests/support/instructor-screenshots.ts [webDir] [outDir] [locale,locale] [screen ...]
 * Screens: results (with tests/fixtures/results/moodle-lesson-01.txt loaded), instructor,
 * present (speaker and audience of lesson 04), briefing, guide, certificate.
 * Builds nothing: run `npm run build` first (webDir defaults to dist/web).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { compileCourse } from '../../src/content/compile.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { installFakeLms, passedFinalState, resumedLaunch } from './fake-lms.ts';
import { serveStatic } from './static-server.ts';

const [webDir = 'dist/web', outDir = 'dist/screenshots', locales = 'en,ar', ...screens] = process.argv.slice(2);
const list = screens.length > 0 ? screens : ['instructor', 'results', 'present', 'briefing', 'guide', 'certificate'];
const fixture = path.resolve('tests/fixtures/results/moodle-lesson-01.txt');

const server = await serveStatic(webDir, '/lms/content/12/');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync(outDir, { recursive: true });

async function open(page: Page, route: string) {
  await page.goto(`${server.url}#${route}`);
  await page.waitForSelector(`[data-path="${route}"] h1`);
  await page.waitForLoadState('networkidle');
}

for (const locale of locales.split(',')) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${locale}] page error: ${e}`));
  /** A full page is also cut into 1280 × 1000 slices (SLICES=1), which read better at a glance. */
  const shot = async (name: string, p: Page = page, fullPage = true) => {
    const file = path.join(outDir, `${locale}-${name}.png`);
    await p.screenshot({ path: file, fullPage });
    console.log(file);
    if (!fullPage || !process.env.SLICES) return;
    const height = await p.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, k = 1; y < height; y += 1000, k++) {
      const slice = path.join(outDir, `${locale}-${name}-${k}.png`);
      await p.screenshot({ path: slice, fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(1000, height - y) } });
      console.log(slice);
    }
  };
  for (const screen of list) {
    if (screen === 'instructor') {
      await open(page, '/instructor');
      await shot('instructor');
    } else if (screen === 'results') {
      await open(page, '/instructor/results');
      await page.locator('input[type=file]').setInputFiles(fixture);
      await page.waitForSelector('.results-report');
      await page.locator('details.item-option-block').nth(1).locator('summary').click();
      await shot('results');
    } else if (screen === 'present') {
      await open(page, '/present/04-tpnw');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await shot('present-speaker', page, false);
      const audience = await context.newPage();
      await audience.setViewportSize({ width: 1280, height: 720 });
      await open(audience, '/present/04-tpnw');
      await audience.goto(`${server.url}#/present/04-tpnw?view=audience`);
      await audience.waitForSelector('.slide h1, .slide h2');
      await shot('present-audience', audience, false);
      await audience.keyboard.press('Home');
      await shot('present-audience-title', audience, false);
      for (let k = 0; k < 40 && (await audience.locator('.slide-timeline').count()) === 0; k++) await audience.keyboard.press('ArrowRight');
      await shot('present-audience-timeline', audience, false);
      await audience.keyboard.press('End');
      await shot('present-audience-discussion', audience, false);
      await audience.close();
    } else if (screen === 'briefing' || screen === 'guide') {
      const l = ['es', 'en', 'zh'].includes(locale) ? locale : 'en';
      await open(page, `/print/${screen}/${l}`);
      await page.emulateMedia({ media: 'print' });
      await shot(screen);
      await page.emulateMedia({ media: 'screen' });
    } else if (screen === 'certificate') {
      // A learner resumed from an LMS, final assessment passed.
      const lms = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      await installFakeLms(lms, resumedLaunch(passedFinalState(compileCourse({ root: process.cwd() }).index, 920), 'Ruiz, Ana'));
      const learner = await lms.newPage();
      await open(learner, '/certificate');
      await learner.waitForSelector('.certificate');
      await shot('certificate', learner);
      await learner.emulateMedia({ media: 'print' });
      await shot('certificate-print', learner);
      await lms.close();
    }
  }
  await context.close();
}
await browser.close();
await server.close();

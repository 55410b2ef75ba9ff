/**
 * Screenshots of the built course for a person to look at:
 *   npx tsx tests/support/screenshots.ts [outDir] [locale,locale] [route route ...]
 * Builds nothing: run `npm run build` first. Writes `<outDir>/<locale>-<route>.png`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const [outDir = 'dist/screenshots', locales = 'en,zh,ar', ...routes] = process.argv.slice(2);
const list = routes.length > 0 ? routes : ['/', '/lesson/01-mexico-report', '/source/6', '/glossary', '/timeline', '/settings'];
const width = Number(process.env.WIDTH ?? 1280);

const server = await serveStatic(process.env.WEB_DIR ?? 'dist/web', '/lms/content/12/');
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
mkdirSync(outDir, { recursive: true });
for (const locale of locales.split(',')) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${locale}] page error: ${e}`));
  for (const route of list) {
    const path_ = route.replace(/!cite$/, '');
    await page.goto(`${server.url}#${path_}`);
    await page.waitForSelector(`main[data-path="${path_}"] h1`);
    await page.waitForLoadState('networkidle');
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    if (route.endsWith('!cite')) {
      await page.locator('.lesson-section:not([hidden]) button.cite').first().click();
      await page.locator('dialog[open] .cited').waitFor();
    }
    const name = `${locale}-${route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}${width !== 1280 ? `-${width}` : ''}.png`;
    await page.screenshot({ path: path.join(outDir, name), fullPage: !route.endsWith('!cite') });
    console.log(path.join(outDir, name));
  }
  await context.close();
}
await browser.close();
await server.close();

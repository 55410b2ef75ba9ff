/**
 * Gates: reflow at 320 CSS px (WCAG 1.4.10: 1280 px at 400 % zoom) with no horizontal scrolling
 * and no clipped text, on every route in every UI locale; the text-size setting at 200 % (1.4.4)
 * likewise; prefers-reduced-motion and the app's own motion setting honoured (no transition or
 * animation longer than 0.01 s); colour contrast in the light and the dark colour scheme.
 *
 * Routes come from the router table at test time (tests/browser/route-inventory.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UI_LOCALES } from '../../src/store/types.ts';
import { axe, connect, describeViolations, newLearner, pageErrors } from './helpers.ts';
import { course, horizontalOverflow, openRoute } from './gate-helpers.ts';
import { allRoutes } from './route-inventory.ts';
import { ROUTE_STATES } from './route-states.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser.close();
});

/** Elements that cut their own text off sideways (overflow hidden/clip and wider content). */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('.visually-hidden, [hidden], dialog:not([open])')) continue;
      const cs = getComputedStyle(el);
      if (!/hidden|clip/.test(cs.overflowX) || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim() !== '') {
        out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return out;
  });
}

/** Adds to `problems` what makes the page scroll sideways or cut text off. */
async function checkReflow(page: Page, label: string, problems: string[]): Promise<void> {
  const { overflow, culprits } = await horizontalOverflow(page);
  if (overflow > 0) problems.push(`${label}: scrolls sideways by ${overflow} px; widest: ${culprits.join(', ')}`);
  const skip = await page.evaluate(() => {
    const link = document.querySelector('.skip-link');
    return link && document.activeElement !== link ? link.getBoundingClientRect().bottom + scrollY : null;
  });
  if (skip !== null && skip > 0) problems.push(`${label}: the unfocused skip link shows ${skip} px over the page`);
  const clipped = await clippedText(page);
  if (clipped.length > 0) problems.push(`${label}: text cut off in ${clipped.join(', ')}`);
}

describe.each([...UI_LOCALES])('reflow and text size, UI in %s', (locale) => {
  const routes = allRoutes({ course: course(), locale });
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newLearner(browser, { locale, width: 320 }));
    await page.setViewportSize({ width: 320, height: 640 });
  });
  afterAll(async () => {
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('every route reflows at 320 CSS px without sideways scrolling', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      await openRoute(page, route, { locale });
      await checkReflow(page, `#${route} at 320 px [${locale}]`, problems);
      // The phone layout (bottom sheet, stacked header) gets axe too, in a left-to-right and a right-to-left locale.
      if (locale === 'en' || locale === 'ar') {
        const violations = await axe(page);
        if (violations.length > 0) problems.push(`#${route} at 320 px [${locale}] axe:\n${describeViolations(violations)}`);
      }
      for (const state of ROUTE_STATES.filter((s) => s.applies(route))) {
        await state.enter(page, { locale, route });
        await checkReflow(page, `#${route} ${state.name} at 320 px [${locale}]`, problems);
        await state.leave?.(page);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every route works at the 200 % text size setting, on a desktop and on a 320 px phone', async () => {
    const problems: string[] = [];
    await page.setViewportSize({ width: 1280, height: 900 });
    await openRoute(page, '/settings', { locale });
    await page.locator('input[name="text-size"][value="200"]').check();
    await page.waitForFunction(() => document.documentElement.style.fontSize === '200%');
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
      for (const route of routes) {
        await openRoute(page, route, { locale });
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), `#${route}`).toBe('32px');
        await checkReflow(page, `#${route} at 200 % text, ${width} px [${locale}]`, problems);
      }
    }
    await openRoute(page, '/settings', { locale });
    await page.locator('input[name="text-size"][value="100"]').check();
    await page.setViewportSize({ width: 320, height: 640 });
    expect(problems).toEqual([]);
  });
});

/** The longest transition or animation on the page, in seconds, and where. */
async function longestMotion(page: Page): Promise<{ seconds: number; where: string }> {
  return page.evaluate(() => {
    const secs = (list: string) => Math.max(0, ...list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t) || 0)));
    let worst = { seconds: 0, where: '' };
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      for (const pseudo of [null, '::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        const s = Math.max(
          cs.transitionProperty === 'none' ? 0 : secs(cs.transitionDuration) + secs(cs.transitionDelay),
          cs.animationName === 'none' ? 0 : secs(cs.animationDuration),
        );
        if (s > worst.seconds) worst = { seconds: s, where: `${el.tagName.toLowerCase()}.${String(el.className)}${pseudo ?? ''}` };
      }
    }
    const smooth = getComputedStyle(document.documentElement).scrollBehavior === 'smooth' ? 'html scroll-behavior: smooth' : '';
    return smooth ? { seconds: Infinity, where: smooth } : worst;
  });
}

/** Adds an element with a 1 s transition and animation through the CSSOM (the CSP allows that), so the check cannot pass by accident. */
async function plantMotion(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'gate-motion-probe';
    el.textContent = 'probe';
    el.style.transition = 'opacity 1s';
    el.style.animation = 'gate-spin 1s infinite';
    document.querySelector('main')!.append(el);
  });
}

describe('reduced motion', () => {
  const routes = allRoutes({ course: course(), locale: 'en' });

  it('with prefers-reduced-motion: reduce, no route moves for longer than 0.01 s', async () => {
    const { context, page } = await newLearner(browser);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const route of routes) {
      await openRoute(page, route);
      await plantMotion(page);
      const m = await longestMotion(page);
      expect(m.seconds, `#${route}: ${m.where}`).toBeLessThanOrEqual(0.01);
    }
    await context.close();
  });

  it('with the app set to reduce motion (the system does not ask), no route moves either', async () => {
    const { context, page } = await newLearner(browser);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openRoute(page, '/settings');
    await page.locator('input[name="motion"][value="reduce"]').check();
    await page.waitForFunction(() => document.documentElement.dataset.motion === 'reduce');
    for (const route of routes) {
      await openRoute(page, route);
      await plantMotion(page);
      const m = await longestMotion(page);
      expect(m.seconds, `#${route}: ${m.where}`).toBeLessThanOrEqual(0.01);
    }
    // The probe does move when nobody asked for less motion: the check above is not vacuous.
    await openRoute(page, '/settings');
    await page.locator('input[name="motion"][value="no-preference"]').check();
    await plantMotion(page);
    expect((await longestMotion(page)).seconds).toBeGreaterThanOrEqual(1);
    await context.close();
  });
});

describe.each(['light', 'dark'] as const)('colour contrast with prefers-color-scheme: %s', (scheme) => {
  it.each(['en', 'ar'])('every route meets WCAG AA contrast, UI in %s', async (locale) => {
    const { context, page } = await newLearner(browser, { locale });
    await page.emulateMedia({ colorScheme: scheme });
    for (const route of allRoutes({ course: course(), locale })) {
      await openRoute(page, route, { locale });
      const violations = await axe(page, { rules: ['color-contrast', 'link-in-text-block'] });
      expect(violations, `#${route} [${scheme}, ${locale}]\n${describeViolations(violations)}`).toEqual([]);
    }
    await context.close();
  });
});

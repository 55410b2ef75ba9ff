/**
 * Gate: a learner with a keyboard only goes from home through a lesson, a citation panel, the
 * formative check and the final assessment to the certificate. Every Tab stop shows a visible
 * focus indicator and is not hidden by other content; every page lets focus come round (no
 * trap); the citation panel opens and closes from the keyboard and gives focus back.
 *
 * Skip-proof: the last test compares the routes the journey walked with the learner routes the
 * router defines (lesson, quiz, assessment, certificate): a learner route that lands without a
 * keyboard step here fails the gate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connect, courseUrl, newLearner, pageErrors } from './helpers.ts';
import { course } from './gate-helpers.ts';
import { focusStop, tabAround, tabTo } from './keyboard.ts';
import { routePatterns } from './route-inventory.ts';
import { KEYBOARD_STEPS } from './keyboard-steps.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const walked: string[] = [];

beforeAll(async () => {
  browser = await connect();
  ({ context, page } = await newLearner(browser));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) walked.push(new URL(f.url()).hash.replace(/^#/, '') || '/');
  });
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

/** Waits until the router has committed `p` (exact path, or a pattern) and its page has rendered. */
const waitPath = async (p: string | RegExp) => {
  const [src, flags] = typeof p === 'string' ? [`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, ''] : [p.source, p.flags];
  await page.waitForFunction(
    (arg: { src: string; flags: string }) => {
      const main = document.querySelector('main[data-path]');
      return (
        new RegExp(arg.src, arg.flags).test(main?.getAttribute('data-path') ?? '') &&
        main?.querySelector('h1') !== null &&
        document.querySelector('[role="status"].loading') === null
      );
    },
    { src, flags },
  );
  // Let the new page's effects run (the layout moves focus to main after paint) before a key is pressed.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
};

describe('a keyboard-only learner (en)', () => {
  const lesson = course().index.lessons[0]!;

  it('starts at the skip link, which is visible and moves focus to the main content', async () => {
    await page.goto(`${courseUrl()}#/`);
    await page.waitForSelector('main[data-path="/"] h1');
    const first = await tabTo(page, () => true, 'home, first Tab', { max: 1 });
    expect(first.label).toMatch(/^a\.skip-link/);
    await page.keyboard.press('Enter');
    expect((await focusStop(page)).id).toBe('main');
    await tabAround(page, 'home');
  });

  it('opens the first lesson from home with Enter', async () => {
    await tabTo(page, (s) => s.href === `#/lesson/${lesson.id}`, 'home → lesson');
    await page.keyboard.press('Enter');
    await waitPath(`/lesson/${lesson.id}`);
    await tabAround(page, `#/lesson/${lesson.id}`);
  });

  it('opens a citation with Enter, stays inside the panel, closes it with Escape and gets focus back', async () => {
    await tabTo(page, (s) => s.tag === 'button' && /¶\d+/.test(s.text) && !s.inDialog, 'lesson → first citation');
    await page.evaluate(() => document.activeElement?.setAttribute('data-gate-trigger', ''));
    await page.keyboard.press('Enter');
    await page.locator('dialog.cite-panel[open] .cited').waitFor();
    expect((await focusStop(page)).inDialog, 'focus moves into the panel').toBe(true);
    // Tab cycles within the modal panel (the page behind is inert) and every stop is visible.
    for (let i = 0; i < 8; i++) {
      const stop = await tabTo(page, () => true, 'citation panel', { max: 1 });
      expect(stop.inDialog || stop.isBody, `Tab left the open panel for ${stop.label}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.locator('dialog.cite-panel[open]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-gate-trigger'))).toBe(true);
    await page.evaluate(() => document.activeElement?.removeAttribute('data-gate-trigger'));

    // Escape and at once Enter again (a quick learner): the panel reopens with its paragraph.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Enter');
      await page.locator('dialog.cite-panel[open] .cited').waitFor();
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    await page.locator('dialog.cite-panel[open] .cited').waitFor({ timeout: 2_000 });
    await page.keyboard.press('Escape');
    await page.locator('dialog.cite-panel[open]').waitFor({ state: 'detached' });

    // And the close button works from the keyboard too.
    await page.keyboard.press('Enter');
    await page.locator('dialog.cite-panel[open] .cited').waitFor();
    await tabTo(page, (s) => s.inDialog && s.tag === 'button' && s.text === 'Close', 'panel → close button', { max: 12 });
    await page.keyboard.press('Enter');
    await page.locator('dialog.cite-panel[open]').waitFor({ state: 'detached' });
    expect(await focusStop(page)).toMatchObject({ tag: 'button', inDialog: false });
  });

  it('reads every section with Next, landing on each new heading', async () => {
    for (let i = 1; i < lesson.sectionIds.length; i++) {
      await tabTo(page, (s) => s.tag === 'a' && s.href === `#/lesson/${lesson.id}/${lesson.sectionIds[i]}` && /Next/.test(s.text), `section ${i} → Next`);
      await page.keyboard.press('Enter');
      await waitPath(`/lesson/${lesson.id}/${lesson.sectionIds[i]}`);
      expect((await focusStop(page)).id).toBe(`sec-${lesson.sectionIds[i]}`);
    }
    await tabAround(page, `#/lesson/${lesson.id} (last section)`);
  });

  // The formative check, the final assessment and the certificate, as each lands in the router.
  for (const step of KEYBOARD_STEPS) {
    it(step.name, async () => {
      await step.run(page, { lesson, tabTo, tabAround, waitPath });
    });
  }

  it('walked every learner route the router defines, with no script error', () => {
    const learnerPatterns = routePatterns().filter((p) => /^\/(lesson|quiz|check|assessment|certificate)\b/.test(p) || p === '/');
    const toRegex = (p: string) =>
      new RegExp(
        `^${p
          .split('/')
          .map((seg) => (seg.startsWith(':') ? (seg.endsWith('?') ? '(?:[^/]+)?' : '[^/]+') : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/')
          .replace(/\/\(\?:\[\^\/\]\+\)\?/g, '(?:/[^/]+)?')}$`,
      );
    const missing = learnerPatterns.filter((p) => !walked.some((w) => toRegex(p).test(w.split('?')[0]!)));
    expect(missing, `learner routes the keyboard journey never reached (add a step to tests/browser/keyboard-steps.ts); walked: ${[...new Set(walked)].join(', ')}`).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });
});

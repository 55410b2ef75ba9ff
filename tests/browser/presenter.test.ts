import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { installFakeLms } from '../support/fake-lms.ts';
import { axe, connect, courseUrl, describeViolations, newLearner, pageErrors } from './helpers.ts';

const LESSON = '04-tpnw';
const SPEAKER = `/present/${LESSON}`;
const AUDIENCE = `/present/${LESSON}?view=audience`;

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser.close();
});

async function openPresenter(page: Page, route: string): Promise<void> {
  await page.goto(`${courseUrl()}#${route}`);
  await page.waitForSelector(`main[data-path="${route.split('?')[0]}"] h1`);
}

const counter = (page: Page) => page.locator('.speaker-counter').textContent();
const audienceTitle = (page: Page) => page.locator('.slide h1').textContent();
const speakerTitle = (page: Page) => page.locator('.speaker-current .slide-heading').textContent();

describe('presenter mode: speaker and audience windows in step', () => {
  let context: BrowserContext;
  let speaker: Page;
  let audience: Page;
  beforeAll(async () => {
    ({ context, page: speaker } = await newLearner(browser));
    await openPresenter(speaker, SPEAKER);
    audience = await context.newPage();
    await openPresenter(audience, AUDIENCE);
  });
  afterAll(async () => {
    await context.close();
  });

  it('shows the same first slide in both windows', async () => {
    expect(await counter(speaker)).toMatch(/^Slide 1 of \d+$/);
    expect(await audienceTitle(audience)).toBe(await speakerTitle(speaker));
  });

  it('moves the audience when the speaker presses the arrow keys', async () => {
    await speaker.keyboard.press('ArrowRight');
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => counter(speaker)).toMatch(/^Slide 3 of/);
    await expect.poll(() => audienceTitle(audience)).toBe(await speakerTitle(speaker));
  });

  it('moves the speaker when the audience window is driven, with Home and End', async () => {
    await audience.keyboard.press('End');
    const total = Number((await counter(speaker))!.replace(/\D+/g, ' ').trim().split(' ')[1]);
    await expect.poll(() => counter(speaker)).toBe(`Slide ${total} of ${total}`);
    await audience.keyboard.press('Home');
    await expect.poll(() => counter(speaker)).toBe(`Slide 1 of ${total}`);
  });

  it('blanks the projector with B and shows the slide again with B', async () => {
    const pressed = () => speaker.locator('button[aria-pressed="true"]').count();
    await speaker.keyboard.press('b');
    await audience.locator('.blank-screen').waitFor();
    await expect.poll(pressed).toBe(1);
    await audience.keyboard.press('B');
    await audience.locator('.slide h1').waitFor();
    await expect.poll(pressed).toBe(0);
  });

  it('brings a window opened later to the current slide', async () => {
    await speaker.keyboard.press('PageDown');
    await expect.poll(() => counter(speaker)).toMatch(/^Slide 2 of/);
    const late = await context.newPage();
    await openPresenter(late, AUDIENCE);
    await expect.poll(() => audienceTitle(late)).toBe(await speakerTitle(speaker));
    await late.close();
  });

  it('says when an audience window is connected', async () => {
    expect(await speaker.locator('.speaker-hint').textContent()).toContain('The audience window is open and in step.');
  });

  it('has no axe violations in either window, and no page errors', async () => {
    for (const page of [speaker, audience]) {
      const violations = await axe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
    }
  });
});

describe('presenter mode never talks to an LMS', () => {
  it('finds the recording LMS on a learner page (so the check below can see calls)', async () => {
    const { context, page } = await newLearner(browser);
    await installFakeLms(context, {});
    await page.goto(`${courseUrl()}#/`);
    await page.waitForSelector('main[data-path="/"] h1');
    const calls = await page.evaluate(() => (window as unknown as { __lmsCalls: string[] }).__lmsCalls);
    expect(calls.some((c) => c.startsWith('Initialize'))).toBe(true);
    await context.close();
  });

  it('makes no call at all while presenting, in either window, up to closing them', async () => {
    const { context, page } = await newLearner(browser);
    await installFakeLms(context, {});
    await openPresenter(page, SPEAKER);
    const audience = await context.newPage();
    await openPresenter(audience, AUDIENCE);
    for (const key of ['ArrowRight', 'ArrowRight', 'b', 'b', 'End', 'Home']) await page.keyboard.press(key);
    await expect.poll(() => counter(page)).toMatch(/^Slide 1 of/);
    const calls = async (p: Page) => p.evaluate(() => (window as unknown as { __lmsCalls: string[] }).__lmsCalls);
    expect(await calls(page)).toEqual([]);
    expect(await calls(audience)).toEqual([]);
    // Nothing kept in the browser either: no progress record was started.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    // Leaving the page (pagehide) is where a session would be terminated.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    expect(await calls(page)).toEqual([]);
    await context.close();
  });
});

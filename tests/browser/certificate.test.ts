import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { compileCourse } from '../../src/content/compile.ts';
import { installFakeLms, passedFinalState, resumedLaunch } from '../support/fake-lms.ts';
import { axe, connect, courseUrl, describeViolations, newLearner, open, pageErrors } from './helpers.ts';
import { ensureAttempt, submit } from './quiz-driver.ts';
import { answerCorrectly } from './quiz-key.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { index } = compileCourse({ root });

/** Today where the test runs, as the certificate writes a date in English. */
const today = () => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser.close();
});

describe('the certificate', () => {
  it('is not there before the final assessment is passed, and says how to get it', async () => {
    const { context, page } = await newLearner(browser);
    await open(page, '/certificate');
    expect(await page.locator('.certificate').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('once you have passed the final assessment');
    expect(await page.locator('a[href$="#/assessment"]').count()).toBeGreaterThan(0);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });

  it("shows the LMS's learner name (Last, First turned round), the course, the score and the day the assessment was passed", async () => {
    const { context, page } = await newLearner(browser);
    await installFakeLms(context, resumedLaunch(passedFinalState(index, 920), 'Ruiz, Ana'));
    await open(page, '/certificate');
    await page.locator('.certificate').waitFor();
    expect(await page.locator('.certificate-name').textContent()).toBe('Ana Ruiz');
    expect(await page.locator('input[autocomplete="name"]').count()).toBe(0);
    const text = (await page.locator('.certificate').textContent()) ?? '';
    expect(text).toContain('Mexico and Action 20: a course on nuclear disarmament and non-proliferation');
    expect(text).toContain('92%');
    // Passed on 12 June 2025 (the saved record says so), printed today.
    expect(await page.locator('.certificate-date').textContent()).toBe('Date: 12 June 2025');
    expect(text).not.toContain(today());
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('asks for the name when the LMS gives none, in the learner’s language (Spanish)', async () => {
    const { context, page } = await newLearner(browser, { locale: 'es-MX' });
    await installFakeLms(context, resumedLaunch(passedFinalState(index), ''));
    await open(page, '/certificate');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    const print = page.locator('.certificate-tools button');
    expect(await print.isDisabled()).toBe(true);
    await page.getByLabel('Su nombre, tal como debe figurar en el certificado').fill('María López');
    expect(await page.locator('.certificate-name').textContent()).toBe('María López');
    expect(await print.isDisabled()).toBe(false);
    expect(await page.locator('.certificate-heading').textContent()).toBe('Certificado de finalización');
    expect(await page.locator('.certificate').textContent()).toMatch(/90\s%/);
    expect(await page.locator('.certificate-date').textContent()).toBe('Fecha: 12 de junio de 2025');
    await context.close();
  });

  it('prints the day the learner passed, where they were, not the day it is printed', async () => {
    // No LMS: the record is kept in the browser. 23:30 on 12 June 2025 in Mexico City is already
    // the 13th in UTC; the certificate is printed on 20 September.
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'America/Mexico_City',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.clock.setFixedTime(new Date('2025-06-13T05:30:00Z'));
    await open(page, '/assessment');
    await ensureAttempt(page, '/assessment');
    const final = (index.quizzes ?? []).find((q) => q.kind === 'final')!;
    await answerCorrectly(page, final.id);
    await submit(page);
    await page.locator('.quiz-results .quiz-score.is-passed').waitFor();

    await page.clock.setFixedTime(new Date('2025-09-20T16:00:00Z'));
    await page.goto(`${courseUrl()}#/certificate`);
    await page.reload();
    await page.locator('main[data-path="/certificate"] .certificate').waitFor();
    expect(await page.evaluate(() => new Date().toDateString())).toBe('Sat Sep 20 2025');
    expect(await page.locator('.certificate-date').textContent()).toBe('Date: 12 June 2025');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says the day it is issued, not a completion date, for a record saved before completion days were kept', async () => {
    const { context, page } = await newLearner(browser);
    await installFakeLms(context, resumedLaunch(passedFinalState(index, 920, null), 'Ruiz, Ana'));
    await open(page, '/certificate');
    await page.locator('.certificate').waitFor();
    expect(await page.locator('.certificate-date').textContent()).toBe(`Issued on ${today()}`);
    expect(await page.locator('.certificate').textContent()).toContain('92%');
    await context.close();
  });

  it('offers the certificate from the home page once the assessment is passed', async () => {
    const { context, page } = await newLearner(browser);
    await installFakeLms(context, resumedLaunch(passedFinalState(index), 'Ruiz, Ana'));
    await open(page, '/');
    await page.locator('a[href$="#/certificate"]').waitFor();
    await context.close();
  });
});

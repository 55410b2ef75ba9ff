import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { compileCourse } from '../../src/content/compile.ts';
import { installFakeLms, passedFinalState, resumedLaunch } from '../support/fake-lms.ts';
import { axe, connect, describeViolations, newLearner, open, pageErrors } from './helpers.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { index } = compileCourse({ root });

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

  it("shows the LMS's learner name (Last, First turned round), the course, the score and the date", async () => {
    const { context, page } = await newLearner(browser);
    await installFakeLms(context, resumedLaunch(passedFinalState(index, 920), 'Ruiz, Ana'));
    await open(page, '/certificate');
    await page.locator('.certificate').waitFor();
    expect(await page.locator('.certificate-name').textContent()).toBe('Ana Ruiz');
    expect(await page.locator('input[autocomplete="name"]').count()).toBe(0);
    const text = (await page.locator('.certificate').textContent()) ?? '';
    expect(text).toContain('Mexico and Action 20: a course on nuclear disarmament and non-proliferation');
    expect(text).toContain('92%');
    expect(text).toContain(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date()));
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

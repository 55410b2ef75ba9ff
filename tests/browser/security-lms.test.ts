/**
 * Gates on the packaged course as an LMS runs it (the zips `npm run package` writes, unpacked
 * under a nested folder, in a frame of a scorm-again host page):
 * - a full learner journey makes 0 requests to any origin other than the course's own;
 * - markup fed in through LMS values (learner name, suspend_data), a learner's own saved answers
 *   and the URL is shown as text and never runs. These run with the CSP bypassed, so they test
 *   the escaping itself, not the policy that would otherwise hide a gap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { Launch, LmsVersion } from '../../preview/launch-data.ts';
import { UI_LOCALES } from '../../src/store/types.ts';
import { connect, courseUrl, pageErrors } from './helpers.ts';
import { course, openRoute } from './gate-helpers.ts';
import { launchCourse, openInFrame, startLms, type LmsSite } from './lms-frame.ts';
import { answerAll, ensureAttempt, submit } from './quiz-driver.ts';
import { answerCorrectly } from './quiz-key.ts';
import { allRoutes, routePatterns } from './route-inventory.ts';

let browser: Browser;
let site: LmsSite;
beforeAll(async () => {
  browser = await connect();
  site = await startLms();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const LEARNER: Launch = { mode: 'normal', credit: true, learnerId: 'gate-1', learnerName: 'Ramírez, Ana' };

describe('a full learner journey through the packaged course', () => {
  it.each(['2004', '1.2'] as const)('SCORM %s: every request stays on the course origin', async (version) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const { page, frame } = await launchCourse(site, context, version, LEARNER);

    // Every route the router defines.
    for (const route of allRoutes({ course: course(), locale: 'en' })) await openInFrame(frame, route);
    // Every section of every lesson, and a citation in each lesson (SCORM 1.2, whose adapter is
    // the only difference, gets the first lesson: the same files load either way).
    const lessons = version === '2004' ? course().index.lessons : course().index.lessons.slice(0, 1);
    for (const lesson of lessons) {
      for (const section of lesson.sectionIds) await openInFrame(frame, `/lesson/${lesson.id}/${section}`);
      await frame.locator('.lesson-section:not([hidden]) button.cite').first().click();
      await frame.locator('dialog.cite-panel[open] .cited').waitFor();
      await frame.locator('dialog.cite-panel[open] .icon-button').click();
    }
    // The source reader, glossary entries and timeline.
    await openInFrame(frame, '/source/91');
    await openInFrame(frame, `/glossary/${course().glossary.at(-1)!.id}`);
    // Every formative check, then the final assessment.
    for (const quiz of (course().index.quizzes ?? []).filter((q) => version === '2004' || q.kind === 'final' || q.lesson === lessons[0]!.id)) {
      const route = quiz.kind === 'final' ? '/assessment' : `/quiz/${quiz.id}`;
      await openInFrame(frame, route);
      await ensureAttempt(frame, route);
      await answerAll(frame);
      await submit(frame);
    }
    // Every interface language (each loads its own strings).
    await openInFrame(frame, '/settings');
    for (const locale of UI_LOCALES) {
      await frame.locator(`input[name="locale"][value="${locale}"]`).check();
      await frame.waitForFunction((l) => document.documentElement.lang === l, locale);
      await frame.waitForLoadState('networkidle');
    }
    await page.close({ runBeforeUnload: true });
    await context.close();

    const origin = new URL(site.server.url).origin;
    const foreign = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
    expect(requests.filter((u) => u.includes('/lms/content/')).length, 'requests made by the course').toBeGreaterThan(20);
    expect(foreign).toEqual([]);
  });
});

/** Markup that calls `xss()` if it is ever parsed as HTML, in a few shapes. */
const PAYLOAD = `<script>xss()</script><img src=x onerror=xss()><svg onload=xss()>`;
/** The same within a fill-in answer's 30 characters. */
const SHORT_PAYLOAD = '<img src=x onerror=xss()>';

/** A context with the CSP bypassed (to test escaping alone) and `xss()` recording any call. */
async function unguarded(): Promise<BrowserContext> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const w = window as unknown as { xss: () => void; xssHits: number };
    w.xssHits = 0;
    w.xss = () => {
      w.xssHits++;
    };
  });
  return context;
}

/** Fails when markup from `payload` was parsed into the DOM or ran in `where`. */
async function expectInert(where: Page | Frame, label: string): Promise<void> {
  const found = await where.evaluate(() => ({
    hits: (window as unknown as { xssHits?: number }).xssHits ?? -1,
    injected: Array.from(document.querySelectorAll('[onerror], [onload], script'))
      .filter((e) => /xss\(\)/.test(e.outerHTML))
      .map((e) => e.outerHTML.slice(0, 80)),
  }));
  expect(found.hits, `${label}: xss() ran`).toBe(0);
  expect(found.injected, `${label}: markup parsed into the page`).toEqual([]);
}

describe('markup in LMS values and saved state is shown as text and never runs', () => {
  it('notices markup that does run (the probe is not blind)', async () => {
    const context = await unguarded();
    const page = await context.newPage();
    await openRoute(page, '/');
    await page.evaluate((p) => {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', p);
    }, PAYLOAD);
    await page.waitForFunction(() => (window as unknown as { xssHits: number }).xssHits > 0);
    await expect(expectInert(page, 'planted')).rejects.toThrow(/xss\(\) ran/);
    await context.close();
  });

  it.each(['2004', '1.2'] as const)('SCORM %s: a learner name with markup, on every route', async (version: LmsVersion) => {
    const context = await unguarded();
    const { page, frame } = await launchCourse(site, context, version, { ...LEARNER, learnerName: PAYLOAD });
    for (const route of allRoutes({ course: course(), locale: 'en' })) {
      await openInFrame(frame, route);
      await expectInert(frame, `#${route}`);
    }
    // Where the course shows the learner's name (the certificate, once the final assessment is
    // passed), it shows it as written.
    if (routePatterns().some((p) => p.startsWith('/certificate'))) {
      const final = (course().index.quizzes ?? []).find((q) => q.kind === 'final')!;
      await openInFrame(frame, '/assessment');
      await ensureAttempt(frame, '/assessment');
      await answerCorrectly(frame, final.id);
      await submit(frame);
      await frame.locator('.quiz-results .quiz-score.is-passed').waitFor();
      await openInFrame(frame, '/certificate');
      await expect(frame.locator('.certificate-name').innerText()).resolves.toBe(PAYLOAD);
      await expectInert(frame, '#/certificate');
    }
    await expectInert(page, 'LMS host page');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it.each(['2004', '1.2'] as const)('SCORM %s: suspend_data that is markup gets the notice and a fresh start', async (version: LmsVersion) => {
    const context = await unguarded();
    const previous = version === '1.2' ? { core: { exit: 'suspend' }, suspend_data: PAYLOAD } : { exit: 'suspend', suspend_data: PAYLOAD };
    const { frame } = await launchCourse(site, context, version, LEARNER, previous);
    await frame.locator('.notice').waitFor();
    for (const route of ['/', '/settings', `/lesson/${course().index.lessons[0]!.id}`]) {
      await openInFrame(frame, route);
      await expectInert(frame, `#${route}`);
    }
    await context.close();
  });

  it("a learner's fill-in answer with markup, saved, reloaded and shown in the review", async () => {
    const context = await unguarded();
    const page = await context.newPage();
    const quiz = (course().index.quizzes ?? []).find((q) => q.kind === 'formative' && q.lesson === course().index.lessons[0]!.id)!;
    const route = `/quiz/${quiz.id}`;
    await openRoute(page, route);
    await ensureAttempt(page, route);
    expect(await page.locator('form.quiz-form input[type="text"]:not([inputmode="decimal"])').count(), 'a fill-in item to type into').toBeGreaterThan(0);
    await answerAll(page, { fillIn: SHORT_PAYLOAD });
    await submit(page);
    expect(await page.locator('.quiz-review').innerText()).toContain(SHORT_PAYLOAD);
    await expectInert(page, `#${route} review`);

    // A new page reads the saved record back; where it keeps the answer (quizzes with limited
    // attempts keep responses, unlimited ones a summary), the review shows it as text.
    const kept = (await page.evaluate(() => Object.values(localStorage).join('\n'))).includes('onerror=xss()');
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await openRoute(again, route);
    await again.locator('.quiz-results').waitFor();
    if (kept) expect(await again.locator('.quiz-review').innerText()).toContain(SHORT_PAYLOAD);
    await expectInert(again, `#${route} after reload`);
    await context.close();
  });

  it('a saved localStorage record whose suspend data is markup gets the notice and runs nothing', async () => {
    const context = await unguarded();
    const page = await context.newPage();
    await page.goto(new URL('/not-the-course', courseUrl()).href);
    await page.evaluate((payload) => {
      const record = {
        v: 1,
        savedAt: Date.now(),
        cmi: { suspendData: payload, location: payload, completion: 'incomplete', progress: 0, success: 'unknown', score: null, interactions: [], objectives: [], totalTimeMs: 0 },
      };
      localStorage.setItem('mx-a20:mx-action20:local', JSON.stringify(record));
    }, PAYLOAD);
    await openRoute(page, '/');
    await page.locator('.notice').waitFor();
    await expectInert(page, 'home with a markup record');
    await context.close();
  });

  it('markup in the address (route parameters) is shown as text or not at all', async () => {
    const context = await unguarded();
    const page = await context.newPage();
    const bad = encodeURIComponent(PAYLOAD);
    for (const route of [`/lesson/${bad}`, `/quiz/${bad}`, `/glossary/${bad}`, `/source/${bad}`, `/${bad}`]) {
      await page.goto(`${courseUrl()}#${route}`);
      await page.waitForSelector('main[data-path] h1');
      await page.waitForLoadState('networkidle');
      await expectInert(page, `#${route}`);
    }
    await context.close();
  });
});

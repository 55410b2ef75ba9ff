/**
 * The SCORM packages as an LMS would run them: each zip unpacked and served under a nested path,
 * launched in a frame of a host page whose scorm-again run-time is the LMS, taken through the
 * course by a learner who closes the tab half-way and comes back, then checked for the values
 * the LMS ended with.
 */
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launch, LmsVersion } from '../../preview/launch-data.ts';
import { course } from './gate-helpers.ts';
import { connect } from './helpers.ts';
import { launchCourse, recordedLms, startLms, type LmsSite } from './lms-frame.ts';
import { answerAll, ensureAttempt, submit } from './quiz-driver.ts';

const lessons = course().index.lessons;
const LEARNER: Launch = { mode: 'normal', credit: true, learnerId: 'student-42', learnerName: 'Ramírez, Ana' };

let site: LmsSite;
let browser: Browser;

beforeAll(async () => {
  // global-setup has built dist/web; lms-frame packages it as `npm run package` does (the size
  // budget is npm run package's to enforce; this test is about how the packages behave in an LMS).
  site = await startLms();
  browser = await connect();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * Opens the host page, installs the LMS run-time with the learner's record (kept from the last
 * tab) and launches the SCO; the LMS records every call but reads.
 */
async function launchTab(context: BrowserContext, version: LmsVersion): Promise<{ page: Page; sco: FrameLocator; frame: () => Frame }> {
  const { page, frame } = await launchCourse(site, context, version, LEARNER, null, { record: true });
  return { page, sco: page.frameLocator('#sco'), frame: () => frame };
}

/** Reads every section of a lesson with Next, as a learner does. */
async function readLesson(tab: { sco: FrameLocator; frame: () => Frame }, lesson: (typeof lessons)[number]) {
  await tab.frame().evaluate((id) => (location.hash = `#/lesson/${id}`), lesson.id);
  await tab.sco.locator(`main[data-path^="/lesson/${lesson.id}"] #lesson-title`).waitFor();
  await tab.sco.locator(`#sec-${lesson.sectionIds[0]}`).waitFor({ state: 'visible' });
  for (let i = 1; i < lesson.sectionIds.length; i++) {
    await tab.sco.getByRole('link', { name: 'Next', exact: true }).click();
    await tab.sco.locator(`#sec-${lesson.sectionIds[i]}`).waitFor({ state: 'visible' });
  }
  await tab.sco.locator('.lesson-progress', { hasText: 'Completed' }).waitFor();
}

const flatten = (value: unknown, prefix = 'cmi', out: Record<string, string> = {}) => {
  if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, out);
  else if (value !== '' && value !== undefined && value !== null) out[prefix] = String(value);
  return out;
};

describe.each(['1.2', '2004'] as const)('the SCORM %s package in an LMS (scorm-again)', (version) => {
  it('is found by the course, keeps progress over a closed tab, and ends with the right CMI values', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const half = Math.ceil(lessons.length / 2);

    // First visit: half the lessons, then the tab is closed (pagehide ends the session).
    const first = await launchTab(context, version);
    await expect(first.sco.locator('.notice').count()).resolves.toBe(0);
    for (const lesson of lessons.slice(0, half)) await readLesson(first, lesson);
    await first.page.close({ runBeforeUnload: true });
    const paused = await recordedLms(site, context, version);
    const p = flatten(paused.record);
    expect(paused.calls.map((c) => c.fn).slice(-1)).toEqual([version === '1.2' ? 'LMSFinish' : 'Terminate']);
    expect(p[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']).toBe('suspend');
    expect(p[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status']).toBe('incomplete');
    expect(p['cmi.suspend_data']).toMatch(/^2\|/);

    // Coming back: the LMS says resume, and the course shows what was done.
    const second = await launchTab(context, version);
    await expect(second.sco.locator('.lesson-card .status.done').count()).resolves.toBe(half);
    for (const lesson of lessons.slice(half)) await readLesson(second, lesson);

    // The final assessment, answered and submitted.
    await second.frame().evaluate(() => (location.hash = '#/assessment'));
    await second.sco.locator('main[data-path="/assessment"] h1').waitFor();
    const quizPage = second.frame() as unknown as Page;
    await ensureAttempt(quizPage, '/assessment');
    const answered = await answerAll(quizPage);
    await submit(quizPage);
    await second.page.close({ runBeforeUnload: true });

    const end = await recordedLms(site, context, version);
    const cmi = flatten(end.record);
    const sets = end.calls.filter((c) => /SetValue$/.test(c.fn));
    const commits = end.calls.filter((c) => /Commit$/.test(c.fn));
    console.log(`SCORM ${version}, scripted full run (2 sessions, ${lessons.length} lessons, final assessment of ${answered} items): ${sets.length} SetValue, ${commits.length} Commit`);
    expect(end.calls.every((c) => c.result === 'true')).toBe(true);
    // Never the same value twice in a row for an element.
    const last = new Map<string, string>();
    for (const { args: [element, value] } of sets) {
      if (!/session_time|exit/.test(element!)) expect(`${element}=${last.get(element!)}`).not.toBe(`${element}=${value}`);
      last.set(element!, value!);
    }

    const objectiveIds = Object.entries(cmi).filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k)).map(([, v]) => v);
    expect(objectiveIds).toEqual(lessons.map((l) => l.id));
    const interactionIds = Object.keys(cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k));
    expect(interactionIds).toHaveLength(answered);
    if (version === '1.2') {
      const raw = Number(cmi['cmi.core.score.raw']);
      expect(cmi['cmi.core.lesson_status']).toBe(raw >= 80 ? 'passed' : 'failed');
      expect(cmi['cmi.core.exit'] ?? '').toBe('');
      expect(cmi['cmi.objectives.0.status']).toBe('completed');
      expect(sets.find((c) => c.args[0] === 'cmi.core.session_time')?.args[1]).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    } else {
      const scaled = Number(cmi['cmi.score.scaled']);
      expect([cmi['cmi.completion_status'], cmi['cmi.progress_measure']]).toEqual(['completed', '1']);
      expect(cmi['cmi.success_status']).toBe(scaled >= 0.8 ? 'passed' : 'failed');
      expect(Number(cmi['cmi.score.raw'])).toBeCloseTo(scaled * 100, 1);
      expect(cmi['cmi.exit']).toBe('normal');
      expect(cmi['cmi.objectives.0.completion_status']).toBe('completed');
      expect(sets.find((c) => c.args[0] === 'cmi.session_time')?.args[1]).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
      expect(cmi['cmi.interactions.0.timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/);
    }
    await context.close();
  }, 300_000);
});

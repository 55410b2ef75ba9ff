/**
 * The SCORM packages as an LMS would run them: each zip unpacked and served under a nested path,
 * launched in a frame of a host page whose scorm-again run-time is the LMS, taken through the
 * course by a learner who closes the tab half-way and comes back, then checked for the values
 * the LMS ended with.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/content/compile.ts';
import { nextLaunchData, type CmiRecord, type Launch, type LmsVersion } from '../../preview/launch-data.ts';
import { writePackages } from '../../scorm/package.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { connect } from './helpers.ts';
import { answerAll, ensureAttempt, submit } from './quiz-driver.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const course = compileCourse({ root });
const lessons = course.index.lessons;
const LEARNER: Launch = { mode: 'normal', credit: true, learnerId: 'student-42', learnerName: 'Ramírez, Ana' };

const tmp = mkdtempSync(path.join(os.tmpdir(), 'scorm-lms-'));
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // global-setup has built dist/web; package it as `npm run package` does. The size budget is
  // npm run package's to enforce; this test is about how the packages behave in an LMS.
  const built = await writePackages(root, path.join(root, 'dist', 'web'), path.join(tmp, 'zips'), { maxBytes: Number.POSITIVE_INFINITY });
  for (const p of built) {
    const dir = path.join(tmp, 'lms', 'content', path.basename(p.file, '.zip'));
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(p.file))))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), bytes);
    }
  }
  writeFileSync(
    path.join(tmp, 'lms', 'player.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS player</title></head><body style="margin:0"><iframe id="sco" title="Course" style="width:100%;height:880px;border:0"></iframe></body></html>',
  );
  server = await serveStatic(tmp, '/');
  browser = await connect();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The run-times as plain scripts (their require builds set window.Scorm12API / Scorm2004API). */
const RUNTIME = { '1.2': 'scorm-again/scorm12/min', '2004': 'scorm-again/scorm2004/min' } as const;
const storeKey = (v: LmsVersion) => `lms-record:${v}`;

/** Opens the host page, installs the LMS run-time with the learner's record and launches the SCO. */
async function launchTab(context: BrowserContext, version: LmsVersion): Promise<{ page: Page; sco: FrameLocator; frame: () => Frame }> {
  const page = await context.newPage();
  await page.goto(`${server.url}lms/player.html`);
  const previous = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), storeKey(version))) ?? 'null') as CmiRecord | null;
  await page.addScriptTag({ path: require.resolve(RUNTIME[version]) });
  const zip = version === '1.2' ? 'mx-action20-scorm12' : 'mx-action20-scorm2004';
  await page.evaluate(
    ({ version, data, src, key }) => {
      const w = window as unknown as Record<string, unknown>;
      const Api = (version === '1.2' ? w.Scorm12API : w.Scorm2004API) as new (s: object) => Record<string, (...a: unknown[]) => unknown>;
      const rt = new Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
      rt.loadFromJSON!(data as never, '');
      const names =
        version === '1.2'
          ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
          : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];
      const calls = JSON.parse(localStorage.getItem(`${key}:calls`) ?? '[]') as string[][];
      const api: Record<string, (...a: string[]) => string> = {};
      for (const fn of names) {
        api[fn] = (...args: string[]) => {
          const result = String(rt[fn]!(...args));
          // What an LMS keeps: every write and commit, and the record after each commit.
          if (!/Get/.test(fn)) {
            calls.push([fn, ...args, result]);
            localStorage.setItem(`${key}:calls`, JSON.stringify(calls));
          }
          if (/Commit|Finish|Terminate/.test(fn) && result === 'true') {
            localStorage.setItem(key, JSON.stringify((rt.renderCommitCMI!(true) as { cmi: unknown }).cmi));
          }
          return result;
        };
      }
      w[version === '1.2' ? 'API' : 'API_1484_11'] = api;
      (document.getElementById('sco') as HTMLIFrameElement).src = src;
    },
    { version, data: nextLaunchData(version, previous, LEARNER), src: `content/${zip}/index.html`, key: storeKey(version) },
  );
  const sco = page.frameLocator('#sco');
  await sco.locator('main[data-path="/"] h1').waitFor();
  return { page, sco, frame: () => page.frames().find((f) => f.url().includes('/lms/content/'))! };
}

/** Reads the LMS's record and call log (what it kept, from localStorage of the host's origin). */
async function lmsState(context: BrowserContext, version: LmsVersion) {
  const page = await context.newPage();
  await page.goto(`${server.url}lms/player.html`);
  const [record, calls] = await page.evaluate((k) => [localStorage.getItem(k), localStorage.getItem(`${k}:calls`)], storeKey(version));
  await page.close();
  return { record: JSON.parse(record ?? 'null') as Record<string, unknown>, calls: JSON.parse(calls ?? '[]') as string[][] };
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
    const paused = await lmsState(context, version);
    const p = flatten(paused.record);
    expect(paused.calls.map((c) => c[0]).slice(-1)).toEqual([version === '1.2' ? 'LMSFinish' : 'Terminate']);
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

    const end = await lmsState(context, version);
    const cmi = flatten(end.record);
    const sets = end.calls.filter((c) => /SetValue$/.test(c[0]!));
    const commits = end.calls.filter((c) => /Commit$/.test(c[0]!));
    console.log(`SCORM ${version}, scripted full run (2 sessions, ${lessons.length} lessons, final assessment of ${answered} items): ${sets.length} SetValue, ${commits.length} Commit`);
    expect(end.calls.every((c) => c[c.length - 1] === 'true')).toBe(true);
    // Never the same value twice in a row for an element.
    const last = new Map<string, string>();
    for (const [, element, value] of sets) {
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
      expect(sets.find(([, e]) => e === 'cmi.core.session_time')?.[2]).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    } else {
      const scaled = Number(cmi['cmi.score.scaled']);
      expect([cmi['cmi.completion_status'], cmi['cmi.progress_measure']]).toEqual(['completed', '1']);
      expect(cmi['cmi.success_status']).toBe(scaled >= 0.8 ? 'passed' : 'failed');
      expect(Number(cmi['cmi.score.raw'])).toBeCloseTo(scaled * 100, 1);
      expect(cmi['cmi.exit']).toBe('normal');
      expect(cmi['cmi.objectives.0.completion_status']).toBe('completed');
      expect(sets.find(([, e]) => e === 'cmi.session_time')?.[2]).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
      expect(cmi['cmi.interactions.0.timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/);
    }
    await context.close();
  }, 300_000);
});

/**
 * A scripted full run of the packaged course in an LMS, for `npm run bench`: the learner reads
 * half the lessons, closes the tab, comes back (the LMS resumes), reads the rest, takes every
 * formative check and the final assessment, and closes the tab. Counts the SetValue and Commit
 * calls the course made, and the redundant writes (a SetValue of the value the LMS already held),
 * which must be none.
 */
import type { Browser } from 'playwright-core';
import type { CourseIndex } from '../../src/content/model.ts';
import type { Launch, LmsVersion } from '../../preview/launch-data.ts';
import { launchCourse, openInFrame, recordedCalls, type LmsSite } from '../browser/lms-frame.ts';
import { answerAll, ensureAttempt, submit } from '../browser/quiz-driver.ts';

export interface RunCounts {
  setValue: number;
  commit: number;
  redundant: number;
  /** The redundant writes, for the report. */
  redundantWrites: string[];
  failed: string[];
}

const LEARNER: Launch = { mode: 'normal', credit: true, learnerId: 'bench-1', learnerName: 'Ramírez, Ana' };

export async function scriptedRun(
  browser: Browser,
  site: LmsSite,
  version: LmsVersion,
  index: CourseIndex,
): Promise<RunCounts> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const lessons = index.lessons;
    const half = Math.ceil(lessons.length / 2);
    const read = async (
      frame: Awaited<ReturnType<typeof launchCourse>>['frame'],
      lesson: (typeof lessons)[number],
    ) => {
      await openInFrame(frame, `/lesson/${lesson.id}`);
      for (let i = 1; i < lesson.sectionIds.length; i++) {
        await frame.getByRole('link', { name: 'Next', exact: true }).click();
        await frame.locator(`#sec-${lesson.sectionIds[i]}`).waitFor({ state: 'visible' });
      }
    };

    const first = await launchCourse(site, context, version, LEARNER, null, { record: true });
    for (const lesson of lessons.slice(0, half)) await read(first.frame, lesson);
    await first.page.close({ runBeforeUnload: true });

    const second = await launchCourse(site, context, version, LEARNER, null, { record: true });
    for (const lesson of lessons.slice(half)) await read(second.frame, lesson);
    for (const quiz of index.quizzes ?? []) {
      const route = quiz.kind === 'final' ? '/assessment' : `/quiz/${quiz.id}`;
      await openInFrame(second.frame, route);
      await ensureAttempt(second.frame, route);
      await answerAll(second.frame);
      await submit(second.frame);
    }
    await second.page.close({ runBeforeUnload: true });

    const calls = await recordedCalls(site, context, version);
    const sets = calls.filter((c) => /SetValue$/.test(c.fn));
    return {
      setValue: sets.length,
      commit: calls.filter((c) => /Commit$/.test(c.fn)).length,
      redundant: sets.filter((c) => c.redundant).length,
      redundantWrites: sets.filter((c) => c.redundant).map((c) => `${c.args[0]}=${c.args[1]}`),
      failed: calls
        .filter((c) => c.result !== 'true')
        .map((c) => `${c.fn}(${c.args.join(', ')}) → ${c.result}`),
    };
  } finally {
    await context.close();
  }
}

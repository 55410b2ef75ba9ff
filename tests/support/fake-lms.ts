/**
 * A SCORM 2004 run-time that answers GetValue from a table and records every call, installed as
 * window.API_1484_11 before the course's scripts run (context.addInitScript). For tests of what
 * the course does with an LMS's values (the learner's name, a saved record) and of what it writes.
 */
import type { BrowserContext } from 'playwright-core';
import type { CourseIndex } from '../../src/content/model.ts';
import { calendarDay, encodeQuizLogs } from '../../src/quiz/log.ts';
import { encodeState } from '../../src/tracking/state-codec.ts';

/**
 * The script is plain text, not a function: a function would be serialised as compiled by the
 * test runner, which may wrap it in helpers (esbuild's `__name`) that the page does not have.
 */
const FAKE_LMS = `(table) => {
  const calls = [];
  window.__lmsCalls = calls;
  const record = (name, result) => (...args) => {
    calls.push(name + '(' + args.map(String).join(', ') + ')');
    return result(args);
  };
  window.API_1484_11 = {
    Initialize: record('Initialize', () => 'true'),
    Terminate: record('Terminate', () => 'true'),
    GetValue: record('GetValue', (args) => (Object.prototype.hasOwnProperty.call(table, String(args[0])) ? table[String(args[0])] : '')),
    SetValue: record('SetValue', () => 'true'),
    Commit: record('Commit', () => 'true'),
    GetLastError: record('GetLastError', () => '0'),
    GetErrorString: record('GetErrorString', () => ''),
    GetDiagnostic: record('GetDiagnostic', () => ''),
  };
}`;

export async function installFakeLms(context: BrowserContext, values: Record<string, string>): Promise<void> {
  await context.addInitScript({ content: `(${FAKE_LMS})(${JSON.stringify(values)});` });
}

/** The day the final assessment is passed in {@link passedFinalState}: 12 June 2025, long before any test runs. */
export const PASSED_DAY = calendarDay(new Date(2025, 5, 12))!;

/**
 * A saved record (cmi.suspend_data) in which the final assessment was passed with `score` per
 * mille on `day` (a day number of the quiz record; null: saved by a build before days were kept).
 */
export function passedFinalState(index: CourseIndex, score = 900, day: number | null = PASSED_DAY): string {
  const final = (index.quizzes ?? []).find((q) => q.kind === 'final');
  if (!final) throw new Error('the course has no final assessment (quizzes/final.yaml)');
  const attempts = encodeQuizLogs(
    { [final.id]: { submitted: [{ seed: 12345, tokens: '', score, day }], count: 1, best: score, current: null } },
    index.quizzes ?? [],
  );
  return encodeState({ visited: {}, location: null, prefs: { locale: null, textSize: 100, reducedMotion: 'system' }, attempts }, index);
}

/** What a resumed SCORM 2004 launch says about itself. */
export function resumedLaunch(suspendData: string, learnerName: string): Record<string, string> {
  return {
    'cmi.mode': 'normal',
    'cmi.credit': 'credit',
    'cmi.entry': 'resume',
    'cmi.learner_name': learnerName,
    'cmi.learner_id': 'learner-1',
    'cmi.suspend_data': suspendData,
    'cmi.completion_status': 'incomplete',
    'cmi.success_status': 'passed',
  };
}

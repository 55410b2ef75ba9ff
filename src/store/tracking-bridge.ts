import type { CourseIndex } from '../content/model.ts';
import type { CompletionStatus, LmsAdapter } from '../tracking/adapter.ts';
import { connectLms } from '../tracking/connect.ts';
import { createStandaloneAdapter } from '../tracking/standalone/standalone-adapter.ts';
import { decodeState, encodeState, type ResumeState } from '../tracking/state-codec.ts';
import { COURSE_ID } from '../course-config.ts';
import { selectPersisted, useCourseStore } from './course-store.ts';
import { courseProgress, lessonProgress } from './selectors.ts';
import { TEXT_SIZES, UI_LOCALES, type PersistedProgress, type UiLocale } from './types.ts';
import { EMPTY_LOG, decodeQuizLogs, encodeQuizLogs, logOutcome } from '../quiz/log-codec.ts';
import { interactionOffset, interactionsOf, scoreReport, successOf } from './quiz-reporting.ts';

/**
 * The ONE place that talks to an LMS adapter. Data flows store -> bridge -> adapter; the only
 * thing that flows back is the saved state, decoded once at launch.
 *
 * When it writes: every change of progress is written at once but committed only on meaningful
 * events (a newly viewed section, a language change), when the page is hidden, and at pagehide,
 * where the session is terminated. A value that has not changed is never written again.
 */
export interface TrackingHandle {
  adapter: LmsAdapter;
  /** Writes session time and commits (what `visibilitychange` to hidden does). */
  flush: () => void;
  /** Unsubscribes and removes the page listeners, without terminating. */
  stop: () => void;
}

export interface TrackingOptions {
  index: CourseIndex;
  /** The adapter to track with as it is (tests, a host with its own); {@link launchTracking} finds the LMS's. */
  adapter: LmsAdapter;
  /** The window whose page lifecycle ends the session; defaults to the global one. */
  win?: Window;
  now?: () => number;
  /** Where problems are logged; defaults to console.warn. */
  log?: (message: string) => void;
}

const UNREADABLE_BACKUP_PREFIX = `mx-a20:${COURSE_ID}:unreadable-state:`;

function toPersisted(s: ResumeState): PersistedProgress {
  const locale = (UI_LOCALES as readonly string[]).includes(s.prefs.locale ?? '')
    ? (s.prefs.locale as UiLocale)
    : null;
  const textSize = (TEXT_SIZES as readonly number[]).includes(s.prefs.textSize) ? s.prefs.textSize : 100;
  return { visited: s.visited, location: s.location, prefs: { ...s.prefs, locale, textSize } };
}

function safeStorage(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

function standaloneAdapter(win: Window): LmsAdapter {
  const storage = safeStorage(win);
  return createStandaloneAdapter({ courseId: COURSE_ID, ...(storage ? { storage } : {}) });
}

/** The LMS's adapter when an LMS launched the course (API discovery), else null. */
function lmsAdapter(win: Window, log: (m: string) => void): Promise<LmsAdapter | null> {
  const storage = safeStorage(win);
  return connectLms(win, { courseId: COURSE_ID, ...(storage ? { storage } : {}), log: (m) => log(`LMS: ${m}`) });
}

const defaultLog = (m: string) => console.warn(`[tracking] ${m}`);

/** Where the adapter came from: an LMS found at launch, none found (this browser), or the caller. */
type AdapterOrigin = 'lms' | 'browser-only' | 'given';

export type LaunchOptions = Omit<TrackingOptions, 'adapter'>;

/**
 * Starts tracking at launch: finds the LMS by API discovery and loads the adapter of its SCORM
 * version only then (src/tracking/connect.ts), or, with no LMS, keeps progress in this browser
 * and tells the learner. Resolves once the saved state is in the store, so the first render
 * already shows the learner's progress and language. An adapter module that cannot be loaded
 * counts as no LMS: progress is kept in the browser rather than lost.
 */
export async function launchTracking(options: LaunchOptions): Promise<TrackingHandle> {
  const win = options.win ?? window;
  const log = options.log ?? defaultLog;
  let lms: LmsAdapter | null = null;
  try {
    lms = await lmsAdapter(win, log);
  } catch (e) {
    log(`the LMS adapter could not be loaded (${e instanceof Error ? e.message : String(e)}); progress is kept in this browser only`);
  }
  return track(options, lms ?? standaloneAdapter(win), lms ? 'lms' : 'browser-only');
}

/** Starts tracking with the adapter given (no discovery, no fallback): reads the saved state at once. */
export function startTracking(options: TrackingOptions): TrackingHandle {
  return track(options, options.adapter, 'given');
}

function track(options: LaunchOptions, initial: LmsAdapter, origin: AdapterOrigin): TrackingHandle {
  const win = options.win ?? window;
  const now = options.now ?? (() => Date.now());
  const log = options.log ?? defaultLog;
  let adapter = initial;
  const store = useCourseStore;
  const startedAt = now();

  const fail = (what: string) => {
    const e = adapter.lastError();
    log(`${what} failed${e ? `: ${e.call} -> ${e.code} ${e.message}${e.detail ? ` (${e.detail})` : ''}` : ''}`);
    store.getState().showNotice('save-failed');
  };

  let info = adapter.initialize();
  let inBrowserOnly = origin === 'browser-only';
  if (!info && origin === 'lms') {
    // The LMS would not start a session: keep progress in this browser rather than nowhere.
    const e = adapter.lastError();
    log(`the LMS refused to start a session${e ? ` (${e.code} ${e.message})` : ''}; progress is kept in this browser only`);
    adapter = standaloneAdapter(win);
    info = adapter.initialize();
    inBrowserOnly = true;
  }
  if (!info) fail('Initialize');
  store.getState().startSession({ adapterKind: adapter.kind, learnerName: info?.learnerName ?? null });
  if (inBrowserOnly) store.getState().showNotice('lms-unavailable');
  if (info?.notice === 'saved-record-unreadable') store.getState().showNotice('saved-state-unreadable');

  const raw = info ? adapter.readState() : null;
  const decoded = decodeState(raw, options.index);
  if (decoded.ok) {
    store.getState().hydrate(toPersisted(decoded.state));
    const quizzes = decodeQuizLogs(decoded.state.attempts, options.index.quizzes ?? []);
    store.getState().hydrateQuizzes(quizzes.logs);
    for (const e of quizzes.errors) log(`saved quiz record skipped: ${e}`);
  } else if (decoded.reason !== 'empty') {
    // Keep the value we could not read: it may belong to a newer version of the course.
    try {
      safeStorage(win)?.setItem(`${UNREADABLE_BACKUP_PREFIX}${now()}`, decoded.raw);
    } catch {
      /* storage full or disabled: the LMS still has the value */
    }
    log(`saved state could not be read (${decoded.reason}); starting fresh`);
    store.getState().showNotice('saved-state-unreadable');
  }

  // What the adapter holds now; a value equal to these is never written again.
  const written = {
    state: decoded.ok ? (raw ?? '') : '',
    location: info ? (adapter.readLocation() ?? '') : '',
    completion: '' as CompletionStatus | '',
    progress: -1,
    objectives: new Map<string, string>(),
    /** Score and success of the final assessment as `raw:success` (what the LMS already has). */
    assessment: '',
    /** Submissions of this session already reported. */
    submissions: 0,
  };
  const finalQuiz = (options.index.quizzes ?? []).find((q) => q.kind === 'final');
  const assessmentKey = (log = EMPTY_LOG) => {
    if (!finalQuiz) return '';
    const outcome = logOutcome(finalQuiz, log);
    return `${scoreReport(outcome)?.raw ?? ''}:${successOf(outcome)}`;
  };
  if (finalQuiz) written.assessment = assessmentKey(store.getState().quizLogs[finalQuiz.id]);

  const sync = (commit: boolean) => {
    if (!info) return;
    const s = store.getState();
    let ok = true;
    /** Runs one adapter write; a refusal is logged, shown once, and blocks the commit. */
    const attempt = (what: string, call: () => boolean): boolean => {
      if (call()) return true;
      ok = false;
      fail(what);
      return false;
    };
    const attempts = encodeQuizLogs(s.quizLogs, options.index.quizzes ?? []);
    const encoded = encodeState({ ...selectPersisted(s), attempts }, options.index);
    if (encoded !== written.state && attempt('Saving progress', () => adapter.writeState(encoded))) {
      written.state = encoded;
    }
    const loc = s.location ? `${s.location.lesson}/${s.location.section}` : '';
    if (loc && loc !== written.location && attempt('Saving location', () => adapter.writeLocation(loc))) {
      written.location = loc;
    }
    const cp = courseProgress(s.visited, options.index);
    const completion: CompletionStatus = cp.lessonsComplete === cp.lessonsTotal && cp.lessonsTotal > 0 ? 'completed' : 'incomplete';
    const progress = Math.round(cp.ratio * 100) / 100;
    if (
      (completion !== written.completion || progress !== written.progress) &&
      attempt('Saving completion', () => adapter.writeCompletion(completion, progress))
    ) {
      written.completion = completion;
      written.progress = progress;
    }
    options.index.lessons.forEach((lesson, i) => {
      const p = lessonProgress(s.visited, lesson);
      const ratio = p.total === 0 ? 0 : Math.round((p.viewed / p.total) * 100) / 100;
      const status: CompletionStatus = p.complete ? 'completed' : p.viewed > 0 ? 'incomplete' : 'not attempted';
      const key = `${status}:${ratio}`;
      // Unchanged: nothing to write. Every lesson's objective is written once, in index order, even
      // when not attempted: an LMS accepts cmi.objectives.n only once 0..n-1 exist.
      if (written.objectives.get(lesson.id) === key) return;
      const objective = { id: lesson.id, completion: status, success: 'unknown' as const, progress: ratio };
      if (attempt('Saving lesson status', () => adapter.writeObjective(i, objective))) {
        written.objectives.set(lesson.id, key);
      }
    });
    // The final assessment: one interaction per answered item of each new attempt, then the
    // grade (cmi.score.*) and pass/fail (cmi.success_status), both decided in src/quiz.
    for (const sub of s.quizSubmissions.slice(written.submissions)) {
      if (finalQuiz && sub.quizId === finalQuiz.id) {
        const offset = interactionOffset(sub.attempt, finalQuiz.draw);
        for (const r of interactionsOf(sub)) {
          attempt('Saving an answer', () => adapter.writeInteraction(offset + r.position, r.report));
        }
      }
      written.submissions += 1;
    }
    if (finalQuiz) {
      const log = s.quizLogs[finalQuiz.id] ?? EMPTY_LOG;
      const key = assessmentKey(log);
      if (key !== written.assessment) {
        const outcome = logOutcome(finalQuiz, log);
        const score = scoreReport(outcome);
        const wroteScore = !score || attempt('Saving the score', () => adapter.writeScore(score));
        if (wroteScore && attempt('Saving the result', () => adapter.writeSuccess(successOf(outcome)))) {
          written.assessment = key;
        }
      }
    }
    if (commit && ok && !adapter.commit()) fail('Commit');
  };

  // First launch: the LMS learns at once that the course is incomplete.
  sync(true);

  const unsubscribe = store.subscribe((s, prev) => {
    const meaningful =
      s.visited !== prev.visited || s.locale !== prev.locale || s.quizSubmissions !== prev.quizSubmissions;
    const changed =
      meaningful ||
      s.quizLogs !== prev.quizLogs ||
      s.location !== prev.location ||
      s.textSize !== prev.textSize ||
      s.reducedMotion !== prev.reducedMotion;
    if (changed) sync(meaningful);
  });

  const flush = () => {
    if (!info) return;
    sync(false);
    if (!adapter.writeSessionTime(now() - startedAt)) fail('Saving session time');
    if (!adapter.commit()) fail('Commit');
  };

  let ended = false;
  const onVisibility = () => {
    // After pagehide has ended the session, a late visibilitychange has nothing left to save.
    if (!ended && win.document.visibilityState === 'hidden') flush();
  };
  const onPageHide = () => {
    if (ended || !info) return;
    flush();
    const s = store.getState();
    const done = courseProgress(s.visited, options.index);
    ended = true;
    if (!adapter.terminate(done.lessonsComplete === done.lessonsTotal ? 'normal' : 'suspend')) fail('Terminate');
  };
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);

  return {
    adapter,
    flush,
    stop: () => {
      unsubscribe();
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('pagehide', onPageHide);
    },
  };
}

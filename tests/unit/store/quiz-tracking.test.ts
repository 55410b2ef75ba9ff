// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CourseIndex, LessonMeta } from '../../../src/content/model.ts';
import type { QuizMeta } from '../../../src/content/quiz-model.ts';
import { drawItems } from '../../../src/quiz/index.ts';
import { decodeState } from '../../../src/tracking/state-codec.ts';
import { initialCourseState, useCourseStore } from '../../../src/store/course-store.ts';
import { answerQuizItem, beginQuiz, submitQuiz } from '../../../src/store/quiz-actions.ts';
import { startTracking, type TrackingHandle } from '../../../src/store/tracking-bridge.ts';
import { memoryLms } from '../../support/memory-lms.ts';
import { quiz, trueFalse, single } from '../quiz/builders.ts';

function lesson(id: string): LessonMeta {
  return {
    id,
    order: 1,
    minutes: 10,
    paragraphs: [1],
    sectionIds: ['s1'],
    titles: { en: id },
    locales: ['en'],
  };
}

/** A final assessment of 4 items drawn from 6 (keys: true), 3 attempts, 75 % to pass. */
const final = quiz(
  [
    ...Array.from({ length: 5 }, (_, i) => trueFalse(true, `t${i}`, i % 2 ? 'a' : 'b')),
    single('b', ['a', 'b', 'c'], 's0', 'a'),
  ],
  { draw: 4, passMark: 0.75 },
);
const meta = (q: typeof final): QuizMeta => ({
  id: q.id,
  kind: q.kind,
  items: q.items.length,
  draw: q.draw,
  passMark: q.passMark,
  attempts: q.attempts,
  grading: q.grading,
  titles: { es: '', en: '', zh: '' },
});
const index: CourseIndex = {
  lessons: [lesson('a'), lesson('b')],
  paragraphCount: 91,
  quizzes: [meta(final)],
};

let handle: TrackingHandle | undefined;
beforeEach(() => useCourseStore.setState(initialCourseState, true));
afterEach(() => {
  handle?.stop();
  handle = undefined;
  vi.useRealTimers();
});

/** One attempt answering `right` of the drawn items right (in order), then submitted. */
function attempt(seed: number, right: number) {
  expect(beginQuiz(final, seed)).toBe(true);
  drawItems(final, seed).forEach((item, i) => {
    const good = i < right;
    const input = item.kind === 'single' ? { selected: good ? 'b' : 'a' } : { value: good };
    answerQuizItem(final, i, input);
  });
  return submitQuiz(final)!;
}

describe('quiz results reach the LMS through the tracking bridge', () => {
  it('writes one interaction per answered item, then the grade and pass/fail, and commits', () => {
    const { adapter, kept } = memoryLms();
    handle = startTracking({ index, adapter, now: () => 0, log: () => undefined });
    const commits = kept.commits;
    const first = attempt(11, 2);
    expect(first.result.passed).toBe(false);
    expect([...kept.interactions.keys()]).toEqual([0, 1, 2, 3]);
    expect([...kept.interactions.values()].map((r) => r.result)).toEqual([
      'correct',
      'correct',
      'incorrect',
      'incorrect',
    ]);
    expect(kept.interactions.get(0)!.id).toBe(`final-${first.items[0]!.id}`);
    expect(kept.scores.at(-1)).toEqual({ raw: 50, min: 0, max: 100, scaled: 0.5 });
    expect(kept.success.at(-1)).toBe('failed');
    expect(kept.commits).toBeGreaterThan(commits);

    attempt(12, 3);
    // The second attempt's interactions follow the first's: nothing is overwritten.
    expect([...kept.interactions.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(kept.scores.at(-1)).toEqual({ raw: 75, min: 0, max: 100, scaled: 0.75 });
    expect(kept.success.at(-1)).toBe('passed');
  });

  it('saves the attempts, with the local day of each submission, in suspend_data and restores them on the next launch without reporting them again', () => {
    // 23:30 on 12 June 2025 where the learner is: that day (1j9), whatever the date in UTC.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 5, 12, 23, 30));
    const first = memoryLms();
    handle = startTracking({ index, adapter: first.adapter, now: () => 0, log: () => undefined });
    const submitted = attempt(21, 4);
    expect(submitted.at).toEqual(new Date(2025, 5, 12, 23, 30));
    beginQuiz(final, 22);
    answerQuizItem(final, 1, { value: false });
    handle.stop();
    const saved = first.kept.state!;
    const decoded = decodeState(saved, index);
    expect(decoded.ok && decoded.state.attempts).toMatch(
      /^[A-Za-z0-9_-]{3}:l:.*:rs:1j9;[A-Za-z0-9_-]{3}:m:.*:p$/,
    );

    useCourseStore.setState(initialCourseState, true);
    const second = memoryLms(saved);
    handle = startTracking({ index, adapter: second.adapter, now: () => 0, log: () => undefined });
    const log = useCourseStore.getState().quizLogs.final!;
    expect(log).toMatchObject({ count: 1, best: 1000, current: { seed: 22 } });
    expect(log.submitted).toMatchObject([{ seed: 21, score: 1000, day: 1989 }]);
    // Known to the LMS already: neither the score nor any interaction is written again.
    expect(second.kept.scores).toEqual([]);
    expect(second.kept.interactions.size).toBe(0);
    expect(second.kept.state).toBe(saved);
  });

  it('resumes a learner saved before quizzes existed (resume state v1): progress kept, no attempts, v2 written next', () => {
    const v1 = '1:{"v":{"a":["s1"]},"l":["a","s1"],"p":["es",125,"r"]}';
    const { adapter, kept } = memoryLms(v1);
    handle = startTracking({ index, adapter, now: () => 0, log: () => undefined });
    expect(useCourseStore.getState().visited).toEqual({ a: ['s1'] });
    expect(useCourseStore.getState().quizLogs).toEqual({});
    attempt(31, 4);
    const decoded = decodeState(kept.state!, index);
    expect(decoded).toMatchObject({ ok: true, version: 2, state: { visited: { a: ['s1'] } } });
    expect(decoded.ok && decoded.state.attempts).toMatch(/:rs:[0-9a-z]{3}$/);
  });
});

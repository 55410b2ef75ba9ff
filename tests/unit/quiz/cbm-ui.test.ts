// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCourse, formatDiagnostic } from '../../../src/content/index.ts';
import type { Certainty, QuizDefinition, QuizItem, UserInput } from '../../../src/content/quiz-model.ts';
import { UI_LOCALES } from '../../../src/content/ui-strings.ts';
import { currentRecord, drawItems, fraction, scoreItem } from '../../../src/quiz/index.ts';
import { initialCourseState, useCourseStore } from '../../../src/store/course-store.ts';
import { answerQuizItem, beginQuiz, submitQuiz } from '../../../src/store/quiz-actions.ts';
import { startTracking, type TrackingHandle } from '../../../src/store/tracking-bridge.ts';
import { decodeState } from '../../../src/tracking/state-codec.ts';
import {
  CBM_DEFAULT_LEVEL,
  answeredWithoutCertainty,
  cbmSummary,
  checkItem,
  formatMarks,
  levelLabel,
  needsCertainty,
  reviewMarks,
  schemeValues,
} from '../../../src/ui/quiz/certainty.ts';
import { memoryLms } from '../../support/memory-lms.ts';
import { keyOf } from '../../support/quiz-answers.ts';
import { fixtureRoots } from '../content/fixture-root.ts';

/**
 * Certainty-based marking as the quiz screens use it (src/ui/quiz/certainty.ts on top of the
 * engine): the authoring flag, Check answer with and without a certainty, the marks of every
 * kind of item in the CBM check, the attempt saved in the resume state and restored, and the
 * results.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const course = compileCourse({ root });
const CBM_QUIZ = '08-transparency-reporting';
const check08 = course.quizzes.find((q) => q.definition.id === CBM_QUIZ)!.definition;
const final = course.quizzes.find((q) => q.definition.id === 'final')!.definition;

/** A complete response that earns nothing. */
function wrongOf(item: QuizItem): UserInput {
  switch (item.kind) {
    case 'single':
      return { selected: item.choices.find((c) => c.id !== item.rubric.correct)!.id };
    case 'multiple':
      return { selected: item.choices.filter((c) => !item.rubric.correct.includes(c.id)).map((c) => c.id) };
    case 'true-false':
      return { value: !item.rubric.correct };
    case 'matching':
      return {
        pairs: Object.fromEntries(
          item.premises.map((p) => [p, item.responses.find((r) => r !== item.rubric.pairs[p])!]),
        ),
      };
    case 'sequencing':
      return { order: [...item.rubric.order].reverse() };
    case 'numeric':
      return { value: item.rubric.value + item.rubric.tolerance + 1000 };
    case 'fill-in':
      return { text: 'not the answer' };
  }
}

describe('authoring: the cbm flag', () => {
  const fixtures = fixtureRoots();

  it(`is on for the ${CBM_QUIZ} check, which has items of six kinds, and off for the final assessment`, () => {
    expect(check08).toMatchObject({ kind: 'formative', cbm: true, feedback: 'immediate' });
    expect(new Set(check08.items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(6);
    expect(final.cbm).toBe(false);
  });

  it('is validated by the compiler: a boolean, and never on the final assessment (QUIZ012)', () => {
    const dir = fixtures.root('valid');
    const quizzes = path.join(dir, 'quizzes');
    const formative = fs.readFileSync(path.join(quizzes, '01-intro.yaml'), 'utf8');
    expect(compileCourse({ root: dir }).quizzes[0]!.definition.cbm).toBe(false);

    fs.writeFileSync(path.join(quizzes, '01-intro.yaml'), formative.replace('items:', 'cbm: true\nitems:'));
    const on = compileCourse({ root: dir });
    expect(on.diagnostics.filter((d) => d.code.startsWith('QUIZ')).map(formatDiagnostic)).toEqual([]);
    expect(on.quizzes[0]!.definition.cbm).toBe(true);

    fs.writeFileSync(path.join(quizzes, '01-intro.yaml'), formative.replace('items:', 'cbm: "yes"\nitems:'));
    // The same items as a final bank (ids renamed, each tagged with its lesson) asking for CBM.
    fs.writeFileSync(
      path.join(quizzes, 'final.yaml'),
      formative
        .replace('kind: formative\nlesson: 01-intro\n', 'kind: final\ndraw: 2\ncbm: true\n')
        .replace(/- id: l01-(\S+)\n/g, '- id: f01-$1\n    lesson: 01-intro\n'),
    );
    const bad = compileCourse({ root: dir })
      .diagnostics.filter((d) => d.code === 'QUIZ012')
      .map(formatDiagnostic);
    expect(bad).toEqual([
      'quizzes/01-intro.yaml:7:6 error QUIZ012 cbm must be true or false, got "yes"',
      'quizzes/final.yaml:3:6 error QUIZ012 cbm is for formative checks only: the final assessment is graded by the percentage of points; remove "cbm: true"',
    ]);
  });
});

describe('Check answer in a CBM quiz', () => {
  it('asks for the certainty first, and marks nothing until it is given', () => {
    const item = check08.items[0]!;
    expect(needsCertainty(true, null)).toBe(true);
    expect(needsCertainty(true, undefined)).toBe(true);
    expect(needsCertainty(true, 2)).toBe(false);
    expect(checkItem(item, keyOf(item), null, true)).toEqual({ ok: false, missing: 'certainty' });
  });

  it('outside CBM needs no certainty and gives no mark', () => {
    const item = check08.items[0]!;
    expect(needsCertainty(false, null)).toBe(false);
    expect(checkItem(item, keyOf(item), null, false)).toEqual({
      ok: true,
      score: { type: 'points', earned: 1, total: 1 },
      marks: null,
    });
  });

  for (const item of check08.items) {
    it(`${item.kind} item ${item.id}: right 1, 2, 3 and wrong 0, −2, −6 by certainty`, () => {
      const marks = (input: UserInput, c: Certainty) => {
        const out = checkItem(item, input, c, true);
        if (!out.ok) throw new Error('certainty was given');
        expect(out.marks).toMatchObject({ certainty: c, assumed: false });
        return out.marks!.marks;
      };
      expect(([1, 2, 3] as const).map((c) => marks(keyOf(item), c))).toEqual([1, 2, 3]);
      expect(([1, 2, 3] as const).map((c) => marks(wrongOf(item), c))).toEqual([0, -2, -6]);
    });
  }

  it('scales a partly right answer: a third of the multiple-choice item at "Very" earns 1', () => {
    const item = check08.items.find((i) => i.kind === 'multiple')!;
    if (item.kind !== 'multiple') throw new Error('no multiple item');
    const input = { selected: [item.rubric.correct[0]!] };
    expect(fraction(scoreItem(item, input))).toBeCloseTo(1 / item.rubric.correct.length);
    const out = checkItem(item, input, 3, true);
    expect(out.ok && out.marks!.marks).toBeCloseTo((3 * 1) / item.rubric.correct.length);
  });

  it('marks a question checked with a certainty but no answer as wrong at that certainty', () => {
    const out = checkItem(check08.items[0]!, null, 2, true);
    expect(out).toMatchObject({ ok: true, score: { type: 'invalid' }, marks: { certainty: 2, marks: -2 } });
  });
});

describe('an attempt at the CBM check through the store, saved and resumed', () => {
  let handle: TrackingHandle | undefined;
  beforeEach(() => useCourseStore.setState(initialCourseState, true));
  afterEach(() => {
    handle?.stop();
    handle = undefined;
  });
  const launch = (state: string | null) => {
    const l = memoryLms(state);
    handle = startTracking({ index: course.index, adapter: l.adapter, now: () => 0, log: () => undefined });
    return l;
  };

  it('keeps each certainty in the resume state, restores it on the next launch and marks the attempt with it', () => {
    const seed = 4242;
    const first = launch(null);
    const store = () => useCourseStore.getState();
    expect(beginQuiz(check08, seed)).toBe(true);
    const items = drawItems(check08, seed);
    // 0: right, "Very"; 1: wrong, "Fairly"; 2: right, no certainty; 3: certainty first, no answer yet.
    answerQuizItem(check08, 0, keyOf(items[0]!), 3);
    answerQuizItem(check08, 1, wrongOf(items[1]!));
    answerQuizItem(check08, 1, wrongOf(items[1]!), 2);
    answerQuizItem(check08, 2, keyOf(items[2]!));
    answerQuizItem(check08, 3, null, 1);
    // Changing an answer keeps its certainty.
    answerQuizItem(check08, 0, wrongOf(items[0]!));
    answerQuizItem(check08, 0, keyOf(items[0]!));
    const before = currentRecord(check08, store().quizLogs[CBM_QUIZ]!)!;
    expect(before.certainties?.slice(0, 4)).toEqual([3, 2, null, 1]);
    expect(answeredWithoutCertainty(items, before, true)).toBe(1);
    expect(answeredWithoutCertainty(items, before, false)).toBe(0);
    handle!.stop();

    const saved = first.kept.state!;
    const decoded = decodeState(saved, course.index);
    if (!decoded.ok) throw new Error('the saved state does not decode');
    expect(decoded.state.attempts).toMatch(/\^3,[^,]*\^2,[^,^]*,\^1/);

    // The next launch: a fresh store, hydrated from what the LMS kept.
    useCourseStore.setState(initialCourseState, true);
    launch(saved);
    const restored = currentRecord(check08, store().quizLogs[CBM_QUIZ]!)!;
    expect(restored).toEqual(before);

    answerQuizItem(check08, 3, keyOf(items[3]!));
    const submission = submitQuiz(check08)!;
    const { result, record } = submission;
    // The score and pass/fail are the percentage of points, whatever the certainty.
    expect(result.earned).toBe(3);
    expect(result.percent).toBeCloseTo(3 / items.length);
    const marks = reviewMarks(result, record)!;
    expect(marks.slice(0, 4)).toEqual([
      { certainty: 3, assumed: false, marks: 3 },
      { certainty: 2, assumed: false, marks: -2 },
      { certainty: CBM_DEFAULT_LEVEL, assumed: true, marks: 1 },
      { certainty: 1, assumed: false, marks: 1 },
    ]);
    // Items never answered nor rated: wrong at the default certainty, 0 marks.
    expect(marks.slice(4)).toEqual(items.slice(4).map(() => ({ certainty: 1, assumed: true, marks: 0 })));
    expect(cbmSummary(result)).toEqual({
      marks: 3,
      max: 3 * items.length,
      average: 3 / items.length,
      perItemMax: 3,
    });
  });

  it('has no CBM marks for a quiz without it', () => {
    const quiz: QuizDefinition = course.quizzes.find(
      (q) => q.definition.id === '01-mexico-report',
    )!.definition;
    expect(quiz.cbm).toBe(false);
    expect(beginQuiz(quiz, 7)).toBe(true);
    const s = submitQuiz(quiz)!;
    expect(reviewMarks(s.result, s.record)).toBeNull();
    expect(cbmSummary(s.result)).toBeNull();
  });
});

describe('marks as the screen writes them', () => {
  it('uses a true minus sign, the locale decimal separator and Latin digits', () => {
    expect(formatMarks(-6, 'en')).toBe('\u22126');
    expect(formatMarks(1.5, 'en')).toBe('1.5');
    expect(formatMarks(1.5, 'fr')).toBe('1,5');
    expect(formatMarks(-1 / 3, 'es')).toBe('\u22120,33');
    expect(formatMarks(-0.001, 'en')).toBe('0');
    expect(formatMarks(-10.5, 'ar')).toMatch(/^\u200e?\u221210\.5$/);
    expect(schemeValues('en')).toEqual({ r1: '1', r2: '2', r3: '3', w1: '0', w2: '\u22122', w3: '\u22126' });
  });

  it("labels the levels with Moodle's wording in English, and every locale has the CBM strings", async () => {
    const resources: Record<string, { translation: Record<string, unknown> }> = {};
    for (const l of UI_LOCALES) {
      const text = fs.readFileSync(path.join(root, 'locales', l, 'ui.json'), 'utf8');
      resources[l] = { translation: JSON.parse(text) as Record<string, unknown> };
    }
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources, interpolation: { escapeValue: false } });
    const label = (l: (typeof UI_LOCALES)[number], c: Certainty) => levelLabel(i18n.getFixedT(l), c, l);
    expect(([1, 2, 3] as const).map((c) => label('en', c))).toEqual([
      'Not very (less than 67%)',
      'Fairly (more than 67%)',
      'Very (more than 80%)',
    ]);
    expect(i18n.t('quiz.cbm.legend')).toBe('How sure are you?');
    expect(i18n.t('quiz.cbm.scheme', schemeValues('en'))).toBe(
      'Certainty-based marking: a right answer earns 1, 2 or 3 marks and a wrong one 0, \u22122 or \u22126, when you are not very, fairly or very sure.',
    );
    const keys = [
      'legend',
      'required',
      'scheme',
      'certainty',
      'assumed',
      'mark',
      'total',
      'confirmNoCertainty',
    ];
    for (const l of UI_LOCALES) {
      const t = i18n.getFixedT(l);
      for (const k of keys)
        expect(i18n.exists(`quiz.cbm.${k}`, { lng: l, fallbackLng: false }), `${l} ${k}`).toBe(true);
      for (const c of [1, 2, 3] as const) {
        expect(label(l, c), `${l} level ${c}`).toContain(c === 3 ? '80' : '67');
        if (l !== 'en') expect(label(l, c), `${l} level ${c} is translated`).not.toBe(label('en', c));
      }
      expect(t('quiz.cbm.scheme', schemeValues('en')), `${l} scheme`).toContain('\u22126');
    }
  });
});

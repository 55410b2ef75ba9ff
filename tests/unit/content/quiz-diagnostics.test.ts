import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/content/index.ts';
import { fixtureRoots } from './fixture-root.ts';

/**
 * Golden fixture of broken quizzes (tests/fixtures/content/quiz-errors): every diagnostic line
 * exactly as `npm run check` prints it, one problem of each kind the quiz compiler knows.
 */
const EXPECTED = [
  'quizzes/01-intro.yaml:7:16 error QUIZ010 item "q-single": lesson "01-intro" has 3 objectives, there is no objective 5',
  'quizzes/01-intro.yaml:8:21 error QUIZ002 paragraph ¶97 does not exist in the report (1–91)',
  'quizzes/01-intro.yaml:9:11 error QUIZ003 stem of "q-single" has no zh text',
  'quizzes/01-intro.yaml:11:7 error QUIZ006 item "q-single" has 2 choices; at least 3 are needed',
  'quizzes/01-intro.yaml:13:13 error QUIZ004 item "q-single": the answer "c" is not one of its choices (a, b)',
  'quizzes/01-intro.yaml:14:5 warning QUIZ011 unknown field "hint" for a single item (allowed: id, kind, lesson, objective, paragraphs, stem, explanation, choices, answer, shuffle)',
  'quizzes/01-intro.yaml:16:11 error QUIZ009 the es explanation of "q-single" cites no paragraph: say why, citing where the answer is, e.g. [¶1]',
  'quizzes/01-intro.yaml:19:9 error QUIZ005 duplicate item id "q-single" (first defined at quizzes/01-intro.yaml:5)',
  'quizzes/01-intro.yaml:36:14 error QUIZ005 item "q-multiple": duplicate id "a" (first used on line 35)',
  'quizzes/01-intro.yaml:39:17 error QUIZ004 item "q-multiple": the answer "x" is not one of its choices (a, c, d)',
  'quizzes/01-intro.yaml:50:16 error QUIZ007 item "q-numeric": tolerance -1 is negative; write the absolute margin, e.g. 1',
  'quizzes/01-intro.yaml:67:7 error QUIZ004 item "q-matching": the answer gives no response for premise "p2"',
  'quizzes/01-intro.yaml:68:7 error QUIZ004 item "q-matching": "p3" in the answer is not one of its premises (p1, p2)',
  'quizzes/01-intro.yaml:82:13 error QUIZ004 item "q-sequencing": the answer leaves out step s3',
  'quizzes/01-intro.yaml:93:7 error QUIZ003 item "q-fill": the answer has no accepted zh text',
  'quizzes/01-intro.yaml:93:12 error QUIZ015 item "q-fill": accepted es answer "opinión consultiva de la corte internacional de justicia" is longer than 30 characters; ask for a shorter answer',
  'quizzes/01-intro.yaml:94:12 error QUIZ015 item "q-fill": accepted en answer "..." is empty once normalised',
  'quizzes/broken.yaml:5:27 error QUIZ001 not valid YAML: Unexpected flow-seq-start at node end (text with a citation [¶N] must not sit inside {…} flow maps, and text that starts with "[" must be quoted)',
  'quizzes/check.yaml:2:9 error QUIZ013 a formative quiz is named after its lesson: rename the file to quizzes/01-intro.yaml',
  'quizzes/final.yaml:3:7 error QUIZ008 the bank has 1 item, fewer than the 20 drawn per attempt',
  'quizzes/final.yaml:4:12 error QUIZ012 pass-mark is a percentage in (0, 100], got 120',
  'quizzes/final.yaml:5:10 error QUIZ012 grading must be one of highest, last, average, got "best"',
  'quizzes/final.yaml:7:3 warning QUIZ014 no item assesses lesson 01-intro',
  'quizzes/final.yaml:9:13 error QUIZ010 item "f-one": unknown lesson "02-missing"',
  'quizzes/final.yaml:18:9 error QUIZ005 duplicate item id "q-numeric" (first defined at quizzes/01-intro.yaml:44)',
];

const fixtures = fixtureRoots();

describe('quiz diagnostics (golden fixture)', () => {
  it('reports exactly the expected problems for quiz-errors, each at its line and column', () => {
    expect(fixtures.compile('quiz-errors').diagnostics.map(formatDiagnostic)).toEqual(EXPECTED);
  });

  it('covers every required quiz code', () => {
    const codes = new Set(EXPECTED.map((l) => l.split(' ')[2]));
    const required = ['QUIZ001', 'QUIZ002', 'QUIZ003', 'QUIZ004', 'QUIZ005', 'QUIZ006', 'QUIZ007', 'QUIZ008'];
    expect(required.filter((c) => !codes.has(c))).toEqual([]);
  });
});

describe('compiled quizzes', () => {
  const valid = fixtures.compile('valid');
  const quiz = valid.quizzes[0]!;

  it('keeps one structure and key, and the text of every locale keyed by the same ids', () => {
    expect(quiz.definition).toMatchObject({
      id: '01-intro',
      kind: 'formative',
      lesson: '01-intro',
      draw: 2,
      passMark: 0.8,
      attempts: null,
      grading: 'highest',
      feedback: 'immediate',
      cbm: false,
    });
    expect(quiz.definition.items.map((i) => [i.id, i.kind, i.objective, i.paragraphs])).toEqual([
      ['l01-opinion-year', 'numeric', 1, [1]],
      ['l01-basis', 'single', 2, [2]],
    ]);
    expect(quiz.definition.items[1]).toMatchObject({ rubric: { correct: 'law' } });
    for (const l of ['es', 'en', 'zh'] as const) {
      expect(Object.keys(quiz.text[l].items)).toEqual(['l01-opinion-year', 'l01-basis']);
      expect(Object.keys(quiz.text[l].items['l01-basis']!.choices)).toEqual(['arsenals', 'law', 'alliances']);
    }
    expect(quiz.text.zh.items['l01-opinion-year']!.unit).toBe('年');
    expect(quiz.feedback.en['l01-basis']!.explanation).toEqual([
      { t: 'text', v: 'On respect for international law ' },
      { t: 'cite', from: 2, to: 2 },
      { t: 'text', v: '.' },
    ]);
  });

  it('lists the quiz in the index and counts its items by kind and lesson', () => {
    expect(valid.index.quizzes).toEqual([
      {
        id: '01-intro',
        kind: 'formative',
        lesson: '01-intro',
        items: 2,
        draw: 2,
        passMark: 0.8,
        attempts: null,
        grading: 'highest',
        cbm: false,
        titles: { es: 'Compruebe lo aprendido', en: 'Check your understanding', zh: '检查理解' },
      },
    ]);
    expect(valid.stats.quizzes).toEqual([
      {
        id: '01-intro',
        kind: 'formative',
        items: 2,
        draw: 2,
        byKind: { numeric: 1, single: 1 },
        byLesson: { '01-intro': 2 },
      },
    ]);
  });
});

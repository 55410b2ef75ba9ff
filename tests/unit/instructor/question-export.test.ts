import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportQuestions } from '../../../scorm/export-questions.ts';
import { compileCourse } from '../../../src/content/compile.ts';
import type { ContentLocale } from '../../../src/content/model.ts';
import type { CompiledQuiz, ItemKind, QuizItem } from '../../../src/content/quiz-model.ts';
import { acceptedAnswers, exportBank, ExportError } from '../../../src/instructor/question-export/bank.ts';
import { giftEscape, toGift } from '../../../src/instructor/question-export/gift.ts';
import { categoryPath, toMoodleXml } from '../../../src/instructor/question-export/moodle-xml.ts';

const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const course = compileCourse({ root });
const allItems = course.quizzes.flatMap((q) => q.definition.items);
const TYPE: Record<ItemKind, string> = {
  single: 'multichoice',
  multiple: 'multichoice',
  'true-false': 'truefalse',
  matching: 'matching',
  sequencing: 'ordering',
  numeric: 'numerical',
  'fill-in': 'shortanswer',
};
/** Grades Moodle accepts (question_bank::fraction_options_full), in percent. */
const MOODLE_GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0];

type XmlNode = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['question', 'answer', 'subquestion', 'tag'].includes(name), cdataPropName: false, parseTagValue: false });
const textOf = (n: unknown): string => String((n as XmlNode | undefined)?.text ?? '');

function parseXml(locale: ContentLocale): XmlNode[] {
  const bank = exportBank(course.quizzes, course.index.lessons, locale, 'Mexico and Action 20');
  const xml = toMoodleXml(bank);
  expect(XMLValidator.validate(xml)).toBe(true);
  return ((parser.parse(xml) as { quiz: { question: XmlNode[] } }).quiz.question);
}

describe('Moodle XML export', () => {
  for (const locale of ['es', 'en', 'zh'] as const) {
    it(`writes every item of quizzes/ as the matching Moodle type (${locale})`, () => {
      const questions = parseXml(locale).filter((q) => q['@type'] !== 'category');
      expect(questions.map((q) => textOf(q.name))).toEqual(expect.arrayContaining(allItems.map((i) => i.id)));
      expect(questions).toHaveLength(allItems.length);
      for (const q of questions) {
        const item = allItems.find((i) => i.id === textOf(q.name))!;
        expect(q['@type'], item.id).toBe(TYPE[item.kind]);
        expect(q.idnumber).toBe(item.id);
        // The explanation with its [¶N] and the item's paragraphs are kept as general feedback.
        expect(textOf(q.generalfeedback)).toMatch(/¶\d+/);
      }
    });
  }

  it('puts each lesson’s check and its final-assessment items in categories of their own', () => {
    const qs = parseXml('en');
    const categories = qs.filter((q) => q['@type'] === 'category').map((q) => textOf(q.category));
    expect(new Set(categories).size).toBe(categories.length);
    for (const lesson of course.index.lessons) {
      const forLesson = categories.filter((c) => c.includes(`/${String(lesson.order).padStart(2, '0')} ${lesson.titles.en}/`));
      expect(forLesson.length, lesson.id).toBeGreaterThanOrEqual(1);
    }
    expect(categories.every((c) => c.startsWith('$course$/top/Mexico and Action 20/'))).toBe(true);
    expect(categories.some((c) => c.endsWith('/Final assessment'))).toBe(true);
  });

  it('gives multichoice grades Moodle accepts: the key 100 %, or shares of 100 % with penalties for wrong picks', () => {
    for (const q of parseXml('en').filter((x) => x['@type'] === 'multichoice')) {
      const fractions = (q.answer as XmlNode[]).map((a) => Number(a['@fraction']));
      for (const f of fractions) expect(MOODLE_GRADES.some((g) => Math.abs(Math.abs(f) - g) < 1e-6), `${textOf(q.name)}: ${f}`).toBe(true);
      const positive = fractions.filter((f) => f > 0).reduce((a, b) => a + b, 0);
      expect(positive).toBeCloseTo(100, 3);
      if (q.single === 'true') expect(fractions.filter((f) => f === 100)).toHaveLength(1);
      else expect(fractions.some((f) => f < 0)).toBe(true);
    }
  });

  it('writes matching premises with their responses, extra responses as distractors', () => {
    const item = allItems.find((i) => i.kind === 'matching') as Extract<QuizItem, { kind: 'matching' }>;
    const q = parseXml('en').find((x) => textOf(x.name) === item.id)!;
    const subs = q.subquestion as XmlNode[];
    expect(subs).toHaveLength(item.responses.length);
    expect(subs.filter((s) => textOf(s) === '')).toHaveLength(item.responses.length - item.premises.length);
  });

  it('writes sequencing as Moodle’s ordering question, steps in the right order, graded by adjacent pairs', () => {
    const item = allItems.find((i) => i.kind === 'sequencing') as Extract<QuizItem, { kind: 'sequencing' }>;
    const quiz = course.quizzes.find((q) => q.definition.items.includes(item))!;
    const q = parseXml('en').find((x) => textOf(x.name) === item.id)!;
    expect(q.gradingtype).toBe('RELATIVE_NEXT_EXCLUDE_LAST');
    expect(q.selecttype).toBe('ALL');
    const answers = q.answer as XmlNode[];
    expect(answers.map((a) => a['@fraction'])).toEqual(item.rubric.order.map((_, k) => String(k + 1)));
    const steps = quiz.text.en.items[item.id]!.choices;
    const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(answers.map((a) => decode(textOf(a)))).toEqual(item.rubric.order.map((id) => steps[id]!.map((n) => ('v' in n ? n.v : '')).join('')));
  });

  it('writes numeric items with their tolerance and fill-in items with every accepted answer', () => {
    const qs = parseXml('es');
    const num = allItems.find((i) => i.kind === 'numeric') as Extract<QuizItem, { kind: 'numeric' }>;
    const nq = qs.find((x) => textOf(x.name) === num.id)!;
    const na = (nq.answer as XmlNode[])[0]!;
    expect([textOf(na), na.tolerance]).toEqual([String(num.rubric.value), String(num.rubric.tolerance)]);
    const fill = allItems.find((i) => i.kind === 'fill-in') as Extract<QuizItem, { kind: 'fill-in' }>;
    const fq = qs.find((x) => textOf(x.name) === fill.id)!;
    expect((fq.answer as XmlNode[]).map((a) => textOf(a))).toEqual(acceptedAnswers(fill, 'es').map((a) => a.replace(/\*/g, '\\*')));
    expect(fq.usecase).toBe('0');
    for (const a of fill.rubric.accepted.es) expect((fq.answer as XmlNode[]).map((x) => textOf(x))).toContain(a);
  });

  it('tags each question with its lesson, objective and paragraphs', () => {
    const item = allItems[0]!;
    const q = parseXml('en').find((x) => textOf(x.name) === item.id)!;
    const tags = ((q.tags as XmlNode).tag as XmlNode[]).map((t) => textOf(t));
    expect(tags).toEqual([`lesson-${item.lesson}`, `objective-${item.objective}`, ...item.paragraphs.map((p) => `para-${p}`)]);
  });

  it('writes a category name holding a slash as Moodle does (//)', () => {
    expect(categoryPath(['A/B', 'C'])).toBe('$course$/top/A//B/C');
  });
});

/** Positions of GIFT control characters that are not escaped with a backslash. */
function unescaped(s: string, chars = '~=#{}:'): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (chars.includes(s[i]!)) out.push(i);
  }
  return out;
}

/** A bank of one item of each choice kind whose every text holds every GIFT control character. */
function trickyBank() {
  const nasty = 'a~b=c#d{e}f:g\\h';
  const t = (v: string) => [{ t: 'text' as const, v }];
  const items: QuizItem[] = [
    { id: 'x-single', kind: 'single', lesson: 'l', objective: 1, paragraphs: [1], choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], rubric: { correct: 'b' } },
    { id: 'x-multiple', kind: 'multiple', lesson: 'l', objective: 1, paragraphs: [1], choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], rubric: { correct: ['a', 'b'] } },
    { id: 'x-match', kind: 'matching', lesson: 'l', objective: 1, paragraphs: [1], premises: ['a', 'b'], responses: ['c', 'd', 'e'], rubric: { pairs: { a: 'c', b: 'd' } } },
    { id: 'x-fill', kind: 'fill-in', lesson: 'l', objective: 1, paragraphs: [1], rubric: { accepted: { es: ['x:y'], en: ['p=q'], zh: ['甲#乙'] } } },
  ];
  const choices = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k) => [k, t(`${nasty} ${k}`)]));
  const quiz: CompiledQuiz = {
    definition: { id: 'x', kind: 'formative', lesson: 'l', draw: 4, passMark: 0.8, attempts: null, grading: 'highest', feedback: 'immediate', cbm: false, items },
    text: Object.fromEntries((['es', 'en', 'zh'] as const).map((l) => [l, { title: 'X', items: Object.fromEntries(items.map((i) => [i.id, { stem: t(`Stem ${nasty}?`), choices }])) }])) as unknown as CompiledQuiz['text'],
    feedback: Object.fromEntries((['es', 'en', 'zh'] as const).map((l) => [l, Object.fromEntries(items.map((i) => [i.id, { explanation: t(`Because ${nasty}`), choices: { a: t(`No: ${nasty}`) } }]))])) as unknown as CompiledQuiz['feedback'],
  };
  return exportBank([quiz], [{ id: 'l', order: 1, minutes: 10, paragraphs: [1], sectionIds: ['s'], titles: { en: 'L' }, locales: ['en'] }], 'en', 'Course');
}

describe('GIFT export', () => {
  it('escapes ~ = # { } : and the backslash as Moodle does, and keeps text on one line', () => {
    expect(giftEscape('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
  });

  it('leaves no control character unescaped inside stems, choices, pairs, answers or feedback', () => {
    const gift = toGift(trickyBank());
    for (const block of gift.split('\n\n').filter((b) => b.includes('::'))) {
      const body = block.split('\n').filter((l) => !l.startsWith('//')).join('\n').trim();
      const m = /^::(.*?)::\[html\](.*?)\{\n([\s\S]*)\}$/.exec(body);
      expect(m, body).not.toBeNull();
      expect(unescaped(m![1]!)).toEqual([]);
      expect(unescaped(m![2]!), m![2]).toEqual([]);
      for (const line of m![3]!.split('\n').filter(Boolean)) {
        const content = line.trim().replace(/^####/, '').replace(/^(=|~)(%-?[\d.]+%)?/, '').replace(/ -> /, ' ');
        // What is left may hold one unescaped # (before per-answer feedback), nothing else.
        const left = unescaped(content);
        expect(left.length, line).toBeLessThanOrEqual(1);
        if (left.length === 1) expect(content[left[0]!], line).toBe('#');
      }
    }
  });

  it('writes weights for multiple answers and distractors for matching', () => {
    const gift = toGift(trickyBank());
    expect(gift).toContain('~%50%');
    expect(gift).toContain('~%-50%');
    expect(gift).toMatch(/\t= -> a\\~b\\=c\\#d\\\{e\\\}f\\:g\\\\h e\n/);
    expect(gift).toContain('=%100%x\\:y#');
  });

  it('refuses a sequencing step that GIFT’s ordering block cannot carry, naming the item', () => {
    const bank = exportBank(course.quizzes, course.index.lessons, 'en', 'C');
    const seq = bank.items.find((e) => e.item.kind === 'sequencing')!;
    const id = (seq.item as Extract<QuizItem, { kind: 'sequencing' }>).rubric.order[0]!;
    const broken = { ...bank, items: [{ ...seq, text: { ...seq.text, choices: { ...seq.text.choices, [id]: [{ t: 'text' as const, v: 'a } b' }] } } }] };
    expect(() => toGift(broken)).toThrow(ExportError);
    expect(() => toGift(broken)).toThrow(seq.item.id);
  });

  it('writes the whole bank in Chinese, with every question and a category per lesson', () => {
    const gift = toGift(exportBank(course.quizzes, course.index.lessons, 'zh', '墨西哥与行动20'));
    expect(gift.match(/^::/gm)).toHaveLength(allItems.length);
    expect(gift.match(/^\$CATEGORY: /gm)!.length).toBeGreaterThanOrEqual(course.index.lessons.length);
  });
});

describe('npm run export-questions', () => {
  it('exports from the project, compiling it first', () => {
    const { text, items } = exportQuestions(root, 'gift', 'es');
    expect(items).toBe(allItems.length);
    expect(text.startsWith('$CATEGORY: $course$/top/')).toBe(true);
  });

  it('says what is wrong with its arguments and how to call it', () => {
    let out = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'scorm/export-questions.ts', '--format', 'pdf', '--locale', 'fr'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      out = err.stderr;
    }
    expect(status).toBe(2);
    expect(out).toContain('--format must be moodle-xml or gift, not "pdf"');
    expect(out).toContain('--locale must be one of es, en, zh, not "fr"');
    expect(out).toContain('--out FILE is missing');
    expect(out).toContain('usage: npm run export-questions');
  });
});

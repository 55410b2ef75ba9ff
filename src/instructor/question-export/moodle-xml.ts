import type { ContentLocale } from '../../content/model.ts';
import { acceptedAnswers, escapeHtml, fraction, generalFeedbackHtml, inlineHtml, inlinePlain, itemTags, type ExportBank, type ExportItem } from './bank.ts';

/**
 * Moodle XML (question/format/xml): a category question per lesson and quiz, then its items.
 * Kinds map to Moodle's question types:
 *
 * | course     | Moodle                | scoring kept                                                  |
 * |------------|-----------------------|---------------------------------------------------------------|
 * | single     | multichoice single    | 100 % for the key                                             |
 * | multiple   | multichoice multiple  | +100/k % per right choice, −100/k % per wrong one (k right)   |
 * | true-false | truefalse             |                                                               |
 * | matching   | matching              | per premise; extra responses as distractors                   |
 * | sequencing | ordering              | RELATIVE_NEXT_EXCLUDE_LAST: per correctly adjacent pair        |
 * | numeric    | numerical             | value ± tolerance; the unit goes in the question text          |
 * | fill-in    | shortanswer           | every accepted answer at 100 %, case-insensitive               |
 *
 * Feedback: the explanation with its [¶N] references and the item's paragraphs become the general
 * feedback; per-choice feedback stays with its choice. Each item keeps its id as Moodle's ID
 * number and is tagged with its lesson, objective and paragraphs.
 */

function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function htmlText(tag: string, html: string, indent: string): string {
  return `${indent}<${tag} format="html">\n${indent}  <text>${cdata(html)}</text>\n${indent}</${tag}>`;
}

function plainText(s: string): string {
  return `<text>${escapeHtml(s)}</text>`;
}

/** Moodle category path: `/` inside a name is written `//`. */
export function categoryPath(parts: readonly string[]): string {
  return ['$course$', 'top', ...parts.map((p) => p.replace(/\//g, '//'))].join('/');
}

/**
 * The bank's items in runs that share a category (exportBank sorts them so), each with its
 * category path: both formats head each run with its category.
 */
export function categoryRuns(items: readonly ExportItem[]): { path: string; items: ExportItem[] }[] {
  const runs: { path: string; items: ExportItem[] }[] = [];
  for (const e of items) {
    const path = categoryPath(e.category);
    const last = runs.at(-1);
    if (last?.path === path) last.items.push(e);
    else runs.push({ path, items: [e] });
  }
  return runs;
}

const PENALTY = '0.3333333';

function header(e: ExportItem, type: string, questionHtml: string, locale: ContentLocale): string[] {
  const i = '    ';
  return [
    `  <question type="${type}">`,
    `${i}<name>${plainText(e.item.id)}</name>`,
    htmlText('questiontext', questionHtml, i),
    htmlText('generalfeedback', generalFeedbackHtml(e, locale), i),
    `${i}<defaultgrade>1.0000000</defaultgrade>`,
    `${i}<penalty>${PENALTY}</penalty>`,
    `${i}<hidden>0</hidden>`,
    `${i}<idnumber>${escapeHtml(e.item.id)}</idnumber>`,
  ];
}

function tags(e: ExportItem): string[] {
  return ['    <tags>', ...itemTags(e).map((t) => `      <tag>${plainText(t)}</tag>`), '    </tags>'];
}

function combinedFeedback(): string[] {
  const i = '    ';
  return [htmlText('correctfeedback', '', i), htmlText('partiallycorrectfeedback', '', i), htmlText('incorrectfeedback', '', i), `${i}<shownumcorrect/>`];
}

function answer(fractionPct: string, html: string, feedbackHtml: string, extra: string[] = [], format: 'html' | 'moodle_auto_format' = 'html'): string[] {
  const i = '    ';
  const text = format === 'html' ? `<text>${cdata(html)}</text>` : plainText(html);
  return [
    `${i}<answer fraction="${fractionPct}" format="${format}">`,
    `${i}  ${text}`,
    `${i}  <feedback format="html">`,
    `${i}    <text>${cdata(feedbackHtml)}</text>`,
    `${i}  </feedback>`,
    ...extra.map((x) => `${i}  ${x}`),
    `${i}</answer>`,
  ];
}

function question(e: ExportItem, locale: ContentLocale): string[] {
  const item = e.item;
  const stem = `<p>${inlineHtml(e.text.stem)}</p>`;
  const choice = (id: string) => inlineHtml(e.text.choices[id] ?? []);
  const choiceFeedback = (id: string) => (e.feedback?.choices[id] ? `<p>${inlineHtml(e.feedback.choices[id])}</p>` : '');
  switch (item.kind) {
    case 'single':
    case 'multiple': {
      const single = item.kind === 'single';
      const right = new Set(single ? [item.rubric.correct] : item.rubric.correct);
      const share = 100 / right.size;
      const shuffle = !item.choices.some((c) => c.fixed);
      return [
        ...header(e, 'multichoice', stem, locale),
        `    <single>${single}</single>`,
        `    <shuffleanswers>${shuffle}</shuffleanswers>`,
        '    <answernumbering>abc</answernumbering>',
        '    <showstandardinstruction>1</showstandardinstruction>',
        ...combinedFeedback(),
        ...item.choices.flatMap((c) =>
          answer(right.has(c.id) ? fraction(single ? 100 : share) : single ? '0' : fraction(-share), choice(c.id), choiceFeedback(c.id)),
        ),
        ...tags(e),
        '  </question>',
      ];
    }
    case 'true-false':
      return [
        ...header(e, 'truefalse', stem, locale),
        ...answer(item.rubric.correct ? '100' : '0', 'true', '', [], 'moodle_auto_format'),
        ...answer(item.rubric.correct ? '0' : '100', 'false', '', [], 'moodle_auto_format'),
        ...tags(e),
        '  </question>',
      ];
    case 'matching': {
      const used = new Set(Object.values(item.rubric.pairs));
      const plain = (id: string) => inlinePlain(e.text.choices[id] ?? []);
      return [
        ...header(e, 'matching', stem, locale),
        '    <shuffleanswers>true</shuffleanswers>',
        ...combinedFeedback(),
        ...item.premises.flatMap((p) => [
          '    <subquestion format="html">',
          `      <text>${cdata(choice(p))}</text>`,
          `      <answer>${plainText(plain(item.rubric.pairs[p]!))}</answer>`,
          '    </subquestion>',
        ]),
        // A response no premise takes is a distractor: a subquestion with no text.
        ...item.responses
          .filter((r) => !used.has(r))
          .flatMap((r) => ['    <subquestion format="html">', '      <text></text>', `      <answer>${plainText(plain(r))}</answer>`, '    </subquestion>']),
        ...tags(e),
        '  </question>',
      ];
    }
    case 'sequencing':
      return [
        ...header(e, 'ordering', stem, locale),
        '    <layouttype>VERTICAL</layouttype>',
        '    <selecttype>ALL</selecttype>',
        `    <selectcount>${item.rubric.order.length}</selectcount>`,
        '    <gradingtype>RELATIVE_NEXT_EXCLUDE_LAST</gradingtype>',
        '    <showgrading>SHOW</showgrading>',
        ...combinedFeedback(),
        // In the right order: Moodle keeps it as each answer's position (fraction 1, 2, 3…).
        ...item.rubric.order.flatMap((id, k) => answer(String(k + 1), choice(id), '')),
        ...tags(e),
        '  </question>',
      ];
    case 'numeric': {
      const unit = e.text.unit ? ` (${escapeHtml(e.text.unit)})` : '';
      return [
        ...header(e, 'numerical', `<p>${inlineHtml(e.text.stem)}${unit}</p>`, locale),
        ...answer('100', String(item.rubric.value), '', [`<tolerance>${item.rubric.tolerance}</tolerance>`], 'moodle_auto_format'),
        '    <unitgradingtype>0</unitgradingtype>',
        '    <unitpenalty>0.1000000</unitpenalty>',
        '    <showunits>3</showunits>',
        '    <unitsleft>0</unitsleft>',
        ...tags(e),
        '  </question>',
      ];
    }
    case 'fill-in':
      return [
        ...header(e, 'shortanswer', stem, locale),
        '    <usecase>0</usecase>',
        // `*` is Moodle's wildcard in short answers: a literal one is written `\*`.
        ...acceptedAnswers(item, locale).flatMap((a) => answer('100', a.replace(/\*/g, '\\*'), '', [], 'moodle_auto_format')),
        ...tags(e),
        '  </question>',
      ];
  }
}

export function toMoodleXml(bank: ExportBank): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  for (const run of categoryRuns(bank.items)) {
    out.push('  <question type="category">', `    <category>${plainText(run.path)}</category>`, '    <info format="html"><text></text></info>', '  </question>');
    for (const e of run.items) out.push(...question(e, bank.locale));
  }
  out.push('</quiz>', '');
  return out.join('\n');
}

import { inlinePlainText } from '../../content/inline-text.ts';
import type { ContentLocale, Inline, LessonMeta } from '../../content/model.ts';
import { normalizeAnswer, type CompiledQuiz, type ItemFeedback, type ItemText, type QuizItem } from '../../content/quiz-model.ts';

/**
 * The question bank as the exporters see it: every item of every quiz in one language, with its
 * text, key, feedback and the Moodle category it goes in. Pure (no React, no DOM, no Node).
 */
export interface ExportItem {
  item: QuizItem;
  text: ItemText;
  feedback: ItemFeedback | undefined;
  /** Category path below the course's top category: course title / lesson / lesson check or final assessment. */
  category: string[];
}

export interface ExportBank {
  locale: ContentLocale;
  courseTitle: string;
  items: ExportItem[];
}

/** Subcategory names, as the quiz titles of each language call them. */
export const QUIZ_CATEGORY: Record<ContentLocale, { formative: string; final: string }> = {
  es: { formative: 'Compruebe lo aprendido', final: 'Evaluación final' },
  en: { formative: 'Check your understanding', final: 'Final assessment' },
  zh: { formative: '检查理解', final: '期末测评' },
};

export class ExportError extends Error {}

/**
 * Every item of the compiled quizzes, in lesson order: per lesson, its check's items, then the
 * final assessment's items of that lesson. Throws, naming the item, when text is missing.
 */
export function exportBank(quizzes: readonly CompiledQuiz[], lessons: readonly LessonMeta[], locale: ContentLocale, courseTitle: string): ExportBank {
  const lessonName = (id: string) => {
    const meta = lessons.find((l) => l.id === id);
    if (!meta) return id;
    return `${String(meta.order).padStart(2, '0')} ${meta.titles[locale] ?? meta.titles.en ?? id}`;
  };
  const order = new Map(lessons.map((l, k) => [l.id, k]));
  const items: ExportItem[] = [];
  for (const quiz of quizzes) {
    const def = quiz.definition;
    const text = quiz.text[locale];
    if (!text) throw new ExportError(`quiz ${def.id} has no ${locale} text`);
    for (const item of def.items) {
      const t = text.items[item.id];
      if (!t) throw new ExportError(`item ${item.id} of quiz ${def.id} has no ${locale} text`);
      items.push({
        item,
        text: t,
        feedback: quiz.feedback[locale]?.[item.id],
        category: [courseTitle, lessonName(item.lesson), QUIZ_CATEGORY[locale][def.kind]],
      });
    }
  }
  const rank = (e: ExportItem) => (order.get(e.item.lesson) ?? 999) * 2 + (e.category[2] === QUIZ_CATEGORY[locale].final ? 1 : 0);
  items.sort((a, b) => rank(a) - rank(b));
  return { locale, courseTitle, items };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

function cite(from: number, to: number): string {
  return from === to ? `[¶${from}]` : `[¶${from}–${to}]`;
}

/** Inline content as HTML: citations as [¶N] text, glossary terms as plain words. */
export function inlineHtml(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
          return escapeHtml(n.v);
        case 'code':
          return `<code>${escapeHtml(n.v)}</code>`;
        case 'br':
          return '<br>';
        case 'em':
          return `<em>${inlineHtml(n.c)}</em>`;
        case 'strong':
          return `<strong>${inlineHtml(n.c)}</strong>`;
        case 'cite':
          return cite(n.from, n.to);
        case 'term':
          return inlineHtml(n.c);
        case 'link':
          return `<a href="${escapeHtml(n.href)}">${inlineHtml(n.c)}</a>`;
      }
    })
    .join('');
}

/** Inline content as plain text (matching answers and short answers are plain in Moodle). */
export function inlinePlain(nodes: readonly Inline[]): string {
  return inlinePlainText(nodes, cite);
}

/** The paragraphs an item rests on, as text: "¶27, ¶30–31". */
export function paragraphList(paragraphs: readonly number[]): string {
  const out: string[] = [];
  let k = 0;
  while (k < paragraphs.length) {
    let j = k;
    while (j + 1 < paragraphs.length && paragraphs[j + 1] === paragraphs[j]! + 1) j++;
    out.push(j === k ? `¶${paragraphs[k]}` : `¶${paragraphs[k]}–${paragraphs[j]}`);
    k = j + 1;
  }
  return out.join(', ');
}

/** "Report: " in each content language, before the paragraph list. */
export const REPORT_LABEL: Record<ContentLocale, string> = { es: 'Informe: ', en: 'Report: ', zh: '报告：' };

/** The general feedback: the explanation, then where in the report (in the bank's language). */
export function generalFeedbackHtml(e: ExportItem, locale: ContentLocale): string {
  const explanation = e.feedback ? `<p>${inlineHtml(e.feedback.explanation)}</p>` : '';
  return `${explanation}<p>${escapeHtml(REPORT_LABEL[locale])}${paragraphList(e.item.paragraphs)}</p>`;
}

/** The tags of an item in both formats: its lesson, objective and paragraphs (`lesson-…`, `objective-…`, `para-…`). */
export function itemTags(e: ExportItem): string[] {
  return [`lesson-${e.item.lesson}`, `objective-${e.item.objective}`, ...e.item.paragraphs.map((p) => `para-${p}`)];
}

/**
 * A grade as Moodle writes it: a percentage with 5 decimals (33.33333), which is exactly one of
 * the grades Moodle accepts (0.3333333) once divided by 100.
 */
export function fraction(x: number): string {
  return String(Math.round(x * 1e5) / 1e5);
}

/**
 * Accepted answers of a fill-in item: this language's first, then the other languages' (the
 * course accepts an answer of any language), each once after normalising as the course does.
 */
export function acceptedAnswers(item: QuizItem, locale: ContentLocale): string[] {
  if (item.kind !== 'fill-in') return [];
  const a = item.rubric.accepted;
  const all = [...(a[locale] ?? []), ...(['es', 'en', 'zh'] as const).filter((l) => l !== locale).flatMap((l) => a[l] ?? [])];
  const seen = new Set<string>();
  return all.filter((x) => {
    const key = normalizeAnswer(x);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

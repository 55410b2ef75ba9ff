import fs from 'node:fs';
import path from 'node:path';
import type {
  ContentLocale,
  CourseIndex,
  CourseStats,
  Diagnostic,
  GlossaryTerm,
  LessonContent,
  Report,
  TimelineEvent,
} from './model.ts';
import { CONTENT_LOCALES } from './model.ts';
import { Diagnostics, formatDiagnostic, sortDiagnostics } from './diagnostics.ts';
import { readGlossary } from './glossary.ts';
import { compileLessons } from './lessons.ts';
import type { ParagraphRange } from './markdown.ts';
import type { CompiledQuiz } from './quiz-model.ts';
import { compileQuizzes, type LessonInfo } from './quizzes.ts';
import { parseReport } from './report.ts';
import { readTimeline } from './timeline.ts';
import { readHeadingTranslations, readTranslations } from './translations.ts';
import { checkUiStrings } from './ui-strings.ts';

export { formatDiagnostic, parseReport };

export interface CompileOptions {
  /** Project root; lessons at <root>/lessons, locales at <root>/locales, quizzes at <root>/quizzes. */
  root: string;
}

export interface CompileResult {
  index: CourseIndex;
  /** One per lesson per locale that exists. */
  lessons: LessonContent[];
  /** The zh source parsed. */
  report: Report;
  /** From lessons/source/paragraphs.<es|en>.yaml when present. */
  translations: Partial<Record<ContentLocale, Record<number, string>>>;
  /** lessons/glossary.yaml (empty when missing). */
  glossary: GlossaryTerm[];
  /** lessons/timeline.yaml, sorted by date (empty when missing). */
  timeline: TimelineEvent[];
  /** quizzes/*.yaml, by file name: structure and key, text and feedback per locale. */
  quizzes: CompiledQuiz[];
  /** Every problem found, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  stats: CourseStats;
}

export const REPORT_FILE = 'lessons/source/report.zh.md';

/**
 * Compiles and validates all authored content. Never throws for content problems: each one
 * becomes a diagnostic, so a single run lists everything to fix.
 */
export function compileCourse(opts: CompileOptions): CompileResult {
  const started = performance.now();
  const root = opts.root;
  const diags = new Diagnostics();

  /** An unreadable file (permissions, a folder named es.md) must not hide every other problem. */
  const guarded = <T>(file: string, fallback: T, step: () => T): T => {
    try {
      return step();
    } catch (e) {
      diags.unreadable(file, e);
      return fallback;
    }
  };

  let report: Report = { locale: 'zh', title: '', sections: [], paragraphs: [] };
  const reportPath = path.join(root, REPORT_FILE);
  if (fs.existsSync(reportPath)) {
    const parsed = guarded(REPORT_FILE, null, () =>
      parseReport(fs.readFileSync(reportPath, 'utf8'), REPORT_FILE),
    );
    if (parsed) {
      report = parsed.report;
      diags.push(...parsed.diagnostics);
    }
  } else {
    diags.error(REPORT_FILE, undefined, 'REPORT004', 'the report source is missing');
  }
  const numbers = new Set(report.paragraphs.map((p) => p.n));
  const first = report.paragraphs[0]?.n;
  const last = report.paragraphs[report.paragraphs.length - 1]?.n;
  // Without a report (REPORT004) every citation would be unknown: check them only when there is one.
  const paragraphs: ParagraphRange = {
    has: (n) => numbers.size === 0 || numbers.has(n),
    label: first === undefined ? 'none' : `${first}–${last}`,
  };

  const glossary = guarded('lessons/glossary.yaml', { terms: [], exists: false }, () =>
    readGlossary(root, diags, paragraphs),
  );
  const timeline = guarded('lessons/timeline.yaml', { events: [], exists: false }, () =>
    readTimeline(root, diags, paragraphs),
  );
  const translations = guarded('lessons/source', {}, () => readTranslations(root, diags, report));
  guarded('lessons/source/headings.yaml', undefined, () => readHeadingTranslations(root, diags, report));
  const lessons = guarded('lessons', { files: [], meta: [] }, () =>
    compileLessons(
      root,
      diags,
      paragraphs,
      glossary.exists ? new Set(glossary.terms.map((t) => t.id)) : null,
    ),
  );
  guarded('locales', undefined, () => checkUiStrings(root, diags));
  const lessonInfo = new Map<string, LessonInfo>();
  for (const m of lessons.meta) {
    const objectives = Math.max(
      0,
      ...lessons.files.filter((f) => f.folder === m.id).map((f) => f.content.objectives.length),
    );
    lessonInfo.set(m.id, { id: m.id, objectives, paragraphs: m.paragraphs });
  }
  const quizzes = guarded('quizzes', { quizzes: [], meta: [], stats: [] }, () =>
    compileQuizzes(
      root,
      diags,
      paragraphs,
      lessonInfo,
      glossary.exists ? new Set(glossary.terms.map((t) => t.id)) : null,
    ),
  );

  const lessonsPerLocale = Object.fromEntries(CONTENT_LOCALES.map((l) => [l, 0])) as Record<
    ContentLocale,
    number
  >;
  const covered = Object.fromEntries(CONTENT_LOCALES.map((l) => [l, new Set<number>()])) as Record<
    ContentLocale,
    Set<number>
  >;
  for (const f of lessons.files) {
    lessonsPerLocale[f.locale]++;
    for (const n of f.allCites) covered[f.locale].add(n);
  }

  const stats: CourseStats = {
    lessonsPerLocale,
    paragraphsCoveredPerLocale: Object.fromEntries(
      CONTENT_LOCALES.map((l) => [l, covered[l].size]),
    ) as Record<ContentLocale, number>,
    glossaryTerms: glossary.terms.length,
    timelineEvents: timeline.events.length,
    quizItems: quizzes.stats.reduce((n, q) => n + q.items, 0),
    quizzes: quizzes.stats,
    compileMs: 0,
  };
  const result: CompileResult = {
    index: {
      lessons: lessons.meta,
      paragraphCount: report.paragraphs.length,
      quizzes: quizzes.meta,
    },
    lessons: lessons.files.map((f) => f.content),
    report,
    translations,
    glossary: glossary.terms,
    timeline: timeline.events,
    quizzes: quizzes.quizzes,
    diagnostics: sortDiagnostics(diags.list),
    stats,
  };
  stats.compileMs = Math.round((performance.now() - started) * 10) / 10;
  return result;
}

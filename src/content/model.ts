/**
 * The compiled course model: what the content compiler (Node, build time) hands to the app.
 * Everything here is plain JSON so it can be emitted as a module and loaded lazily by the app.
 * This file is the contract between `src/content` and the rest of `src/`; it imports only the
 * quiz types (quiz-model.ts), which are part of the same contract.
 */
import type { QuizMeta, QuizStats } from './quiz-model.ts';

/** Locales that authored content (lessons, glossary, timeline, paragraph translations) exists in. */
export const CONTENT_LOCALES = ['es', 'en', 'zh'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

export type Severity = 'error' | 'warning';

/** One problem found in authored content, printed as `file:line:col severity CODE message`. */
export interface Diagnostic {
  /** Path relative to the project root, with forward slashes (e.g. `lessons/01-report/en.md`). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: Severity;
  /** Stable code, e.g. `CITE002`. */
  code: string;
  message: string;
}

/* ------------------------------------------------------------------ */
/* Rendered content tree: a small, safe subset of mdast.                */
/* The app turns these into React elements; raw HTML never gets here.   */
/* ------------------------------------------------------------------ */

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'em'; c: Inline[] }
  | { t: 'strong'; c: Inline[] }
  | { t: 'code'; v: string }
  /** External link (http/https/mailto only). */
  | { t: 'link'; href: string; c: Inline[] }
  /** A citation `[¶25]` (from = to = 25) or `[¶25-27]`. */
  | { t: 'cite'; from: number; to: number }
  /** A glossary link `[text](term:npt)`. */
  | { t: 'term'; id: string; c: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'p'; c: Inline[] }
  /** Sub-headings inside a section (### and ####). */
  | { t: 'h'; level: 3 | 4; c: Inline[] }
  | { t: 'ul'; items: Block[][] }
  | { t: 'ol'; start: number; items: Block[][] }
  | { t: 'quote'; c: Block[] }
  /** A visible editorial note, authored as a blockquote starting with `[!NOTE]`. */
  | { t: 'note'; c: Block[] }
  | { t: 'hr' };

/* ------------------------------------------------------------------ */
/* The report                                                          */
/* ------------------------------------------------------------------ */

export interface ReportSection {
  /** Stable id (e.g. `s3`), in document order. */
  id: string;
  /** Heading text as in the source. */
  title: string;
  /** Heading depth in the source (2 = `##`). */
  depth: number;
  /** Paragraph numbers whose nearest heading is this one. */
  paragraphs: number[];
  /** Unofficial translations of the heading (lessons/source/headings.yaml). */
  titles?: Partial<Record<ContentLocale, string>>;
}

export interface ReportParagraph {
  /** 1..91 */
  n: number;
  /** Ids of the enclosing sections, outermost first. */
  sectionPath: string[];
  /** Plain text of the paragraph; list items kept on their own lines. */
  text: string;
}

export interface Report {
  locale: ContentLocale;
  /** Document heading lines (title, symbol, dates) as found at the top of the source. */
  title: string;
  sections: ReportSection[];
  paragraphs: ReportParagraph[];
}

/* ------------------------------------------------------------------ */
/* Lessons                                                             */
/* ------------------------------------------------------------------ */

export interface DiscussionQuestion {
  question: Inline[];
  /** For the facilitator: what a good answer draws on (with ¶ references). */
  notes: Inline[];
}

export interface LessonSection {
  /** Stable across locales, from `## Heading {#id}`. Progress is keyed by it. */
  id: string;
  title: Inline[];
  blocks: Block[];
  /** Paragraph numbers cited in this section, sorted, unique. */
  citations: number[];
}

/** One lesson in one locale: loaded lazily by the reader. */
export interface LessonContent {
  id: string;
  locale: ContentLocale;
  title: string;
  objectives: Inline[][];
  sections: LessonSection[];
  discussion: DiscussionQuestion[];
}

/** What the app needs about a lesson up front (home list, progress, source back-links). */
export interface LessonMeta {
  id: string;
  order: number;
  minutes: number;
  /** Paragraphs the lesson teaches (front matter `paragraphs`), sorted. */
  paragraphs: number[];
  /** Section ids in order; identical in every locale. */
  sectionIds: string[];
  /** Title per locale the lesson exists in. */
  titles: Partial<Record<ContentLocale, string>>;
  locales: ContentLocale[];
}

export interface GlossaryTerm {
  id: string;
  term: Record<ContentLocale, string>;
  /** Abbreviation per locale ('' when the term has none in that language). */
  abbr: Record<ContentLocale, string>;
  definition: Record<ContentLocale, string>;
  paragraphs: number[];
  /** The report never names the term; `paragraphs` lists where it is relevant. */
  background?: boolean;
}

export interface TimelineEvent {
  id: string;
  /** ISO date, year-month or year: `2017-07-07`, `2016-05`, `1967`. */
  date: string;
  /** Not in the report: shown as background and never cited. */
  background: boolean;
  label: Record<ContentLocale, string>;
  /** Empty only for background events. */
  paragraphs: number[];
}

/**
 * Everything the app loads at start-up; small on purpose (it is part of every page's first load).
 * Lesson bodies and the report, with its sections, load lazily.
 */
export interface CourseIndex {
  lessons: LessonMeta[];
  paragraphCount: number;
  /**
   * Quizzes without their items: what links to them and what they weigh. The compiler always
   * sets it; optional so an index written by hand (tests, a course without quizzes) stays valid.
   */
  quizzes?: QuizMeta[];
}

export interface CourseStats {
  lessonsPerLocale: Record<ContentLocale, number>;
  /** Count of distinct report paragraphs cited by lessons, per locale. */
  paragraphsCoveredPerLocale: Record<ContentLocale, number>;
  glossaryTerms: number;
  timelineEvents: number;
  quizItems: number;
  /** Per quiz: items by kind and by lesson, bank size and draw. */
  quizzes: QuizStats[];
  compileMs: number;
}

import { inlinePlainText } from '../content/inline-text.ts';
import type { Block, DiscussionQuestion, Inline, LessonContent, LessonMeta, TimelineEvent } from '../content/model.ts';

/**
 * Slides generated from a compiled lesson, for presenter mode. No React here: the deck is a plain
 * list that both presenter windows compute the same way, so they only need to share a slide index.
 */
export type Slide =
  | { kind: 'title'; id: string; title: string; order: number; paragraphs: number[]; minutes: number }
  | { kind: 'objectives'; id: string; items: Inline[][] }
  | {
      kind: 'points';
      id: string;
      sectionId: string;
      title: Inline[];
      /** Continuation number when a long section takes two slides (1-based). */
      part: number;
      parts: number;
      points: Inline[][];
      /** `> [!NOTE]` blocks of the section: the report's oddities, shown on the slide. */
      callouts: Block[][];
      /** The whole section, for the speaker. */
      notes: Block[];
      citations: number[];
    }
  | { kind: 'timeline'; id: string; events: TimelineEvent[]; part: number; parts: number }
  | { kind: 'discussion'; id: string; n: number; total: number; question: Inline[]; notes: Inline[] };

/** Key points on one slide; a section with more takes a second slide. */
export const POINTS_PER_SLIDE = 5;
/** Timeline events on one slide. */
export const EVENTS_PER_SLIDE = 6;

const TERMINATOR = /([.!?])(?=\s+[\p{Lu}\p{Lo}"“«¿¡(])|[。！？]/u;
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|art|arts|No|Nos|para|paras|cf|Mr|Ms|Dr|St|vs|etc|núm|pág|párr|Sr|Sra|S\.A|U\.S|U\.N|p|pp)|\b\p{Lu})$/u;

/**
 * The first sentence of an inline run: cut at the first sentence end (". " before a capital,
 * or 。！？). Abbreviations such as "art." or "e.g." do not end a sentence. A run of up to 240
 * characters (120 Chinese characters) is kept whole.
 */
export function firstSentence(nodes: Inline[]): Inline[] {
  if (weight(plain(nodes)) <= 240) return nodes;
  const out: Inline[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.t === 'text') {
      const cut = sentenceEnd(n.v);
      if (cut !== -1) {
        out.push({ t: 'text', v: n.v.slice(0, cut) });
        return out;
      }
      out.push(n);
    } else if (n.t === 'em' || n.t === 'strong') {
      const inner = firstSentence(n.c);
      out.push({ ...n, c: inner });
      if (plain(inner).length < plain(n.c).length) return out;
    } else {
      out.push(n);
    }
  }
  return out;
}

/** Length for reading purposes: a CJK character counts as two Latin ones. */
function weight(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/** The point of a paragraph: its first sentence, with the paragraph's first citation if the sentence has none. */
function paragraphPoint(nodes: Inline[]): Inline[] {
  const first = firstSentence(nodes);
  if (first === nodes || hasCite(first)) return first;
  const cite = findCite(nodes);
  if (!cite) return first;
  const last = first[first.length - 1];
  // Put the citation before the sentence's final full stop, as the lessons write it.
  if (last?.t === 'text' && /[.。!?！？]$/.test(last.v)) {
    const stop = last.v.slice(-1);
    const body = last.v.slice(0, -1);
    return [...first.slice(0, -1), { t: 'text', v: /[。！？]/.test(stop) ? body : `${body} ` }, cite, { t: 'text', v: stop }];
  }
  return [...first, { t: 'text', v: ' ' }, cite];
}

function hasCite(nodes: Inline[]): boolean {
  return findCite(nodes) !== null;
}

function findCite(nodes: Inline[]): Inline | null {
  for (const n of nodes) {
    if (n.t === 'cite') return n;
    if ((n.t === 'em' || n.t === 'strong' || n.t === 'link' || n.t === 'term') && findCite(n.c)) return findCite(n.c);
  }
  return null;
}

function sentenceEnd(text: string): number {
  let from = 0;
  for (;;) {
    const m = TERMINATOR.exec(text.slice(from));
    if (!m) return -1;
    const at = from + m.index;
    if (m[1] && ABBREVIATION.test(text.slice(0, at))) {
      from = at + 1;
      continue;
    }
    return at + 1;
  }
}

/** Plain text of inlines (citations as ¶N), for lengths and labels. */
export function plain(nodes: Inline[]): string {
  return inlinePlainText(nodes, (from, to) => (from === to ? `[¶${from}]` : `[¶${from}-${to}]`));
}

/** A list item's lead: a bold lead-in ("**Speed and simplicity.**") alone, else its first sentence. */
function itemPoint(item: Block[]): Inline[] | null {
  const first = item[0];
  if (!first || first.t !== 'p') return null;
  const lead = first.c[0];
  if (lead?.t === 'strong' && plain(lead.c).length >= 3) {
    const cites = first.c.filter((c) => c.t === 'cite');
    const last = cites[cites.length - 1];
    return last ? [lead, { t: 'text', v: ' ' }, last] : [lead];
  }
  return paragraphPoint(first.c);
}

/** Key points of a section: first sentences of paragraphs and list items, in order. */
export function keyPoints(blocks: Block[]): { points: Inline[][]; callouts: Block[][] } {
  const points: Inline[][] = [];
  const callouts: Block[][] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'p':
        points.push(paragraphPoint(b.c));
        break;
      case 'ul':
      case 'ol':
        for (const item of b.items) {
          const p = itemPoint(item);
          if (p) points.push(p);
        }
        break;
      case 'quote':
        for (const inner of b.c) if (inner.t === 'p') points.push(paragraphPoint(inner.c));
        break;
      case 'note':
        callouts.push(b.c);
        break;
      default:
        break;
    }
  }
  return { points, callouts };
}

/** Timeline events the lesson's paragraphs name (background events are not the report's and are left out). */
export function lessonEvents(meta: LessonMeta, events: TimelineEvent[]): TimelineEvent[] {
  const own = new Set(meta.paragraphs);
  return events
    .filter((e) => !e.background && e.paragraphs.some((p) => own.has(p)))
    .sort((a, b) => decimalYear(a.date) - decimalYear(b.date) || a.date.localeCompare(b.date));
}

/**
 * A date as a year with a fraction, for ordering and placing on a line: a year alone stands at
 * its middle, a month at its first day, so "2016" comes after "2016-05-02" as it does on the axis.
 */
export function decimalYear(date: string): number {
  const [y, m = 7, d = 1] = date.split('-').map(Number);
  return y! + (m - 1) / 12 + (d - 1) / 365;
}

/** Splits into as few groups of at most `size` as possible, of balanced sizes (6 → 3 + 3, not 5 + 1). */
function chunk<T>(xs: T[], size: number): T[][] {
  const groups = Math.max(1, Math.ceil(xs.length / size));
  const out: T[][] = [];
  let start = 0;
  for (let g = 0; g < groups; g++) {
    const n = Math.ceil((xs.length - start) / (groups - g));
    out.push(xs.slice(start, start + n));
    start += n;
  }
  return out;
}

/** The deck: title, objectives, key points per section, the timeline where the lesson has dated events, discussion. */
export function buildSlides(meta: LessonMeta, lesson: LessonContent, events: TimelineEvent[]): Slide[] {
  const slides: Slide[] = [
    { kind: 'title', id: 'title', title: lesson.title, order: meta.order, paragraphs: meta.paragraphs, minutes: meta.minutes },
  ];
  if (lesson.objectives.length > 0) slides.push({ kind: 'objectives', id: 'objectives', items: lesson.objectives });
  for (const s of lesson.sections) {
    const { points, callouts } = keyPoints(s.blocks);
    const groups = points.length === 0 ? [[]] : chunk(points, POINTS_PER_SLIDE);
    groups.forEach((g, k) =>
      slides.push({
        kind: 'points',
        id: groups.length > 1 ? `${s.id}-${k + 1}` : s.id,
        sectionId: s.id,
        title: s.title,
        part: k + 1,
        parts: groups.length,
        points: g,
        callouts: k === groups.length - 1 ? callouts : [],
        notes: s.blocks,
        citations: s.citations,
      }),
    );
  }
  const dated = lessonEvents(meta, events);
  if (dated.length >= 2) {
    const parts = chunk(dated, EVENTS_PER_SLIDE);
    parts.forEach((p, k) => slides.push({ kind: 'timeline', id: `timeline-${k + 1}`, events: p, part: k + 1, parts: parts.length }));
  }
  lesson.discussion.forEach((d: DiscussionQuestion, k) =>
    slides.push({ kind: 'discussion', id: `discussion-${k + 1}`, n: k + 1, total: lesson.discussion.length, question: d.question, notes: d.notes }),
  );
  return slides;
}

import { isScalar, isSeq } from 'yaml';
import type { TimelineEvent } from './model.ts';
import type { Diagnostics } from './diagnostics.ts';
import type { ParagraphRange } from './markdown.ts';
import { listEntries, type EntryListSpec } from './yaml-entries.ts';
import { readYamlFile } from './yaml-source.ts';

export const TIMELINE_FILE = 'lessons/timeline.yaml';
const TIMELINE_LIST: EntryListSpec = {
  file: TIMELINE_FILE,
  noun: 'timeline',
  items: 'events',
  shape: 'id, date, background, paragraphs and label',
  fields: ['id', 'date', 'background', 'paragraphs', 'label'],
  invalid: 'TIME006',
  duplicate: 'TIME006',
  unknownField: 'TIME007',
};
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `1967`, `2016-05` or `2017-07-07`, checked for a real month and day; null when invalid. */
export function normaliseDate(value: unknown): string | null {
  let s: string;
  if (value instanceof Date) s = value.toISOString().slice(0, 10);
  else if (typeof value === 'number' && Number.isInteger(value)) s = String(value);
  else if (typeof value === 'string') s = value.trim();
  else return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      const max = month === 2 && !leap ? 28 : DAYS[month - 1]!;
      if (day < 1 || day > max) return null;
    }
  }
  return s;
}

/** lessons/timeline.yaml: a list of `{id, date, background, paragraphs, label}`, returned sorted by date. */
export function readTimeline(
  root: string,
  diags: Diagnostics,
  report: ParagraphRange,
): { events: TimelineEvent[]; exists: boolean } {
  const ys = readYamlFile(root, TIMELINE_FILE);
  if (!ys) return { events: [], exists: false };
  const file = TIMELINE_FILE;
  const events: TimelineEvent[] = [];
  for (const { id, at, field, flag, text, paragraphList } of listEntries(ys, diags, TIMELINE_LIST)) {
    const dateNode = field('date');
    const raw = isScalar(dateNode) ? dateNode.value : undefined;
    const date = normaliseDate(raw);
    if (date === null) {
      const shown = raw === undefined || raw === null ? 'missing' : JSON.stringify(raw);
      diags.error(
        file,
        ys.pos(dateNode, at),
        'TIME001',
        `date of "${id}" is ${shown}: write YYYY, YYYY-MM or YYYY-MM-DD (a real date)`,
      );
    }

    const background = flag('background');

    const paragraphs = paragraphList('paragraphs', 'TIME004', report);
    const pNode = field('paragraphs');
    const listed = isSeq(pNode) && pNode.items.length > 0;
    if (background && listed) {
      diags.error(
        file,
        ys.pos(pNode, at),
        'TIME003',
        `"${id}" is background (not in the report) and must not cite paragraphs`,
      );
    } else if (!background && !listed) {
      diags.error(
        file,
        ys.pos(pNode, at),
        'TIME002',
        `"${id}" cites no paragraphs: add the paragraphs that report it, or mark it background: true`,
      );
    }

    const label = text('label', 'TIME005', `label of "${id}"`);
    events.push({ id, date: date ?? '', background, label, paragraphs: background ? [] : paragraphs });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { events, exists: true };
}

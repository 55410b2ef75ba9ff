import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import type { TimelineEvent } from './model.ts';
import type { Diagnostics } from './diagnostics.ts';
import { KEBAB } from './frontmatter.ts';
import { readLocaleText } from './glossary.ts';
import type { ParagraphRange } from './markdown.ts';
import { readParagraphList } from './paragraph-list.ts';
import type { Pos } from './positions.ts';
import { YamlSource } from './yaml-source.ts';

export const TIMELINE_FILE = 'lessons/timeline.yaml';
const FIELDS = ['id', 'date', 'background', 'paragraphs', 'label'];
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
  const full = path.join(root, TIMELINE_FILE);
  if (!fs.existsSync(full)) return { events: [], exists: false };
  const file = TIMELINE_FILE;
  const ys = new YamlSource(
    fs
      .readFileSync(full, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n'),
  );
  for (const e of ys.errors)
    diags.error(file, e.pos, 'TIME006', `timeline.yaml is not valid YAML: ${e.message}`);
  const top = ys.doc.contents;
  const events: TimelineEvent[] = [];
  if (top === null) return { events, exists: true };
  if (!isSeq(top)) {
    diags.error(file, ys.pos(top), 'TIME006', 'timeline.yaml must be a list of events');
    return { events, exists: true };
  }
  const seen = new Map<string, Pos>();
  for (const item of top.items) {
    if (!isMap(item)) {
      diags.error(
        file,
        ys.pos(item),
        'TIME006',
        'a timeline entry must be a map with id, date, background, paragraphs and label',
      );
      continue;
    }
    const at = ys.pos(item);
    const fieldNode = (k: string) => item.get(k, true);
    for (const pair of item.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!FIELDS.includes(k))
        diags.warn(
          file,
          ys.pos(pair.key),
          'TIME007',
          `unknown timeline field "${k}" (allowed: ${FIELDS.join(', ')})`,
        );
    }
    const id = item.get('id');
    if (typeof id !== 'string' || !KEBAB.test(id)) {
      diags.error(
        file,
        ys.pos(fieldNode('id'), at),
        'TIME006',
        `timeline id ${JSON.stringify(id ?? null)} must be a kebab-case string`,
      );
      continue;
    }
    const first = seen.get(id);
    if (first) {
      diags.error(
        file,
        ys.pos(fieldNode('id'), at),
        'TIME006',
        `duplicate timeline id "${id}" (first defined on line ${first.line})`,
      );
      continue;
    }
    seen.set(id, ys.pos(fieldNode('id'), at));

    const dateNode = fieldNode('date');
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

    const bgNode = fieldNode('background');
    const bgValue: unknown = isScalar(bgNode) ? bgNode.value : bgNode === undefined ? false : undefined;
    if (typeof bgValue !== 'boolean')
      diags.error(file, ys.pos(bgNode, at), 'TIME006', `background of "${id}" must be true or false`);
    const background = bgValue === true;

    const pNode = fieldNode('paragraphs');
    const hasList = pNode !== undefined && !(isScalar(pNode) && pNode.value === null);
    const paragraphs = hasList
      ? (readParagraphList(pNode, ys, file, diags, 'TIME004', report, `paragraphs of "${id}"`) ?? [])
      : [];
    const listed = hasList && isSeq(pNode) && pNode.items.length > 0;
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

    const label = readLocaleText(fieldNode('label'), ys, file, diags, 'TIME005', `label of "${id}"`, at);
    events.push({ id, date: date ?? '', background, label, paragraphs: background ? [] : paragraphs });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { events, exists: true };
}

import { isMap, isScalar, isSeq, type Pair, type Scalar } from 'yaml';
import type { Diagnostics } from './diagnostics.ts';
import type { ParagraphRange } from './markdown.ts';
import { readParagraphList } from './paragraph-list.ts';
import type { Pos } from './positions.ts';
import { YamlSource } from './yaml-source.ts';

export const FRONT_MATTER_FIELDS = [
  'id',
  'order',
  'title',
  'minutes',
  'paragraphs',
  'objectives',
  'discussion',
] as const;
export type FrontMatterField = (typeof FRONT_MATTER_FIELDS)[number];

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A string from the YAML that is compiled as inline markdown, with its position mapping. */
export interface InlineSource {
  value: string;
  locate: (offset: number) => Pos;
}

export interface FrontMatter {
  id?: string;
  order?: number;
  title?: string;
  minutes?: number;
  paragraphs?: number[];
  objectives: InlineSource[];
  discussion: { question: InlineSource; notes: InlineSource }[];
  /** Where each present field's value starts, for cross-locale diagnostics. */
  fieldPos: Partial<Record<FrontMatterField, Pos>>;
}

export interface SplitFile {
  /** YAML between the `---` lines, or null when the file has no front matter. */
  yaml: string | null;
  /** The body, preceded by as many newlines as the front matter took, so lines match the file. */
  body: string;
  /** True when an opening `---` was never closed. */
  unclosed: boolean;
}

/** Splits `---\nyaml\n---\nbody`. Line endings must already be `\n`. */
export function splitFrontMatter(text: string): SplitFile {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { yaml: null, body: text, unclosed: false };
  const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (close === -1) return { yaml: null, body: '', unclosed: true };
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n'),
    unclosed: false,
  };
}

const ORIGIN: Pos = { line: 1, column: 1 };

/** Validates lesson front matter (YAML starting on line 2 of `file`). */
export function readFrontMatter(
  yaml: string,
  file: string,
  folder: string,
  diags: Diagnostics,
  report: ParagraphRange,
): FrontMatter {
  const ys = new YamlSource(yaml, 1);
  const fm: FrontMatter = { objectives: [], discussion: [], fieldPos: {} };
  for (const e of ys.errors)
    diags.error(file, e.pos, 'FM003', `front matter is not valid YAML: ${e.message}`);
  const root = ys.doc.contents;
  if (root !== null && !isMap(root)) {
    diags.error(
      file,
      ys.pos(root),
      'FM003',
      'front matter must be a YAML mapping of fields (id, order, title, ...)',
    );
    return fm;
  }
  const fields = new Map<string, Pair>();
  for (const pair of root?.items ?? []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!(FRONT_MATTER_FIELDS as readonly string[]).includes(key)) {
      diags.warn(
        file,
        ys.pos(pair.key),
        'FM004',
        `unknown front matter field "${key}" (allowed: ${FRONT_MATTER_FIELDS.join(', ')})`,
      );
      continue;
    }
    fields.set(key, pair);
  }
  // Fields of a YAML text with syntax errors are unreliable: report the syntax error alone.
  if (ys.errors.length > 0) return fm;
  for (const f of FRONT_MATTER_FIELDS) {
    const pair = fields.get(f);
    if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
      diags.error(
        file,
        pair ? ys.pos(pair.key) : ORIGIN,
        'FM002',
        `missing required front matter field "${f}"`,
      );
      continue;
    }
    fm.fieldPos[f] = ys.pos(pair.value);
  }
  const value = (f: FrontMatterField) => {
    const v = fields.get(f)?.value;
    return v === null || (isScalar(v) && v.value === null) ? undefined : v;
  };
  const bad = (f: FrontMatterField, message: string, node: unknown = value(f)) =>
    diags.error(file, ys.pos(node), 'FM003', message);

  const id = value('id');
  if (id !== undefined) {
    const v = isScalar(id) ? id.value : undefined;
    if (typeof v !== 'string' || !KEBAB.test(v))
      bad('id', `id ${JSON.stringify(v ?? null)} must be kebab-case (e.g. 01-mexico-report)`);
    else {
      // Kept even when it is not the folder name, so a copied lesson is also reported as a duplicate id.
      if (v !== folder) bad('id', `id "${v}" must equal the folder name "${folder}"`);
      fm.id = v;
    }
  }
  const positiveInt = (f: 'order' | 'minutes') => {
    const node = value(f);
    if (node === undefined) return undefined;
    const v = isScalar(node) ? node.value : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
      bad(
        f,
        `${f} must be a positive integer, got ${isScalar(node) ? JSON.stringify(node.value) : 'a list or map'}`,
      );
      return undefined;
    }
    return v;
  };
  fm.order = positiveInt('order');
  fm.minutes = positiveInt('minutes');

  const title = value('title');
  if (title !== undefined) {
    const v = isScalar(title) ? title.value : undefined;
    if (typeof v !== 'string' || v.trim() === '') bad('title', 'title must be a non-empty string');
    else fm.title = v.trim();
  }

  const paragraphs = value('paragraphs');
  if (paragraphs !== undefined) {
    const list = readParagraphList(paragraphs, ys, file, diags, 'FM003', report);
    if (list && list.length === 0) bad('paragraphs', 'paragraphs must list at least one paragraph');
    else if (list) fm.paragraphs = list;
  }

  const inlineString = (node: unknown, what: string): InlineSource | null => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') {
      return { value: node.value, locate: ys.locator(node as Scalar) };
    }
    const hint = isSeq(node) ? ' (quote it when it starts with "[")' : '';
    diags.error(
      file,
      ys.pos(node, fm.fieldPos.discussion),
      'FM003',
      `${what} must be a non-empty string${hint}`,
    );
    return null;
  };

  const objectives = value('objectives');
  if (objectives !== undefined) {
    if (!isSeq(objectives)) bad('objectives', 'objectives must be a list of strings');
    else {
      for (const item of objectives.items) {
        const s = inlineString(item, 'an objective');
        if (s) fm.objectives.push(s);
      }
      const n = objectives.items.length;
      if (n === 0) bad('objectives', 'objectives must list at least one objective');
      else if (n < 3 || n > 5)
        diags.warn(file, ys.pos(objectives), 'FM005', `3-5 learning objectives are expected, found ${n}`);
    }
  }

  const discussion = value('discussion');
  if (discussion !== undefined) {
    if (!isSeq(discussion)) bad('discussion', 'discussion must be a list of {question, notes}');
    else {
      for (const item of discussion.items) {
        if (!isMap(item)) {
          diags.error(
            file,
            ys.pos(item),
            'FM003',
            'a discussion item must be a mapping with question and notes',
          );
          continue;
        }
        let question: InlineSource | null = null;
        let notes: InlineSource | null = null;
        for (const pair of item.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          if (key === 'question') question = inlineString(pair.value, 'a discussion question');
          else if (key === 'notes') notes = inlineString(pair.value, 'discussion notes');
          else
            diags.warn(
              file,
              ys.pos(pair.key),
              'FM004',
              `unknown discussion field "${key}" (allowed: question, notes)`,
            );
        }
        const has = (k: string) => item.items.some((p) => isScalar(p.key) && p.key.value === k);
        for (const k of ['question', 'notes']) {
          if (!has(k)) diags.error(file, ys.pos(item), 'FM002', `discussion item has no "${k}"`);
        }
        if (question && notes) fm.discussion.push({ question, notes });
      }
      const n = discussion.items.length;
      if (n < 3)
        diags.warn(
          file,
          ys.pos(discussion),
          'FM005',
          `at least 3 discussion questions are expected, found ${n}`,
        );
    }
  }
  return fm;
}

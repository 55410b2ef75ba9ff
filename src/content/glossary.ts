import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { ContentLocale, GlossaryTerm } from './model.ts';
import { CONTENT_LOCALES } from './model.ts';
import type { Diagnostics } from './diagnostics.ts';
import { KEBAB } from './frontmatter.ts';
import type { ParagraphRange } from './markdown.ts';
import { readParagraphList } from './paragraph-list.ts';
import type { Pos } from './positions.ts';
import { YamlSource } from './yaml-source.ts';

export const GLOSSARY_FILE = 'lessons/glossary.yaml';
const FIELDS = ['id', 'term', 'abbr', 'definition', 'paragraphs', 'background'];

/** Reads a `{es, en, zh}` map of strings; reports missing or empty locales unless `optional`. */
export function readLocaleText(
  node: unknown,
  ys: YamlSource,
  file: string,
  diags: Diagnostics,
  code: string,
  what: string,
  fallback: Pos,
  optional = false,
): Record<ContentLocale, string> {
  const out = { es: '', en: '', zh: '' } as Record<ContentLocale, string>;
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
    if (!optional) diags.error(file, fallback, code, `${what} has no text (expected es, en and zh)`);
    return out;
  }
  if (!isMap(node)) {
    diags.error(file, ys.pos(node), code, `${what} must be a map with es, en and zh`);
    return out;
  }
  for (const loc of CONTENT_LOCALES) {
    const v = (node as YAMLMap).get(loc);
    if (typeof v === 'string' && v.trim() !== '') out[loc] = v.trim();
    else if (!optional || (v !== undefined && v !== '' && v !== null)) {
      diags.error(file, ys.pos(node), code, `${what} has no ${loc} text`);
    }
  }
  for (const pair of (node as YAMLMap).items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(CONTENT_LOCALES as readonly string[]).includes(k))
      diags.error(file, ys.pos(pair.key), code, `${what}: "${k}" is not a content locale (es, en, zh)`);
  }
  return out;
}

/** lessons/glossary.yaml: a list of `{id, term, abbr, definition, paragraphs, background?}`. */
export function readGlossary(
  root: string,
  diags: Diagnostics,
  report: ParagraphRange,
): { terms: GlossaryTerm[]; exists: boolean } {
  const full = path.join(root, GLOSSARY_FILE);
  if (!fs.existsSync(full)) return { terms: [], exists: false };
  const file = GLOSSARY_FILE;
  const ys = new YamlSource(
    fs
      .readFileSync(full, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n'),
  );
  for (const e of ys.errors)
    diags.error(file, e.pos, 'GLOSS004', `glossary.yaml is not valid YAML: ${e.message}`);
  const root_ = ys.doc.contents;
  const terms: GlossaryTerm[] = [];
  if (root_ === null) return { terms, exists: true };
  if (!isSeq(root_)) {
    diags.error(file, ys.pos(root_), 'GLOSS004', 'glossary.yaml must be a list of terms');
    return { terms, exists: true };
  }
  const seen = new Map<string, Pos>();
  for (const item of root_.items) {
    if (!isMap(item)) {
      diags.error(
        file,
        ys.pos(item),
        'GLOSS004',
        'a glossary entry must be a map with id, term, abbr, definition and paragraphs',
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
          'GLOSS005',
          `unknown glossary field "${k}" (allowed: ${FIELDS.join(', ')})`,
        );
    }
    const id = item.get('id');
    if (typeof id !== 'string' || !KEBAB.test(id)) {
      diags.error(
        file,
        ys.pos(fieldNode('id'), at),
        'GLOSS004',
        `glossary id ${JSON.stringify(id ?? null)} must be a kebab-case string`,
      );
      continue;
    }
    const first = seen.get(id);
    if (first) {
      diags.error(
        file,
        ys.pos(fieldNode('id'), at),
        'GLOSS003',
        `duplicate glossary id "${id}" (first defined on line ${first.line})`,
      );
      continue;
    }
    seen.set(id, ys.pos(fieldNode('id'), at));
    const term = readLocaleText(fieldNode('term'), ys, file, diags, 'GLOSS001', `term "${id}"`, at);
    const abbr = readLocaleText(
      fieldNode('abbr'),
      ys,
      file,
      diags,
      'GLOSS001',
      `abbreviation of "${id}"`,
      at,
      true,
    );
    const definition = readLocaleText(
      fieldNode('definition'),
      ys,
      file,
      diags,
      'GLOSS001',
      `definition of "${id}"`,
      at,
    );
    const bgNode = fieldNode('background');
    const bgValue: unknown = isScalar(bgNode) ? bgNode.value : bgNode === undefined ? false : undefined;
    if (typeof bgValue !== 'boolean')
      diags.error(file, ys.pos(bgNode, at), 'GLOSS004', `background of "${id}" must be true or false`);
    const background = bgValue === true;
    const pNode = fieldNode('paragraphs');
    let paragraphs: number[] = [];
    if (pNode !== undefined && !(isScalar(pNode) && pNode.value === null)) {
      paragraphs =
        readParagraphList(pNode, ys, file, diags, 'GLOSS002', report, `paragraphs of "${id}"`) ?? [];
    }
    // A term named in the report lists where; a background term (never named) may list where it is relevant.
    if (
      !background &&
      paragraphs.length === 0 &&
      (pNode === undefined || (isSeq(pNode) && pNode.items.length === 0))
    ) {
      diags.error(
        file,
        at,
        'GLOSS006',
        `"${id}" lists no paragraphs: add the paragraphs that name it, or mark it background: true`,
      );
    }
    terms.push({ id, term, abbr, definition, paragraphs, ...(background ? { background: true } : {}) });
  }
  return { terms, exists: true };
}

import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { ContentLocale } from './model.ts';
import { CONTENT_LOCALES } from './model.ts';
import type { Diagnostics } from './diagnostics.ts';
import { KEBAB } from './frontmatter.ts';
import type { ParagraphRange } from './markdown.ts';
import { readParagraphList } from './paragraph-list.ts';
import type { Pos } from './positions.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * Shared reading of the lessons/*.yaml lists of `{id, ...}` entries (glossary, timeline): the
 * file's shape, each entry's fields, its id, and the fields every such list has.
 */

/** What a list file is called in its messages, and the codes of its structural problems. */
export interface EntryListSpec {
  /** From the project root, e.g. `lessons/glossary.yaml`. */
  file: string;
  /** Names an entry in messages: `glossary` → `unknown glossary field`, `glossary id`. */
  noun: string;
  /** What the list holds: `glossary.yaml must be a list of <items>`. */
  items: string;
  /** The fields an entry is described with: `a <noun> entry must be a map with <shape>`. */
  shape: string;
  /** Fields an entry may have; others are warned about. */
  fields: readonly string[];
  /** Not valid YAML, not a list, an entry that is not a map, a bad id, a field of the wrong type. */
  invalid: string;
  /** An id used twice. */
  duplicate: string;
  /** A field not in {@link EntryListSpec.fields} (a warning). */
  unknownField: string;
}

/** An entry with a valid, first-seen id. */
export interface YamlEntry {
  id: string;
  /** Start of the entry: where a problem with a missing field is reported. */
  at: Pos;
  /** A field's node, undefined when the field is missing. */
  field(key: string): unknown;
  /** A true/false field, false when missing; anything else is reported under `spec.invalid`. */
  flag(key: string): boolean;
  /** A `{es, en, zh}` field of plain text; an `optional` one may be missing or leave locales out. */
  text(key: string, code: string, what: string, optional?: boolean): Record<ContentLocale, string>;
  /** A list of paragraph numbers and ranges; empty when missing, null or wrong (which is reported). */
  paragraphList(key: string, code: string, report: ParagraphRange): number[];
}

/**
 * Reports the file's YAML errors, a top level that is not a list, entries that are not maps,
 * unknown fields, and ids that are not kebab-case or were used before; yields every other entry,
 * in file order. An empty file is an empty list.
 */
export function* listEntries(
  ys: YamlSource,
  diags: Diagnostics,
  spec: EntryListSpec,
): Generator<YamlEntry, void, undefined> {
  const { file, noun } = spec;
  const name = file.slice(file.lastIndexOf('/') + 1);
  for (const e of ys.errors)
    diags.error(file, e.pos, spec.invalid, `${name} is not valid YAML: ${e.message}`);
  const top = ys.doc.contents;
  if (top === null) return;
  if (!isSeq(top)) {
    diags.error(file, ys.pos(top), spec.invalid, `${name} must be a list of ${spec.items}`);
    return;
  }
  const seen = new Map<string, Pos>();
  for (const item of top.items) {
    if (!isMap(item)) {
      diags.error(file, ys.pos(item), spec.invalid, `a ${noun} entry must be a map with ${spec.shape}`);
      continue;
    }
    const at = ys.pos(item);
    const field = (k: string): unknown => item.get(k, true);
    for (const pair of item.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!spec.fields.includes(k))
        diags.warn(
          file,
          ys.pos(pair.key),
          spec.unknownField,
          `unknown ${noun} field "${k}" (allowed: ${spec.fields.join(', ')})`,
        );
    }
    const id = item.get('id');
    const idPos = ys.pos(field('id'), at);
    // Only a valid id is ever seen, so `first` means a kebab-case id used before.
    const first = typeof id === 'string' ? seen.get(id) : undefined;
    if (typeof id !== 'string' || !KEBAB.test(id) || first) {
      const [code, message] = first
        ? [spec.duplicate, `duplicate ${noun} id "${String(id)}" (first defined on line ${first.line})`]
        : [spec.invalid, `${noun} id ${JSON.stringify(id ?? null)} must be a kebab-case string`];
      diags.error(file, idPos, code, message);
      continue;
    }
    seen.set(id, idPos);
    const flag = (k: string): boolean => {
      const node = field(k);
      const value: unknown = isScalar(node) ? node.value : node === undefined ? false : undefined;
      if (typeof value !== 'boolean')
        diags.error(file, ys.pos(node, at), spec.invalid, `${k} of "${id}" must be true or false`);
      return value === true;
    };
    const text = (k: string, code: string, what: string, optional = false) =>
      readLocaleText(field(k), ys, file, diags, code, what, at, optional);
    const paragraphList = (k: string, code: string, report: ParagraphRange): number[] => {
      const node = field(k);
      if (node === undefined || (isScalar(node) && node.value === null)) return [];
      return readParagraphList(node, ys, file, diags, code, report, `${k} of "${id}"`) ?? [];
    };
    yield { id, at, field, flag, text, paragraphList };
  }
}

/** Reads a `{es, en, zh}` map of strings; reports missing or empty locales unless `optional`. */
function readLocaleText(
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

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { Diagnostics } from './diagnostics.ts';
import type { Pos } from './positions.ts';
import { readSourceFile } from './source-file.ts';
import { YamlSource } from './yaml-source.ts';

/** Locales the UI ships in; en is the reference. */
export const UI_LOCALES = ['es', 'en', 'zh', 'fr', 'ar', 'ru', 'pt'] as const;

interface Flat {
  values: Map<string, unknown>;
  pos: Map<string, Pos>;
}

/** Flattens nested JSON objects to dotted keys, with each key's position (JSON is YAML, so yaml gives ranges). */
function readUiFile(root: string, file: string, diags: Diagnostics): Flat | null {
  const text = readSourceFile(path.join(root, file));
  try {
    JSON.parse(text);
  } catch (e) {
    diags.error(file, { line: 1, column: 1 }, 'UI004', `not valid JSON: ${(e as Error).message}`);
    return null;
  }
  const ys = new YamlSource(text);
  const flat: Flat = { values: new Map(), pos: new Map() };
  const walk = (node: YamlNode | null | unknown, prefix: string, at: Pos) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : '';
        walk(pair.value, prefix ? `${prefix}.${k}` : k, ys.pos(pair.key));
      }
      return;
    }
    flat.values.set(
      prefix,
      isScalar(node) ? node.value : (node as { toJSON?: () => unknown } | null)?.toJSON?.(),
    );
    flat.pos.set(prefix, at);
  };
  walk(ys.doc.contents, '', { line: 1, column: 1 });
  return flat;
}

type PluralKind = 'cardinal' | 'ordinal';

/** CLDR plural categories in their conventional order (Intl lists them in no useful order). */
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralCategory = (typeof CATEGORY_ORDER)[number];

/** i18next plural keys: `key_one` (cardinal) and `key_ordinal_one` (ordinal). */
const PLURAL_KEY = /^(.+?)_(?:(ordinal)_)?(zero|one|two|few|many|other)$/;

function splitPluralKey(key: string): { base: string; kind: PluralKind; category: PluralCategory } | null {
  const m = PLURAL_KEY.exec(key);
  if (!m) return null;
  return { base: m[1]!, kind: m[2] ? 'ordinal' : 'cardinal', category: m[3] as PluralCategory };
}

function formKey(base: string, kind: PluralKind, category: PluralCategory): string {
  return kind === 'ordinal' ? `${base}_ordinal_${category}` : `${base}_${category}`;
}

const categoryCache = new Map<string, PluralCategory[]>();

/**
 * The plural categories i18next picks from for a locale: it asks Intl.PluralRules, so these are
 * the CLDR categories of the runtime (e.g. ar: zero, one, two, few, many, other; zh: other).
 */
export function pluralCategories(locale: string, kind: PluralKind = 'cardinal'): PluralCategory[] {
  const id = `${locale}:${kind}`;
  let cats = categoryCache.get(id);
  if (!cats) {
    const found = new Intl.PluralRules(locale, { type: kind }).resolvedOptions().pluralCategories;
    cats = CATEGORY_ORDER.filter((c) => (found as readonly string[]).includes(c));
    categoryCache.set(id, cats);
  }
  return cats;
}

/**
 * What every locale has to translate: each plain key of the reference, and each key the reference
 * gives in plural forms (`base_one` + `base_other`, `base_ordinal_*`). A locale may answer either
 * with the plain key or with its own plural forms, so the English key set is not imposed.
 */
interface Requirement {
  base: string;
  kind: PluralKind;
  /** The reference has the key itself, not only plural forms of it. */
  plain: boolean;
}

function requirementsOf(ref: Flat): Map<string, Requirement> {
  const reqs = new Map<string, Requirement>();
  const add = (base: string, kind: PluralKind, plain: boolean) => {
    const id = `${kind}:${base}`;
    const had = reqs.get(id);
    reqs.set(id, { base, kind, plain: plain || (had?.plain ?? false) });
  };
  for (const key of ref.values.keys()) {
    if (key === '') continue;
    const p = splitPluralKey(key);
    if (p && ref.values.has(formKey(p.base, p.kind, 'other'))) add(p.base, p.kind, false);
    else add(key, 'cardinal', true);
  }
  return reqs;
}

/** Reports what `flat` (locale `loc`) lacks of the requirements, as UI001 errors. */
function checkRequirements(
  file: string,
  loc: string,
  flat: Flat,
  reqs: Map<string, Requirement>,
  refFile: string,
  diags: Diagnostics,
): void {
  for (const { base, kind, plain } of reqs.values()) {
    if (flat.values.has(base)) continue;
    const cats = pluralCategories(loc, kind);
    const present = cats.filter((c) => flat.values.has(formKey(base, kind, c)));
    if (present.length === cats.length) continue;
    const missing = cats.filter((c) => !present.includes(c)).map((c) => `"${formKey(base, kind, c)}"`);
    if (present.length === 0 && plain) {
      diags.error(
        file,
        { line: 1, column: 1 },
        'UI001',
        `missing UI string "${base}" (present in ${refFile})`,
      );
      continue;
    }
    const at = present.length > 0 ? flat.pos.get(formKey(base, kind, present[0]!)) : { line: 1, column: 1 };
    diags.error(
      file,
      at,
      'UI001',
      `missing ${kind === 'ordinal' ? 'ordinal ' : ''}plural form${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(${loc} uses ${cats.join(', ')}): add ${missing.length > 1 ? 'them' : 'it'}, or one plain "${base}" for every count`,
    );
  }
}

/** Checks locales/<locale>/ui.json against locales/en/ui.json (i18next keys). */
export function checkUiStrings(root: string, diags: Diagnostics): void {
  const localesDir = path.join(root, 'locales');
  if (!fs.existsSync(localesDir)) return;
  const refFile = 'locales/en/ui.json';
  if (!fs.existsSync(path.join(root, refFile))) {
    diags.error(
      refFile,
      { line: 1, column: 1 },
      'UI001',
      'the reference UI strings locales/en/ui.json are missing',
    );
    return;
  }
  const ref = readUiFile(root, refFile, diags);
  if (!ref) return;
  const reqs = requirementsOf(ref);
  const present = fs
    .readdirSync(localesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name);
  const locales = [...new Set([...UI_LOCALES, ...present])].sort();
  for (const loc of locales) {
    const file = `locales/${loc}/ui.json`;
    const expected = (UI_LOCALES as readonly string[]).includes(loc);
    if (!fs.existsSync(path.join(root, file))) {
      if (expected) {
        const what = present.includes(loc) ? `${file} is missing` : `locale folder locales/${loc} is missing`;
        diags.error(
          file,
          { line: 1, column: 1 },
          'UI001',
          `${what}: ${reqs.size} UI strings are untranslated`,
        );
      }
      continue;
    }
    const flat = loc === 'en' ? ref : readUiFile(root, file, diags);
    if (!flat) continue;
    for (const [key, value] of flat.values) {
      if (key === '') continue;
      if (typeof value === 'string' && value.trim() === '')
        diags.error(file, flat.pos.get(key), 'UI003', `UI string "${key}" is empty`);
      const p = splitPluralKey(key);
      if (p && reqs.has(`${p.kind}:${p.base}`)) {
        // `_zero` is also looked up for a count of 0 in every language, not only where CLDR has it.
        const cats = pluralCategories(loc, p.kind);
        if (!cats.includes(p.category) && !(p.kind === 'cardinal' && p.category === 'zero'))
          diags.warn(
            file,
            flat.pos.get(key),
            'UI005',
            `plural form "${key}" is never used: ${loc} has no "${p.category}" ${p.kind === 'ordinal' ? 'ordinal ' : ''}category (it uses ${cats.join(', ')})`,
          );
        continue;
      }
      // A plain key in place of the reference's plural forms fits every count.
      if (!ref.values.has(key) && !reqs.has(`cardinal:${key}`) && !reqs.has(`ordinal:${key}`))
        diags.warn(file, flat.pos.get(key), 'UI002', `UI string "${key}" is not in ${refFile}`);
    }
    checkRequirements(file, loc, flat, reqs, refFile, diags);
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { Diagnostics } from './diagnostics.ts';
import type { Pos } from './positions.ts';
import { YamlSource } from './yaml-source.ts';

/** Locales the UI ships in; en is the reference. */
export const UI_LOCALES = ['es', 'en', 'zh', 'fr', 'ar', 'ru', 'pt'] as const;

interface Flat {
  values: Map<string, unknown>;
  pos: Map<string, Pos>;
}

/** Flattens nested JSON objects to dotted keys, with each key's position (JSON is YAML, so yaml gives ranges). */
function readUiFile(root: string, file: string, diags: Diagnostics): Flat | null {
  const text = fs
    .readFileSync(path.join(root, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
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
          `${what}: ${ref.values.size} UI strings are untranslated`,
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
      if (!ref.values.has(key))
        diags.warn(file, flat.pos.get(key), 'UI002', `UI string "${key}" is not in ${refFile}`);
    }
    if (loc === 'en') continue;
    for (const key of ref.values.keys()) {
      if (key !== '' && !flat.values.has(key))
        diags.error(
          file,
          { line: 1, column: 1 },
          'UI001',
          `missing UI string "${key}" (present in ${refFile})`,
        );
    }
  }
}

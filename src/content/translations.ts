import { isMap, isScalar } from 'yaml';
import type { ContentLocale, Report } from './model.ts';
import { formatNumberRanges, type Diagnostics } from './diagnostics.ts';
import { numberTokens, sortTokens } from './citations.ts';
import { readYamlFile } from './yaml-source.ts';

export const TRANSLATION_LOCALES = ['es', 'en'] as const satisfies readonly ContentLocale[];

/**
 * lessons/source/paragraphs.<es|en>.yaml: unofficial translations of the report, a map from
 * paragraph number to text. Every paragraph must be there, and every number of the Chinese
 * original should survive the translation.
 */
export function readTranslations(
  root: string,
  diags: Diagnostics,
  report: Report,
): Partial<Record<ContentLocale, Record<number, string>>> {
  const out: Partial<Record<ContentLocale, Record<number, string>>> = {};
  const original = new Map(report.paragraphs.map((p) => [p.n, p]));
  const range =
    report.paragraphs.length > 0
      ? `${report.paragraphs[0]!.n}–${report.paragraphs[report.paragraphs.length - 1]!.n}`
      : 'none';
  for (const loc of TRANSLATION_LOCALES) {
    const file = `lessons/source/paragraphs.${loc}.yaml`;
    const ys = readYamlFile(root, file);
    if (!ys) continue;
    for (const e of ys.errors) diags.error(file, e.pos, 'TRANS003', `not valid YAML: ${e.message}`);
    const top = ys.doc.contents;
    const texts: Record<number, string> = {};
    out[loc] = texts;
    if (top !== null && !isMap(top)) {
      diags.error(file, ys.pos(top), 'TRANS003', 'the file must be a map from paragraph number to text');
      continue;
    }
    for (const pair of top?.items ?? []) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const n =
        typeof key === 'number'
          ? key
          : typeof key === 'string' && /^\d+$/.test(key.trim())
            ? Number(key)
            : NaN;
      if (!Number.isInteger(n) || !original.has(n)) {
        diags.error(
          file,
          ys.pos(pair.key),
          'TRANS001',
          `paragraph ${JSON.stringify(key ?? null)} is not in the report (${range})`,
        );
        continue;
      }
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (typeof value !== 'string' || value.trim() === '') {
        diags.error(file, ys.pos(pair.value, ys.pos(pair.key)), 'TRANS003', `paragraph ${n} has no text`);
        continue;
      }
      const text = value.trim();
      texts[n] = text;
      const mine = new Set(numberTokens(text, loc));
      const lost = sortTokens(
        new Set(numberTokens(original.get(n)!.text, report.locale).filter((t) => !mine.has(t))),
      );
      if (lost.length > 0) {
        diags.warn(
          file,
          ys.pos(pair.value),
          'TRANS002',
          `¶${n}: ${lost.join(', ')} of the original ${lost.length === 1 ? 'is' : 'are'} missing from the translation`,
        );
      }
    }
    const missing = report.paragraphs.map((p) => p.n).filter((n) => !(n in texts) && !hasKey(top, n));
    if (missing.length > 0) {
      diags.error(
        file,
        { line: 1, column: 1 },
        'TRANS001',
        `missing ${missing.length === 1 ? 'paragraph' : 'paragraphs'} ${formatNumberRanges(missing)}`,
      );
    }
  }
  return out;
}

function hasKey(top: unknown, n: number): boolean {
  if (!isMap(top)) return false;
  return top.items.some((p) => isScalar(p.key) && String(p.key.value).trim() === String(n));
}

/**
 * lessons/source/headings.yaml: unofficial translations of the report's section headings, keyed
 * by section id. Adds `titles` to each section of `report`; every section needs every
 * translation locale (TRANS005), and an id the report does not have is an error (TRANS004).
 */
export function readHeadingTranslations(root: string, diags: Diagnostics, report: Report): void {
  const file = 'lessons/source/headings.yaml';
  const ys = readYamlFile(root, file);
  if (!ys) return;
  for (const e of ys.errors) diags.error(file, e.pos, 'TRANS003', `not valid YAML: ${e.message}`);
  const top = ys.doc.contents;
  if (!isMap(top)) {
    diags.error(file, ys.pos(top), 'TRANS003', 'the file must be a map from section id to {es, en}');
    return;
  }
  const byId = new Map(report.sections.map((s) => [s.id, s]));
  const seen = new Set<string>();
  for (const pair of top.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const section = byId.get(id);
    if (!section) {
      diags.error(
        file,
        ys.pos(pair.key),
        'TRANS004',
        `section ${JSON.stringify(id)} is not in the report (s1–s${report.sections.length})`,
      );
      continue;
    }
    seen.add(id);
    const titles: Partial<Record<ContentLocale, string>> = {};
    const value = pair.value;
    for (const loc of TRANSLATION_LOCALES) {
      const node = isMap(value) ? value.get(loc, true) : undefined;
      const raw: unknown = isScalar(node) ? node.value : undefined;
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text === '')
        diags.error(
          file,
          ys.pos(value ?? pair.key, ys.pos(pair.key)),
          'TRANS005',
          `section ${id} ("${section.title}") has no ${loc} heading`,
        );
      else titles[loc] = text;
    }
    section.titles = titles;
  }
  const missing = report.sections.filter((s) => !seen.has(s.id)).map((s) => s.id);
  if (missing.length > 0) {
    diags.error(
      file,
      { line: 1, column: 1 },
      'TRANS005',
      `no heading translations for ${missing.join(', ')}`,
    );
  }
}

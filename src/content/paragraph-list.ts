import { isScalar, isSeq } from 'yaml';
import type { Diagnostics } from './diagnostics.ts';
import { formatParagraphList } from './diagnostics.ts';
import type { ParagraphRange } from './markdown.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * Reads a YAML list of paragraph numbers and `"a-b"` ranges (`[1-7, 12]`) into sorted, unique
 * numbers, reporting bad entries, reversed ranges and paragraphs the report does not have.
 * Returns null when any entry is wrong, so a half-read list is never compared or used.
 */
export function readParagraphList(
  node: unknown,
  ys: YamlSource,
  file: string,
  diags: Diagnostics,
  code: string,
  report: ParagraphRange,
  what = 'paragraphs',
): number[] | null {
  if (!isSeq(node)) {
    diags.error(
      file,
      ys.pos(node),
      code,
      `${what} must be a list of paragraph numbers and "a-b" ranges, e.g. [1-7, 12]`,
    );
    return null;
  }
  const out = new Set<number>();
  let ok = true;
  for (const item of node.items) {
    const v = isScalar(item) ? item.value : undefined;
    const m =
      typeof v === 'number'
        ? [String(v), String(v), undefined]
        : typeof v === 'string'
          ? /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(v)
          : null;
    if (!m || (typeof v === 'number' && !Number.isInteger(v))) {
      const shown = isScalar(item)
        ? String(item.value)
        : JSON.stringify(
            item && typeof item === 'object' && 'toJSON' in item
              ? (item as { toJSON(): unknown }).toJSON()
              : item,
          );
      ok = false;
      diags.error(
        file,
        ys.pos(item),
        code,
        `${what} entry "${shown}" is not a paragraph number or an "a-b" range (ASCII hyphen)`,
      );
      continue;
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from > to) {
      ok = false;
      diags.error(file, ys.pos(item), code, `reversed range "${String(v)}" in ${what}: write ${to}-${from}`);
      continue;
    }
    const missing: number[] = [];
    for (let n = from; n <= to; n++) {
      if (report.has(n)) out.add(n);
      else missing.push(n);
    }
    if (missing.length > 0) {
      ok = false;
      const verb = missing.length === 1 ? 'paragraph' : 'paragraphs';
      diags.error(
        file,
        ys.pos(item),
        code,
        `${verb} ${formatParagraphList(missing)} ${missing.length === 1 ? 'does' : 'do'} not exist in the report (${report.label})`,
      );
    }
  }
  return ok ? [...out].sort((a, b) => a - b) : null;
}

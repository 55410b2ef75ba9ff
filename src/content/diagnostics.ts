import type { Diagnostic, Severity } from './model.ts';
import type { Pos } from './positions.ts';

/** `lessons/04-tpnw/es.md:14:3 error CITE002 paragraph ¶97 does not exist in the report (1–91)` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

/** Collects every problem instead of throwing, so authors can fix them all in one pass. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(file: string, pos: Pos | undefined, severity: Severity, code: string, message: string): void {
    this.list.push({ file, line: pos?.line ?? 1, column: pos?.column ?? 1, severity, code, message });
  }

  error(file: string, pos: Pos | undefined, code: string, message: string): void {
    this.add(file, pos, 'error', code, message);
  }

  warn(file: string, pos: Pos | undefined, code: string, message: string): void {
    this.add(file, pos, 'warning', code, message);
  }

  /** READ001: a file that is there but cannot be read (permissions, a folder named es.md). */
  unreadable(file: string, cause: unknown, pos?: Pos): void {
    this.error(
      file,
      pos,
      'READ001',
      `could not be read: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }

  push(...ds: Diagnostic[]): void {
    this.list.push(...ds);
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted by file, line, column (then code and message, so the order is stable). */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}

/** `[25, 26, 27, 30]` → `¶25-27, ¶30` */
export function formatParagraphList(ns: Iterable<number>): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(
      j - i >= 2
        ? `¶${sorted[i]}-${sorted[j]}`
        : sorted
            .slice(i, j + 1)
            .map((n) => `¶${n}`)
            .join(', '),
    );
    i = j + 1;
  }
  return parts.join(', ');
}

/** Same as {@link formatParagraphList} without the ¶ sign: `1-3, 7`. */
export function formatNumberRanges(ns: Iterable<number>): string {
  return formatParagraphList(ns).replace(/¶/g, '');
}

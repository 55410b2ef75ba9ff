/**
 * Offsets → `line:column`, and value → source alignment.
 *
 * Parsers hand us decoded values (markdown escapes removed, blockquote markers and YAML quotes
 * stripped), but authors need the column in the file they edit. `alignValue` maps every
 * character of a decoded value back to its offset in the raw source slice, so a citation found
 * in `text.value` is reported where it sits in the file.
 */

export interface Pos {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Line starts of a text, for O(log n) offset → position lookups. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  pos(offset: number): Pos {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * Maps each index of `value` (and `value.length`) to an offset in `src`, assuming `value` is a
 * subsequence of `src` with decoration removed (escapes, container prefixes, quotes). A character
 * that cannot be found (e.g. produced by a character reference) maps to the current offset.
 */
export function alignValue(value: string, src: string): number[] {
  const map = new Array<number>(value.length + 1);
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    let k = j;
    // A folded line break in YAML or a soft break in markdown may come out as a space.
    while (k < src.length && src[k] !== ch && !(ch === ' ' && src[k] === '\n')) k++;
    if (k < src.length) {
      map[i] = k;
      j = k + 1;
    } else {
      map[i] = Math.min(j, src.length);
    }
  }
  map[value.length] = Math.min(j, src.length);
  return map;
}

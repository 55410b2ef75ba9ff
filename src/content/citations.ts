/**
 * Citation and number-token rules shared by lessons, front matter, glossary and translations.
 * A citation is `[¶25]` or `[¶25-27]`: ASCII hyphen, no spaces. Anything else holding a `¶`
 * is malformed and gets a suggestion the author can paste.
 */

export type CitationMatch =
  | { kind: 'cite'; start: number; end: number; from: number; to: number; raw: string }
  | { kind: 'malformed'; start: number; end: number; raw: string; message: string };

const VALID = /\[¶(\d+)(?:-(\d+))?\]/y;
const DASHES = /[‐‑‒–—―−~～至]/;

/** Finds every `¶` in a decoded text and classifies it as a citation or a malformed one. */
export function scanCitations(value: string): CitationMatch[] {
  const out: CitationMatch[] = [];
  let consumed = 0;
  for (let i = value.indexOf('¶'); i !== -1; i = value.indexOf('¶', i + 1)) {
    if (i < consumed) continue;
    if (i > 0 && value[i - 1] === '[') {
      VALID.lastIndex = i - 1;
      const m = VALID.exec(value);
      if (m) {
        const from = Number(m[1]);
        const to = m[2] === undefined ? from : Number(m[2]);
        out.push({ kind: 'cite', start: i - 1, end: VALID.lastIndex, from, to, raw: m[0] });
        consumed = VALID.lastIndex;
        continue;
      }
    }
    const bad = malformedAt(value, i, consumed);
    out.push(bad);
    consumed = bad.end;
  }
  return out;
}

function malformedAt(value: string, i: number, min: number): Extract<CitationMatch, { kind: 'malformed' }> {
  // Look back over spaces for an opening bracket on the same line: `[ ¶25]`.
  let open = i - 1;
  while (open >= min && (value[open] === ' ' || value[open] === '\t')) open--;
  const bracketed = open >= min && (value[open] === '[' || value[open] === '【');
  if (bracketed) {
    const spaceBefore = open < i - 1;
    let close = -1;
    for (let k = i + 1; k < value.length && k <= i + 40 && value[k] !== '\n'; k++) {
      if (value[k] === ']' || value[k] === '】') {
        close = k;
        break;
      }
      if (value[k] === '[' || value[k] === '¶') break;
    }
    if (close === -1) {
      let end = i + 1;
      while (end < value.length && /[\d\s\-‐‑‒–—―−,，;；、]/.test(value[end]!) && value[end] !== '\n') end++;
      while (end > i + 1 && /\s/.test(value[end - 1]!)) end--;
      const raw = value.slice(open, end);
      return {
        kind: 'malformed',
        start: open,
        end,
        raw,
        message: `malformed citation "${raw}": missing closing "]"`,
      };
    }
    const raw = value.slice(open, close + 1);
    const inner = value.slice(i + 1, close);
    return {
      kind: 'malformed',
      start: open,
      end: close + 1,
      raw,
      message: explain(raw, inner, spaceBefore, value[open] !== '[' || value[close] !== ']'),
    };
  }
  // A bare `¶25` (or `¶ 25-27`).
  let end = i + 1;
  const m = /\s?\d+(?:\s?[-‐‑‒–—―−]\s?\d+)?/y;
  m.lastIndex = end;
  const mm = m.exec(value);
  if (mm) end = m.lastIndex;
  const raw = value.slice(i, end);
  const inner = raw.slice(1);
  if (!/\d/.test(inner)) {
    return {
      kind: 'malformed',
      start: i,
      end,
      raw,
      message: 'stray "¶": cite a paragraph as [¶25] or a range as [¶25-27]',
    };
  }
  const norm = inner.replace(/\s+/g, '').replace(new RegExp(DASHES.source, 'g'), '-');
  return {
    kind: 'malformed',
    start: i,
    end,
    raw,
    message: `malformed citation "${raw}": write it in square brackets: [¶${norm}]`,
  };
}

function explain(raw: string, inner: string, spaceBefore: boolean, wideBrackets: boolean): string {
  const reasons: string[] = [];
  if (wideBrackets) reasons.push('use ASCII square brackets');
  if (inner.trim() === '') return `malformed citation "${raw}": missing paragraph number`;
  if (spaceBefore || /\s/.test(inner)) reasons.push('remove the spaces');
  if (DASHES.test(inner)) reasons.push('use the ASCII hyphen "-"');
  let norm = inner.replace(/\s+/g, '').replace(new RegExp(DASHES.source, 'g'), '-');
  const parts = norm.split(/[,，;；、]|&|and|y|和|及/).filter((p) => p !== '');
  if (parts.length > 1) {
    reasons.push('one paragraph or range per citation');
    if (parts.every((p) => /^\d+(-\d+)?$/.test(p)))
      return `malformed citation "${raw}": ${reasons.join(', ')}: ${parts.map((p) => `[¶${p}]`).join(' ')}`;
    return `malformed citation "${raw}": ${reasons.join(', ')}`;
  }
  norm = parts[0] ?? norm;
  if (/^\d+(-\d+)?$/.test(norm)) return `malformed citation "${raw}": ${reasons.join(', ')}: [¶${norm}]`;
  return `malformed citation "${raw}": write [¶25] or [¶25-27]`;
}

/** Expands a citation or range into its paragraph numbers. */
export function expand(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

/**
 * Number tokens of a text, for comparing locales: `71/258`-style symbols are one token, any
 * other run of digits is a token. In Chinese, a number followed by 月 is a month (Spanish and
 * English write month names as words), so it is left out.
 */
export function numberTokens(text: string, locale: string): string[] {
  const t = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const out: string[] = [];
  const re = /\d+\/\d+|\d+/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (locale === 'zh' && !m[0].includes('/') && /^\s*月/.test(t.slice(re.lastIndex, re.lastIndex + 4)))
      continue;
    out.push(m[0]);
  }
  return out;
}

/** Sorts number tokens numerically (by their first number), for messages. */
export function sortTokens(tokens: Iterable<string>): string[] {
  return [...tokens].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0));
}

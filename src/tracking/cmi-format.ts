/**
 * Number formats shared by both SCORM versions. CMIDecimal (1.2 and 2004) is a plain decimal:
 * no exponent, no `+`, no trailing zeros needed. JavaScript's String(1e-7) is `1e-7`, which an
 * LMS refuses, so numbers are written with toFixed and trimmed.
 */

/** `n` as a CMIDecimal with at most `digits` decimals: 80 -> `80`, 0.8 -> `0.8`, 1/3 -> `0.3333`. */
export function decimal(n: number, digits = 4): string {
  if (!Number.isFinite(n)) throw new RangeError(`${n} is not a finite number`);
  let s = n.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

export const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** A duration in milliseconds as whole hours, minutes and seconds with hundredths. */
export function splitDuration(ms: number): { h: number; m: number; s: number; cs: number } {
  const total = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
  return { h: Math.floor(total / 360000), m: Math.floor(total / 6000) % 60, s: Math.floor(total / 100) % 60, cs: total % 100 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export { pad };

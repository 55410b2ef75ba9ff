/**
 * What the results parsers produce: one scored response per learner and item, each with the file
 * and line it came from, and every row that could not be used, with the reason.
 */

/** One learner's scored answer to one item. */
export interface ResponseRecord {
  /** Stable key of the case analysed: a learner, or a learner's attempt when attempts are analysed separately. */
  learner: string;
  /** Attempt ordinal, for choosing first, last or every attempt (1 when the file has no attempts). */
  attempt: number;
  /** The item's 2nd, 3rd… answer within one attempt (Moodle: two quiz attempts in one SCORM session). */
  seq?: number;
  item: string;
  /** As written in the file (choice ids, `a[,]b`, a number, a typed answer); '' when left blank. */
  response: string;
  /** Credit from 0 to 1. */
  score: number;
  /** The correct response as the file states it (Moodle's "Right answer"), if it does. */
  correct?: string;
  file: string;
  line: number;
}

/**
 * Why a row, or part of one, was not used. `error`: the row is malformed and was left out.
 * `info`: the row was read and deliberately not scored (a learner with no attempt, a neutral result).
 */
export type ProblemCode =
  | 'unreadable'
  | 'field-count'
  | 'missing-learner'
  | 'missing-item'
  | 'bad-score'
  | 'bad-attempt'
  | 'bad-result'
  | 'duplicate'
  | 'unknown-format'
  | 'moodle-columns'
  | 'empty-file'
  | 'no-attempt'
  | 'neutral-result';

export interface RowProblem {
  file: string;
  line: number;
  /** Last line of the row when it spans several (quoted line breaks, a broken quote). */
  endLine?: number;
  severity: 'error' | 'info';
  code: ProblemCode;
  /** Values for the message (column name, the bad value, the first line of a duplicate…). */
  values: Record<string, string | number>;
  /** The same in English, for logs and the CSV download. */
  message: string;
}

export interface ParsedResults {
  format: 'long' | 'moodle-interactions';
  records: ResponseRecord[];
  problems: RowProblem[];
  /** Data rows read (records come from them; a Moodle row holds many). */
  rowsRead: number;
  /** learner key -> name to show (Moodle: the Name column). */
  learnerNames: Map<string, string>;
}

export function problem(
  file: string,
  line: number,
  severity: RowProblem['severity'],
  code: ProblemCode,
  message: string,
  values: RowProblem['values'] = {},
  endLine?: number,
): RowProblem {
  return { file, line, ...(endLine !== undefined && endLine !== line ? { endLine } : {}), severity, code, values, message };
}

/** `file:line` or `file:line-end`, as printed next to a problem. */
export function problemLocation(p: RowProblem): string {
  return `${p.file}:${p.line}${p.endLine !== undefined ? `-${p.endLine}` : ''}`;
}

import { readCsvRows } from './csv-rows.ts';
import { problem, type ParsedResults, type ResponseRecord, type RowProblem } from './records.ts';

/** Header names accepted for each column of the long format (compared lower-case, spaces and `_` alike). */
const COLUMNS = {
  learner: ['learner', 'learner id', 'learner name', 'student', 'user', 'username'],
  item: ['item', 'item id', 'itemid', 'question', 'question id', 'interaction id'],
  response: ['response', 'answer', 'learner response', 'student response'],
  score: ['score', 'credit', 'fraction'],
  attempt: ['attempt'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['learner', 'item', 'response', 'score'];

const norm = (s: string) => s.trim().toLowerCase().replace(/[_\s]+/g, ' ');

/** The column layout a header row names, or null when it is not a header of this format. */
export function longHeader(fields: string[]): Partial<Record<Column, number>> | null {
  const at: Partial<Record<Column, number>> = {};
  fields.forEach((f, i) => {
    const name = norm(f);
    for (const col of Object.keys(COLUMNS) as Column[]) {
      if ((COLUMNS[col] as readonly string[]).includes(name) && at[col] === undefined) at[col] = i;
    }
  });
  return REQUIRED.every((c) => at[c] !== undefined) ? at : null;
}

/** A credit from 0 to 1; a decimal comma (0,5) is read as a decimal point. */
export function parseCredit(raw: string): number | null {
  const s = raw.trim().replace(',', '.');
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const v = Number(s);
  return v >= 0 && v <= 1 ? v : null;
}

/**
 * The plain long format: one row per learner and item.
 *
 * ```
 * learner,item,response,score
 * ana@example.org,l04-entry-into-force,fifty,1
 * ```
 *
 * `score` is the credit from 0 to 1. An optional `attempt` column (1, 2, …) keeps attempts apart.
 * Without a header row the columns are taken in that order. Every row that cannot be used is
 * reported with its line; none is dropped silently.
 */
export function parseLongCsv(text: string, file: string): ParsedResults {
  const { rows, errors } = readCsvRows(text);
  const problems: RowProblem[] = errors.map((e) =>
    problem(file, e.line, 'error', 'unreadable', `row could not be read: ${e.detail}`, { detail: e.detail }, e.endLine),
  );
  const records: ResponseRecord[] = [];
  const names = new Map<string, string>();
  if (rows.length === 0) {
    if (problems.length === 0) problems.push(problem(file, 1, 'error', 'empty-file', 'the file holds no rows'));
    return { format: 'long', records, problems, rowsRead: 0, learnerNames: names };
  }
  const first = rows[0]!;
  const header = longHeader(first.fields);
  let layout: Partial<Record<Column, number>>;
  let data = rows;
  if (header) {
    layout = header;
    data = rows.slice(1);
  } else if (first.fields.length === 4 && parseCredit(first.fields[3]!) !== null) {
    layout = { learner: 0, item: 1, response: 2, score: 3 };
  } else {
    problems.push(
      problem(
        file,
        first.line,
        'error',
        'unknown-format',
        'the first row is not a header naming the columns learner, item, response and score, and not a data row of those four columns',
        { found: first.fields.join(', ') },
      ),
    );
    return { format: 'long', records, problems, rowsRead: 0, learnerNames: names };
  }
  const width = header ? first.fields.length : 4;
  const cLearner = layout.learner!;
  const cItem = layout.item!;
  const cResponse = layout.response!;
  const cScore = layout.score!;
  const cAttempt = layout.attempt;
  // learner -> (attempt + item) -> first line: small inner maps are much faster than one big one.
  const seen = new Map<string, Map<string, number>>();
  for (const row of data) {
    const f = row.fields;
    if (f.length !== width) {
      problems.push(
        problem(file, row.line, 'error', 'field-count', `expected ${width} fields, found ${f.length}`, { expected: width, found: f.length }, row.endLine),
      );
      continue;
    }
    const learner = f[cLearner]!.trim();
    const item = f[cItem]!.trim();
    if (!learner) {
      problems.push(problem(file, row.line, 'error', 'missing-learner', 'the learner is empty', {}, row.endLine));
      continue;
    }
    if (!item) {
      problems.push(problem(file, row.line, 'error', 'missing-item', 'the item id is empty', {}, row.endLine));
      continue;
    }
    const rawScore = f[cScore]!.trim();
    const score = rawScore === '1' ? 1 : rawScore === '0' ? 0 : parseCredit(rawScore);
    if (score === null) {
      problems.push(
        problem(file, row.line, 'error', 'bad-score', `score "${rawScore}" is not a number from 0 to 1`, { value: rawScore }, row.endLine),
      );
      continue;
    }
    const attemptRaw = cAttempt === undefined ? '' : f[cAttempt]!.trim();
    const attempt = attemptRaw === '' ? 1 : Number(attemptRaw);
    if (!Number.isInteger(attempt) || attempt < 1) {
      problems.push(
        problem(file, row.line, 'error', 'bad-attempt', `attempt "${attemptRaw}" is not a whole number from 1`, { value: attemptRaw }, row.endLine),
      );
      continue;
    }
    let mine = seen.get(learner);
    if (!mine) {
      mine = new Map();
      seen.set(learner, mine);
      names.set(learner, learner);
    }
    const key = attempt === 1 ? item : `${attempt}\u0000${item}`;
    const firstLine = mine.get(key);
    if (firstLine !== undefined) {
      problems.push(
        problem(
          file,
          row.line,
          'error',
          'duplicate',
          `a second response of ${learner} to ${item}${attemptRaw ? ` in attempt ${attempt}` : ''} (the first is on line ${firstLine}); only the first is used`,
          { learner, item, firstLine },
          row.endLine,
        ),
      );
      continue;
    }
    mine.set(key, row.line);
    records.push({ learner, attempt, item, response: f[cResponse]!.trim(), score, file, line: row.line });
  }
  return { format: 'long', records, problems, rowsRead: data.length, learnerNames: names };
}

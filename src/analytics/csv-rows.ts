import Papa from 'papaparse';

/** One record of a delimited text file, with the line it starts on (1-based). */
export interface CsvRow {
  line: number;
  /** The last line the record spans (a quoted field may hold line breaks). */
  endLine: number;
  fields: string[];
}

/** A record papaparse could not read (a broken quote): its lines are reported, not used. */
export interface CsvRowError {
  line: number;
  endLine: number;
  detail: string;
}

export interface CsvRows {
  rows: CsvRow[];
  errors: CsvRowError[];
  /** The delimiter detected (Moodle's "CSV" download is tab-separated; spreadsheets write commas or semicolons). */
  delimiter: string;
}

/**
 * Splits delimited text into records with their line numbers, so that every problem found later
 * can name the line a person sees in a text editor. Blank lines are not records.
 *
 * papaparse does the splitting (RFC 4180 quoting, quoted line breaks, delimiter detection); it
 * reports positions as character offsets, which are turned into line numbers here.
 */
export function readCsvRows(input: string): CsvRows {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: CsvRow[] = [];
  const errors: CsvRowError[] = [];
  let start = 0;
  let line = 1;
  let delimiter = ',';
  const linesIn = (from: number, to: number) => {
    let n = 0;
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
    return n;
  };
  delimiter = guessDelimiter(text);
  // Without a quote every line is a record and every delimiter splits: no parser needed.
  if (!text.includes('"')) {
    const lines = text.split('\n');
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k]!;
      if (l.trim() !== '') rows.push({ line: k + 1, endLine: k + 1, fields: l.split(delimiter) });
    }
    return { rows, errors, delimiter };
  }
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    step: (result) => {
      const end = result.meta.cursor;
      // The record's own text, without the line break that ends it.
      const raw = text.slice(start, end);
      const body = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
      const spans = linesIn(start, start + body.length);
      const row: CsvRow = { line, endLine: line + spans, fields: result.data };
      if (result.errors.length > 0) {
        errors.push({ line: row.line, endLine: row.endLine, detail: result.errors.map((e) => e.message).join('; ') });
      } else if (!(result.data.length === 1 && result.data[0]!.trim() === '')) {
        rows.push(row);
      }
      line += spans + (raw.endsWith('\n') ? 1 : 0);
      start = end;
    },
  });
  return { rows, errors, delimiter };
}

const CANDIDATES = ['\t', ',', ';', '|'];

/**
 * The delimiter of the first non-blank line: the candidate found most often outside quotes (a
 * tab wins a tie, as Moodle writes tabs). papaparse's own guess gives up on short files.
 */
export function guessDelimiter(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const counts = new Map(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const c of CANDIDATES) {
    if (counts.get(c)! > most) {
      best = c;
      most = counts.get(c)!;
    }
  }
  return best;
}

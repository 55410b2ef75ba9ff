import { readCsvRows } from './csv-rows.ts';
import { longHeader, parseLongCsv } from './parse-long.ts';
import { looksLikeMoodle, parseMoodleInteractions } from './parse-moodle.ts';
import { problem, type ParsedResults } from './records.ts';

/**
 * Reads a results file of either format: Moodle's interactions report (its header ends in
 * numbered interaction columns) or the plain long format (learner, item, response, score).
 */
export function parseResultsFile(text: string, file: string): ParsedResults {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/, 1)[0] ?? '';
  const header = readCsvRows(firstLine).rows[0]?.fields ?? [];
  if (longHeader(header)) return parseLongCsv(text, file);
  if (looksLikeMoodle(header)) return parseMoodleInteractions(text, file);
  const parsed = parseLongCsv(text, file);
  if (parsed.records.length > 0 || parsed.problems.some((p) => p.code !== 'unknown-format')) return parsed;
  return {
    ...parsed,
    problems: [
      problem(
        file,
        1,
        'error',
        'unknown-format',
        "neither a Moodle interactions report (columns Question 0, Response 0, Result 0 …) nor a long-format CSV (columns learner, item, response, score)",
        { found: header.slice(0, 6).join(', ') },
      ),
    ],
  };
}

/** Several files read as one class: records and problems together, learner names merged. */
export function mergeResults(parts: readonly ParsedResults[]): Omit<ParsedResults, 'format'> & { formats: ParsedResults['format'][] } {
  const learnerNames = new Map<string, string>();
  for (const p of parts) for (const [k, v] of p.learnerNames) learnerNames.set(k, v);
  return {
    formats: parts.map((p) => p.format),
    records: parts.flatMap((p) => p.records),
    problems: parts.flatMap((p) => p.problems),
    rowsRead: parts.reduce((a, p) => a + p.rowsRead, 0),
    learnerNames,
  };
}

/**
 * Class results: parsers for results files and classical item statistics. Pure: no React, DOM,
 * store or tracking, so it runs the same in the browser, in Node scripts and in tests.
 */
export { readCsvRows } from './csv-rows.ts';
export * from './records.ts';
export { parseLongCsv } from './parse-long.ts';
export { parseMoodleInteractions, decodeMoodleText, resultCredit } from './parse-moodle.ts';
export { parseResultsFile, mergeResults } from './load.ts';
export { buildClassData, mapItemIds, type AttemptPolicy, type ClassData } from './class-data.ts';
export * from './statistics.ts';
export * from './export-csv.ts';

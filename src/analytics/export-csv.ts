import Papa from 'papaparse';
import { problemLocation, type RowProblem } from './records.ts';
import type { ClassReport } from './statistics.ts';

/**
 * The statistics as CSV files for a spreadsheet. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) are prefixed with an apostrophe (OWASP "CSV injection").
 */
function cell(v: string | number | boolean | null | undefined): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function csv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return Papa.unparse({ fields: header, data: rows.map((r) => r.map(cell)) }, { newline: '\r\n' });
}

export function itemsCsv(report: ClassReport): string {
  return csv(
    ['item', 'lesson', 'objective', 'n', 'blank', 'facility', 'sd', 'point_biserial', 'group_size', 'upper_facility', 'lower_facility', 'discrimination_27', 'flags'],
    report.items.map((i) => [
      i.id,
      i.lesson,
      i.objective,
      i.n,
      i.blank,
      i.facility,
      i.sd,
      i.pointBiserial,
      i.groupSize,
      i.upperFacility,
      i.lowerFacility,
      i.discrimination,
      i.flags.join(' '),
    ]),
  );
}

export function optionsCsv(report: ClassReport): string {
  return csv(
    ['item', 'option', 'correct', 'count', 'share', 'share_upper_27', 'share_lower_27'],
    report.items.flatMap((i) => i.options.map((o) => [i.id, o.option, o.correct, o.count, o.share, o.upper, o.lower])),
  );
}

export function objectivesCsv(report: ClassReport): string {
  return csv(
    ['lesson', 'objective', 'items', 'learners', 'mean_score', 'mastered', 'share_mastered', 'mastery_threshold'],
    report.objectives.map((o) => [o.lesson, o.objective, o.items.join(' '), o.learners, o.meanScore, o.mastered, o.share, report.masteryThreshold]),
  );
}

export function testCsv(report: ClassReport): string {
  const t = report.test;
  const rows: [string, string | number | null][] = [
    ['learners', t.learners],
    ['items', t.items],
    ['items_per_learner', t.itemsPerLearner],
    ['complete_matrix', t.complete ? 'yes' : 'no'],
    ['mean_percent', t.mean],
    ['median_percent', t.median],
    ['sd_percent', t.sd],
    ['min_percent', t.min],
    ['max_percent', t.max],
    ['cronbach_alpha', t.alpha],
    ['kr20', t.kr20],
    ['reliability_items', t.reliabilityItems],
    ['sem_percent', t.sem],
    ...t.histogram.map((c, k): [string, number] => [`learners_${k * 10}_${k === 9 ? 100 : k * 10 + 10}`, c]),
  ];
  return csv(['statistic', 'value'], rows);
}

export function problemsCsv(problems: readonly RowProblem[]): string {
  return csv(
    ['location', 'file', 'line', 'severity', 'code', 'message'],
    problems.map((p) => [problemLocation(p), p.file, p.line, p.severity, p.code, p.message]),
  );
}

import { readCsvRows } from './csv-rows.ts';
import { problem, type ParsedResults, type ResponseRecord, type RowProblem } from './records.ts';

/**
 * Moodle's SCORM "Interactions report" (mod/scorm/report/interactions), downloaded as text.
 *
 * Its layout, from Moodle's source: `Name`, the site's identity fields (e.g. `Email address`),
 * `Attempt`, `Started on`, `Last accessed on`, `Score`, one column per SCO (its title, holding
 * `raw/max` or a status), then for each interaction N = 0, 1, … the columns the report was set
 * to show: `Question N` (cmi.interactions.N.id), `Response N` (student_response), `Right answer N`
 * (the correct response patterns, joined with commas) and `Result N` (correct, wrong, incorrect,
 * unanticipated, neutral or a number). One row per learner and attempt; a learner with no
 * attempt has `-` in the attempt columns. The "CSV" download is tab-separated and every value has
 * passed through Moodle's s(), so `&`, `<`, `>`, quotes arrive as HTML entities.
 *
 * Headers are in the language of the Moodle user who downloaded the report; English and Spanish
 * (plus French and Portuguese) labels are recognised, and a group of four columns per interaction
 * is read by position whatever its language.
 */

type Part = 'question' | 'response' | 'right' | 'result';

const PART_LABELS: Record<Part, string[]> = {
  question: ['question', 'pregunta', 'questão', 'pergunta'],
  response: ['response', 'respuesta', 'réponse', 'resposta'],
  right: ['right answer', 'respuesta correcta', 'bonne réponse', 'réponse correcte', 'resposta correta', 'resposta certa'],
  result: ['result', 'resultado', 'résultat'],
};
const ATTEMPT_LABELS = ['attempt', 'intento', 'tentative', 'tentativa'];
/** What the interactions report needs to score an item: its id, and a result or a right answer to compare with. */
const ORDER: Part[] = ['question', 'response', 'right', 'result'];

interface Group {
  n: number;
  cols: Partial<Record<Part, number>>;
}

/** Undoes Moodle's s(): htmlspecialchars with ENT_QUOTES. */
export function decodeMoodleText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(amp|lt|gt|quot|#0*39|apos|nbsp);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'nbsp' ? ' ' : "'",
  );
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Splits `Response 12` into label and number. */
function numbered(header: string): { label: string; n: number } | null {
  const m = /^(.*\S)\s+(\d+)$/.exec(header.trim());
  return m ? { label: norm(m[1]!), n: Number(m[2]) } : null;
}

/** Finds the interaction columns: the run of `<label> N` headers that ends the header row. */
export function moodleInteractionGroups(header: string[]): { start: number; groups: Group[] } | null {
  let start = header.length;
  while (start > 0 && numbered(header[start - 1]!)) start -= 1;
  if (start === header.length) return null;
  const byN = new Map<number, number[]>();
  for (let c = start; c < header.length; c++) {
    const { n } = numbered(header[c]!)!;
    byN.set(n, [...(byN.get(n) ?? []), c]);
  }
  const groups: Group[] = [];
  for (const [n, cols] of byN) {
    const g: Group = { n, cols: {} };
    const unknown: number[] = [];
    for (const c of cols) {
      const { label } = numbered(header[c]!)!;
      const part = ORDER.find((p) => PART_LABELS[p].includes(label));
      if (part && g.cols[part] === undefined) g.cols[part] = c;
      else unknown.push(c);
    }
    // Labels in another language: four columns are question, response, right answer, result, in that order.
    if (unknown.length > 0 && cols.length === 4 && unknown.length === 4) ORDER.forEach((p, i) => (g.cols[p] = cols[i]!));
    groups.push(g);
  }
  return { start, groups: groups.sort((a, b) => a.n - b.n) };
}

/** Score of a `Result N` cell: 1, 0, a fraction, `neutral`, or null when it cannot be read. */
export function resultCredit(raw: string): number | 'neutral' | null {
  const v = norm(raw);
  if (v === 'correct') return 1;
  if (v === 'wrong' || v === 'incorrect' || v === 'unanticipated') return 0;
  if (v === 'neutral') return 'neutral';
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) {
    const x = Number(v);
    return x >= 0 && x <= 1 ? x : null;
  }
  return null;
}

/** Is this header row an interactions report? (It ends in numbered interaction columns.) */
export function looksLikeMoodle(header: string[]): boolean {
  const found = moodleInteractionGroups(header);
  return found !== null && found.start >= 2;
}

export function parseMoodleInteractions(text: string, file: string): ParsedResults {
  const { rows, errors } = readCsvRows(text);
  const problems: RowProblem[] = errors.map((e) =>
    problem(file, e.line, 'error', 'unreadable', `row could not be read: ${e.detail}`, { detail: e.detail }, e.endLine),
  );
  const records: ResponseRecord[] = [];
  const names = new Map<string, string>();
  const done = (rowsRead: number): ParsedResults => ({ format: 'moodle-interactions', records, problems, rowsRead, learnerNames: names });
  if (rows.length === 0) {
    if (problems.length === 0) problems.push(problem(file, 1, 'error', 'empty-file', 'the file holds no rows'));
    return done(0);
  }
  const headerRow = rows[0]!;
  const header = headerRow.fields.map((h) => decodeMoodleText(h).trim());
  const found = moodleInteractionGroups(header);
  const hint =
    "in Moodle's interactions report, tick 'Summary of question' and 'Summary of result' (or 'Summary of right answer') in the report options, then download again";
  if (!found) {
    problems.push(problem(file, headerRow.line, 'error', 'moodle-columns', `no interaction columns (Question 0, Response 0, …): ${hint}`, { hint }));
    return done(0);
  }
  const { start, groups } = found;
  const usable = groups.filter((g) => g.cols.question !== undefined && (g.cols.result !== undefined || (g.cols.right !== undefined && g.cols.response !== undefined)));
  if (usable.length === 0) {
    problems.push(
      problem(file, headerRow.line, 'error', 'moodle-columns', `the interaction columns hold no question ids with results: ${hint}`, { hint }),
    );
    return done(0);
  }
  // The attempt column: by its label, else four columns before the first SCO column (one SCO).
  let attemptCol = header.findIndex((h, i) => i > 0 && i < start && ATTEMPT_LABELS.includes(norm(h)));
  if (attemptCol === -1 && start - 5 >= 1) attemptCol = start - 5;
  if (attemptCol < 1) {
    problems.push(problem(file, headerRow.line, 'error', 'moodle-columns', 'no Attempt column before the interaction columns', { hint }));
    return done(0);
  }
  const data = rows.slice(1);
  for (const row of data) {
    const f = row.fields.map(decodeMoodleText);
    if (f.length !== header.length) {
      problems.push(
        problem(file, row.line, 'error', 'field-count', `expected ${header.length} fields, found ${f.length}`, { expected: header.length, found: f.length }, row.endLine),
      );
      continue;
    }
    const name = f[0]!.trim();
    if (!name) {
      problems.push(problem(file, row.line, 'error', 'missing-learner', 'the Name column is empty', {}, row.endLine));
      continue;
    }
    // The learner: name plus identity fields (e-mail, ID number), so namesakes stay apart.
    const learner = f.slice(0, attemptCol).map((s) => s.trim()).join(' | ');
    const attemptRaw = f[attemptCol]!.trim();
    if (attemptRaw === '-' || attemptRaw === '') {
      problems.push(problem(file, row.line, 'info', 'no-attempt', `${name} has no attempt`, { learner: name }, row.endLine));
      continue;
    }
    const attempt = Number(attemptRaw);
    if (!Number.isInteger(attempt) || attempt < 1) {
      problems.push(
        problem(file, row.line, 'error', 'bad-attempt', `attempt "${attemptRaw}" is not a whole number from 1`, { value: attemptRaw }, row.endLine),
      );
      continue;
    }
    names.set(learner, name);
    // An item answered twice in one attempt (two quiz attempts in one SCORM session): later ones rank after.
    const occurrences = new Map<string, number>();
    let any = false;
    const before = problems.length;
    for (const g of usable) {
      const cell = (p: Part) => (g.cols[p] === undefined ? '' : f[g.cols[p]!]!.trim());
      const item = cell('question');
      const response = cell('response');
      const right = cell('right');
      const result = cell('result');
      if (!item && !response && !result) continue;
      const column = header[g.cols.question!]!;
      if (!item) {
        problems.push(problem(file, row.line, 'error', 'missing-item', `${column} is empty but the interaction has a response or result`, { column }, row.endLine));
        continue;
      }
      let score: number | 'neutral' | null;
      if (g.cols.result !== undefined) score = resultCredit(result);
      else score = response === right ? 1 : 0;
      if (score === 'neutral') {
        problems.push(problem(file, row.line, 'info', 'neutral-result', `${item}: result "neutral" is not scored`, { item, column: header[g.cols.result!]! }, row.endLine));
        continue;
      }
      if (score === null) {
        const col = header[g.cols.result!]!;
        problems.push(
          problem(file, row.line, 'error', 'bad-result', `${col} "${result}" is not correct, wrong, incorrect, unanticipated, neutral or a number from 0 to 1`, { column: col, value: result }, row.endLine),
        );
        continue;
      }
      const k = (occurrences.get(item) ?? 0) + 1;
      occurrences.set(item, k);
      any = true;
      records.push({
        learner,
        attempt,
        ...(k > 1 ? { seq: k } : {}),
        item,
        response,
        score,
        ...(right ? { correct: right } : {}),
        file,
        line: row.line,
      });
    }
    if (!any && problems.length === before) problems.push(problem(file, row.line, 'info', 'no-attempt', `${name} has no answered interaction in attempt ${attempt}`, { learner: name }, row.endLine));
  }
  return done(data.length);
}

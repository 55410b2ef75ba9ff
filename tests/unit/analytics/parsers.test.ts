import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyseClass,
  buildClassData,
  decodeMoodleText,
  itemsCsv,
  mapItemIds,
  parseLongCsv,
  parseMoodleInteractions,
  parseResultsFile,
  problemLocation,
  problemsCsv,
  readCsvRows,
  resultCredit,
} from '../../../src/analytics/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/results/${name}`, import.meta.url), 'utf8');
const long = fixture('small-class.csv');
const moodle = fixture('moodle-interactions.txt');

describe('reading delimited text', () => {
  it('numbers records by the line they start on, across blank lines and quoted line breaks', () => {
    const { rows } = readCsvRows('a,b\n\n"x\ny",2\r\nz,3');
    expect(rows.map((r) => [r.line, r.endLine, r.fields])).toEqual([
      [1, 1, ['a', 'b']],
      [3, 4, ['x\ny', '2']],
      [5, 5, ['z', '3']],
    ]);
  });

  it('reports a broken quote with the lines it swallowed', () => {
    const { rows, errors } = readCsvRows('a,b\n1,"open\n2,3\n');
    expect(rows).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect([errors[0]!.line, errors[0]!.endLine]).toEqual([2, 3]);
  });

  it('reads a file without quotes the same as the full parser does', () => {
    const plain = 'learner;item;response;score\n\nana;q1;b;1\nbo;q1;;0\n';
    const quoted = plain.replace('ana', '"ana"');
    expect(readCsvRows(plain)).toEqual(readCsvRows(quoted));
  });

  it('detects tabs and semicolons as well as commas', () => {
    expect(readCsvRows('a\tb\n1\t2').delimiter).toBe('\t');
    expect(readCsvRows('a;b\n1;2').delimiter).toBe(';');
  });
});

describe('the long format', () => {
  const parsed = parseLongCsv(long, 'small-class.csv');

  it('keeps every good row', () => {
    expect(parsed.records).toHaveLength(24);
    expect(parsed.records[12]).toMatchObject({ learner: 'diego', item: 'q1', line: 15 });
    expect(parsed.rowsRead).toBe(29);
  });

  it('reports every bad row with its line and the reason, and drops none silently', () => {
    expect(parsed.problems.map((p) => [problemLocation(p), p.code, p.message])).toEqual([
      ['small-class.csv:27', 'bad-score', 'score "yes" is not a number from 0 to 1'],
      ['small-class.csv:28', 'missing-learner', 'the learner is empty'],
      ['small-class.csv:29', 'duplicate', 'a second response of ana to q1 (the first is on line 2); only the first is used'],
      ['small-class.csv:30-31', 'field-count', 'expected 4 fields, found 2'],
      ['small-class.csv:32', 'bad-score', 'score "1.5" is not a number from 0 to 1'],
    ]);
    // Every data row is either a record or a problem.
    expect(parsed.records.length + parsed.problems.length).toBe(parsed.rowsRead);
  });

  it('reads a file without a header as learner, item, response, score', () => {
    const p = parseLongCsv('ana,q1,b,1\nbruno,q1,a,0\n', 'bare.csv');
    expect(p.records.map((r) => [r.learner, r.line])).toEqual([
      ['ana', 1],
      ['bruno', 2],
    ]);
  });

  it('accepts a decimal comma and keeps attempts apart', () => {
    const p = parseLongCsv('learner;item;response;score;attempt\nana;q1;b;0,5;1\nana;q1;b;1;2\n', 'attempts.csv');
    expect(p.problems).toEqual([]);
    expect(p.records.map((r) => [r.score, r.attempt])).toEqual([
      [0.5, 1],
      [1, 2],
    ]);
  });

  it('says what it expected when the header is not recognised', () => {
    const p = parseLongCsv('who,what,when\n1,2,3\n', 'odd.csv');
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ line: 1, code: 'unknown-format', severity: 'error' });
  });

  it('reports an empty file', () => {
    expect(parseLongCsv('\n\n', 'empty.csv').problems[0]).toMatchObject({ code: 'empty-file', line: 1 });
  });
});

describe("Moodle's interactions report", () => {
  const parsed = parseMoodleInteractions(moodle, 'moodle-interactions.txt');

  it('reads one record per answered interaction, whatever order the items came in', () => {
    expect(parsed.format).toBe('moodle-interactions');
    expect(parsed.records).toHaveLength(28);
    const bruno = parsed.records.filter((r) => r.learner.startsWith('Bruno'));
    expect(bruno.map((r) => [r.item, r.score, r.line])).toEqual([
      ['q3', 1, 3],
      ['q1', 1, 3],
      ['q4', 0, 3],
      ['q2', 1, 3],
    ]);
  });

  it('keys learners by name and identity fields, and shows the name', () => {
    const ana = parsed.records[0]!;
    expect(ana.learner).toBe('Ana Ruiz | ana@example.org');
    expect(parsed.learnerNames.get(ana.learner)).toBe('Ana Ruiz');
  });

  it("undoes Moodle's HTML escaping", () => {
    expect([...parsed.learnerNames.values()]).toContain("Fernando O'Neill");
    expect(decodeMoodleText('a &amp; b &lt;c&gt; &quot;d&quot; &#039;e&#039;')).toBe('a & b <c> "d" \'e\'');
  });

  it('keeps the right answer the report gives', () => {
    expect(parsed.records.find((r) => r.item === 'q4')!.correct).toBe('a');
  });

  it('reports the learner with no attempt, the unreadable result and the short row, by line', () => {
    expect(parsed.problems.map((p) => [p.line, p.severity, p.code])).toEqual([
      [9, 'info', 'no-attempt'],
      [10, 'error', 'bad-result'],
      [11, 'error', 'field-count'],
    ]);
    expect(parsed.problems[1]!.message).toBe(
      'Result 0 "maybe" is not correct, wrong, incorrect, unanticipated, neutral or a number from 0 to 1',
    );
  });

  it("gives the same statistics as the long format when each learner's first attempt is analysed", () => {
    const fromMoodle = analyseClass(buildClassData(parsed.records, { attempts: 'first' }));
    const fromLong = analyseClass(buildClassData(parseLongCsv(long, 'x.csv').records));
    expect(fromMoodle.test).toEqual(fromLong.test);
    expect(fromMoodle.items.map((i) => [i.id, i.facility, i.pointBiserial, i.discrimination])).toEqual(
      fromLong.items.map((i) => [i.id, i.facility, i.pointBiserial, i.discrimination]),
    );
  });

  it('takes the last attempt, or every attempt as its own case, when asked', () => {
    const last = buildClassData(parsed.records, { attempts: 'last' });
    const all = buildClassData(parsed.records, { attempts: 'all' });
    expect(last.learners).toHaveLength(6);
    expect(all.learners).toHaveLength(7);
    expect(all.learners).toContain('Carmen Soto | carmen@example.org #2');
    const carmen = last.learners.indexOf('Carmen Soto | carmen@example.org');
    expect(Array.from(last.scores.slice(carmen * 4, carmen * 4 + 4))).toEqual([1, 1, 1, 1]);
  });

  it('explains which report options to tick when the export has no question ids', () => {
    const p = parseMoodleInteractions('Name\tAttempt\tStarted on\tLast accessed on\tScore\tSCO\tResponse 0\nAna\t1\tx\ty\t1\t1\tb\n', 'resp-only.txt');
    expect(p.problems[0]!.code).toBe('moodle-columns');
    expect(p.problems[0]!.message).toContain("tick 'Summary of question' and 'Summary of result'");
  });

  it('scores by comparing with the right answer when the report has no result column', () => {
    const p = parseMoodleInteractions(
      'Name,Attempt,Started on,Last accessed on,Score,SCO,Question 0,Response 0,Right answer 0\nAna,1,x,y,1,1,q1,b,b\nBo,1,x,y,0,0,q1,c,b\n',
      'no-result.csv',
    );
    expect(p.records.map((r) => r.score)).toEqual([1, 0]);
  });

  it('reads labels in Spanish', () => {
    const p = parseMoodleInteractions(
      'Nombre\tIntento\tComenzado el\tÚltimo acceso el\tPuntuación\tSCO\tPregunta 0\tRespuesta 0\tResultado 0\nAna\t1\tx\ty\t1\t1\tq1\tb\tcorrect\n',
      'es.txt',
    );
    expect(p.problems).toEqual([]);
    expect(p.records[0]).toMatchObject({ item: 'q1', response: 'b', score: 1 });
  });

  it('reads SCORM result values', () => {
    expect(['correct', 'wrong', 'incorrect', 'unanticipated', 'neutral', '0.5', '2', 'yes'].map(resultCredit)).toEqual([
      1, 0, 0, 0, 'neutral', 0.5, null, null,
    ]);
  });
});

describe('choosing the parser', () => {
  it('recognises both formats from the header', () => {
    expect(parseResultsFile(moodle, 'm.txt').format).toBe('moodle-interactions');
    expect(parseResultsFile(long, 'l.csv').format).toBe('long');
  });

  it('names both formats when a file is neither', () => {
    const p = parseResultsFile('foo,bar\n1,2\n', 'other.csv');
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]!.message).toContain('neither a Moodle interactions report');
  });
});

describe('CSV download of the statistics', () => {
  it('writes one row per item, and defuses cells a spreadsheet would run as formulas', () => {
    const parsed = parseLongCsv('learner,item,response,score\nana,=cmd(),x,1\nbo,=cmd(),y,0\n', 'evil.csv');
    const csv = itemsCsv(analyseClass(buildClassData(parsed.records)));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('item,lesson,objective,n,blank,facility,sd,point_biserial,group_size,upper_facility,lower_facility,discrimination_27,flags');
    expect(lines[1]!.startsWith("'=cmd()")).toBe(true);
  });

  it('lists problems with their location', () => {
    const csv = problemsCsv(parseLongCsv(long, 'small-class.csv').problems);
    expect(csv.split('\r\n')[4]).toBe('small-class.csv:30-31,small-class.csv,30,error,field-count,"expected 4 fields, found 2"');
  });
});

describe('matching interaction ids to the question bank', () => {
  it('strips the quiz prefix the course writes, and keeps ids the bank does not have', () => {
    const parsed = parseLongCsv('learner,item,response,score\nana,final-f04-entry,b,1\nana,04-tpnw-l04-entry,b,1\nana,q9,x,0\nana,l04-entry,b,1\n', 'ids.csv');
    const mapped = mapItemIds(parsed.records, new Set(['f04-entry', 'l04-entry', 'entry']));
    expect(mapped.map((r) => r.item)).toEqual(['f04-entry', 'l04-entry', 'q9', 'l04-entry']);
  });
});

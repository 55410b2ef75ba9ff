import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/content/index.ts';
import { REPO_ROOT } from './fixture-root.ts';

const FILE = 'lessons/source/report.zh.md';
const { report, diagnostics } = parseReport(fs.readFileSync(path.join(REPO_ROOT, FILE), 'utf8'), FILE);
const para = (n: number) => report.paragraphs.find((p) => p.n === n)!;

describe('parseReport on the real report', () => {
  it('finds exactly 91 paragraphs numbered 1-91 and reports no problems', () => {
    expect(report.paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 91 }, (_, i) => i + 1));
    expect(diagnostics).toEqual([]);
  });

  it('takes the first level-1 heading as the title', () => {
    expect(report.title).toBe('不扩散核武器条约缔约国 2020 年审议大会');
    expect(report.locale).toBe('zh');
  });

  it('joins paragraph 6 back together across the page break, without a space', () => {
    expect(para(6).text).toContain('试图为使用核武器辩护');
    expect(para(6).text).not.toContain('\n');
    expect(para(7).text.startsWith('因此，墨西哥将继续推动核裁军领域的进展')).toBe(true);
  });

  it('keeps the items (a)-(k) of paragraph 14 in the paragraph, one per line, in both list formats', () => {
    const lines = para(14).text.split('\n');
    expect(lines[0]).toBe('2015-2021年期间提交了以下决议草案：');
    expect(lines.slice(1).map((l) => l.slice(0, 3))).toEqual('abcdefghijk'.split('').map((c) => `(${c})`));
    expect(para(15).text.startsWith('墨西哥还根据大会决议')).toBe(true);
  });

  it('keeps the items of paragraphs 29, 55 and 57 with their paragraph', () => {
    expect(
      para(29)
        .text.split('\n')
        .map((l) => l.slice(0, 3)),
    ).toEqual(['墨西哥', '(a)', '(b)', '(c)']);
    expect(
      para(55)
        .text.split('\n')
        .slice(1)
        .map((l) => l.slice(0, 3)),
    ).toEqual(['(a)', '(b)', '(c)', '(d)']);
    expect(
      para(57)
        .text.split('\n')
        .slice(1)
        .map((l) => l.slice(0, 3)),
    ).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)']);
  });

  it('leaves no link syntax and no backslash escapes in any paragraph', () => {
    for (const p of report.paragraphs) {
      expect(p.text, `¶${p.n}`).not.toMatch(/\]\(|\[|\\/);
    }
    expect(para(31).text).toContain('第 71/258 号决议');
    expect(para(35).text).toContain('(A/AC.286/WP.15)');
    expect(para(80).text).toContain('第 1540(2004)号决议');
    expect(para(81).text).toContain('第 1977(2011)号决议');
  });

  it('gives the repeated heading "其他行动" two sections with distinct ids, and ¶85 the second one', () => {
    const others = report.sections.filter((s) => s.title === '其他行动');
    expect(others).toHaveLength(2);
    expect(others[0]!.id).not.toBe(others[1]!.id);
    expect(others.map((s) => s.depth)).toEqual([2, 4]);
    expect(others[0]!.paragraphs).toEqual([35, 36, 37]);
    expect(para(85).sectionPath.at(-1)).toBe(others[1]!.id);
    expect(para(35).sectionPath.at(-1)).toBe(others[0]!.id);
  });

  it('numbers sections s1, s2, ... in document order and nests paths by heading depth', () => {
    expect(report.sections.map((s) => s.id)).toEqual(report.sections.map((_, i) => `s${i + 1}`));
    expect(para(1).sectionPath.map((id) => report.sections.find((s) => s.id === id)!.title)).toEqual([
      '以无核武器缔约国身份、根据不扩散核武器条约缔约国 2010 年审议大会最后文件所载行动计划的行动 20 采取的国家措施',
      '墨西哥提交的报告',
      '导言',
    ]);
    const all = report.sections.flatMap((s) => s.paragraphs).sort((a, b) => a - b);
    expect(all).toEqual(report.paragraphs.map((p) => p.n));
  });
});

describe('parseReport on broken sources', () => {
  it('reports a gap and a duplicate in the numbering', () => {
    const src = '# T\n\n## A\n\n1. one\n2. two\n\n4. four\n\n## B\n\n4. again\n';
    expect(
      parseReport(src, 'r.zh.md').diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`),
    ).toEqual([
      '8:1 REPORT001 paragraph numbering jumps from 2 to 4 (missing 3)',
      '12:1 REPORT001 paragraph 4 is numbered twice',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { numberTokens, scanCitations } from '../../../src/content/citations.ts';

describe('scanCitations', () => {
  it('finds single citations and ranges with their offsets', () => {
    expect(scanCitations('a [¶25] b [¶25-27].')).toEqual([
      { kind: 'cite', start: 2, end: 7, from: 25, to: 25, raw: '[¶25]' },
      { kind: 'cite', start: 10, end: 18, from: 25, to: 27, raw: '[¶25-27]' },
    ]);
  });

  it.each([
    ['[¶ 25]', 'malformed citation "[¶ 25]": remove the spaces: [¶25]'],
    ['[ ¶25]', 'malformed citation "[ ¶25]": remove the spaces: [¶25]'],
    ['[¶25–27]', 'malformed citation "[¶25–27]": use the ASCII hyphen "-": [¶25-27]'],
    ['[¶25 — 27]', 'malformed citation "[¶25 — 27]": remove the spaces, use the ASCII hyphen "-": [¶25-27]'],
    ['[¶25,27]', 'malformed citation "[¶25,27]": one paragraph or range per citation: [¶25] [¶27]'],
    ['[¶]', 'malformed citation "[¶]": missing paragraph number'],
    ['¶25', 'malformed citation "¶25": write it in square brackets: [¶25]'],
    ['¶', 'stray "¶": cite a paragraph as [¶25] or a range as [¶25-27]'],
    ['【¶25】', 'malformed citation "【¶25】": use ASCII square brackets: [¶25]'],
    ['[¶25', 'malformed citation "[¶25": missing closing "]"'],
  ])('explains what is wrong with %s', (text, message) => {
    const [m] = scanCitations(`x ${text} y`);
    expect(m).toMatchObject({ kind: 'malformed', start: 2, message });
  });
});

describe('numberTokens', () => {
  it('keeps resolution symbols whole and splits other digit runs', () => {
    expect(
      numberTokens('resolution 71/258, A/AC.286/WP.15, SARS-CoV-2, ISO 29990, 1540 (2004)', 'en'),
    ).toEqual(['71/258', '286', '15', '2', '29990', '1540', '2004']);
  });

  it('ignores Chinese months but not Spanish or English numbers', () => {
    expect(numberTokens('1996年7月8日、2016 年 2 月 22 日', 'zh')).toEqual(['1996', '8', '2016', '22']);
    expect(numberTokens('8 de julio de 1996', 'es')).toEqual(['8', '1996']);
    expect(numberTokens('7月', 'en')).toEqual(['7']);
  });

  it('reads full-width digits as digits', () => {
    expect(numberTokens('２０２１年', 'zh')).toEqual(['2021']);
  });
});

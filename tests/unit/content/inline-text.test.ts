import { describe, expect, it } from 'vitest';
import { inlinePlainText } from '../../../src/content/inline-text.ts';
import type { Inline } from '../../../src/content/model.ts';

const text = (v: string): Inline => ({ t: 'text', v });
const bracketed = (from: number, to: number) => (from === to ? `[¶${from}]` : `[¶${from}–${to}]`);

describe('plain text of inline content', () => {
  it('keeps text and code as written and reads a line break as a space', () => {
    const nodes: Inline[] = [text('Article'), { t: 'br' }, { t: 'code', v: 'VI' }, text('.')];
    expect(inlinePlainText(nodes, bracketed)).toBe('Article VI.');
  });

  it('keeps the words of emphasis, links and glossary terms, however deeply nested', () => {
    const nodes: Inline[] = [
      { t: 'em', c: [text('the '), { t: 'strong', c: [{ t: 'term', id: 'npt', c: [text('NPT')] }] }] },
      text(' and '),
      { t: 'link', href: 'https://example.org', c: [text('its review')] },
    ];
    expect(inlinePlainText(nodes, bracketed)).toBe('the NPT and its review');
  });

  it('writes each citation as the caller asks, nested ones too', () => {
    const nodes: Inline[] = [
      text('Reported '),
      { t: 'cite', from: 25, to: 25 },
      { t: 'em', c: [{ t: 'cite', from: 59, to: 61 }] },
    ];
    expect(inlinePlainText(nodes, bracketed)).toBe('Reported [¶25][¶59–61]');
    expect(inlinePlainText(nodes, () => ' ')).toBe('Reported   ');
  });

  it('gives an empty string for no content', () => {
    expect(inlinePlainText([], bracketed)).toBe('');
  });
});

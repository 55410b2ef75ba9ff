import { describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../../src/content/diagnostics.ts';
import { compileInlineText, type MdContext } from '../../../src/content/markdown.ts';
import { LineIndex } from '../../../src/content/positions.ts';

function compile(source: string) {
  const lines = new LineIndex(source);
  const ctx: MdContext = {
    file: 'quizzes/x.yaml',
    diags: new Diagnostics(),
    source,
    locate: (o) => lines.pos(o),
    locale: 'en',
    paragraphs: { has: (n) => n >= 1 && n <= 91, label: '1–91' },
    glossary: null,
    cites: new Set(),
  };
  return {
    inlines: compileInlineText(ctx),
    lines: ctx.diags.list.map(formatDiagnostic),
    cites: [...ctx.cites],
  };
}

describe('compileInlineText', () => {
  it('compiles inline markdown and collects the paragraphs it cites', () => {
    expect(compile('The *treaty* [¶2].')).toEqual({
      inlines: [
        { t: 'text', v: 'The ' },
        { t: 'em', c: [{ t: 'text', v: 'treaty' }] },
        { t: 'text', v: ' ' },
        { t: 'cite', from: 2, to: 2 },
        { t: 'text', v: '.' },
      ],
      lines: [],
      cites: [2],
    });
  });

  it('joins paragraphs with a space', () => {
    expect(compile('One.\n\nTwo.').inlines).toEqual([
      { t: 'text', v: 'One.' },
      { t: 'text', v: ' ' },
      { t: 'text', v: 'Two.' },
    ]);
  });

  it('reports and drops a block that is not a paragraph, where it is written', () => {
    expect(compile('Text.\n\n# Heading')).toEqual({
      inlines: [{ t: 'text', v: 'Text.' }],
      lines: ['quizzes/x.yaml:3:1 error MD001 only inline markdown is allowed here, not a heading'],
      cites: [],
    });
  });
});

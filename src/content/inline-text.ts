import type { Inline } from './model.ts';

/**
 * Plain text of an inline tree, for titles, labels, lengths and plain-text exports: text and code
 * as written, a line break as a space, emphasis, links and glossary terms by their words. Each
 * caller says how a citation reads (the lesson page, the slides and the question export each
 * write it their own way). Pure, so the React views and the React-free instructor code share it.
 */
export function inlinePlainText(
  nodes: readonly Inline[],
  cite: (from: number, to: number) => string,
): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
        case 'code':
          return n.v;
        case 'br':
          return ' ';
        case 'cite':
          return cite(n.from, n.to);
        default:
          return inlinePlainText(n.c, cite);
      }
    })
    .join('');
}

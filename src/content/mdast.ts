import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';

/** mdast types, derived from the parser so no extra type package is needed. */
export type MdRoot = ReturnType<typeof fromMarkdown>;
export type MdBlock = MdRoot['children'][number];
export type MdParagraph = Extract<MdBlock, { type: 'paragraph' }>;
export type MdPhrasing = MdParagraph['children'][number];
export type MdHeading = Extract<MdBlock, { type: 'heading' }>;
export type MdList = Extract<MdBlock, { type: 'list' }>;
export type MdListItem = MdList['children'][number];
export type MdNode = MdBlock | MdPhrasing | MdListItem;

/**
 * CommonMark's flanking rules ignore emphasis such as `**标题。**正文` (a closing `**` after CJK
 * punctuation and before a CJK letter); the cjk-friendly extension makes Chinese emphasis work as
 * authors expect without changing how Latin-script text parses.
 */
const MARKDOWN_OPTIONS = { extensions: [cjkFriendlyExtension()] };

/**
 * Text with no character CommonMark gives a meaning to, and no block marker at its start, is one
 * paragraph of one text node: most quiz choices and titles are such text, and parsing thousands
 * of them one by one took most of the compile time.
 */
const PLAIN_INLINE = /^(?![-+*#>=]|\d+[.)]|\s)[^\n\r*_`[\]<>!&\\]+(?<!\s)$/;

export function parseMarkdown(source: string): MdRoot {
  if (PLAIN_INLINE.test(source)) {
    const end = { line: 1, column: source.length + 1, offset: source.length };
    const position = { start: { line: 1, column: 1, offset: 0 }, end };
    return {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: source, position }], position }],
      position,
    };
  }
  return fromMarkdown(source, MARKDOWN_OPTIONS);
}

/** Plain text of a node: markdown syntax removed, link targets dropped, breaks as newlines. */
export function plainText(node: MdNode | MdRoot): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    default:
      if ('children' in node) return (node.children as MdNode[]).map(plainText).join('');
      return 'value' in node && typeof node.value === 'string' ? node.value : '';
  }
}

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
export function parseMarkdown(source: string): MdRoot {
  return fromMarkdown(source, { extensions: [cjkFriendlyExtension()] });
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

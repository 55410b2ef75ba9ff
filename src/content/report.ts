import type { ContentLocale, Diagnostic, Report, ReportParagraph, ReportSection } from './model.ts';
import { CONTENT_LOCALES } from './model.ts';
import { Diagnostics } from './diagnostics.ts';
import { parseMarkdown, plainText, type MdBlock, type MdListItem, type MdNode } from './mdast.ts';
import { normaliseSource } from './source-file.ts';

/** Sentence-final punctuation: a block after a page break that follows one of these starts a new line. */
const SENTENCE_END = /[。！？；：.!?;:）)]$/;

/**
 * Parses the report source into its numbered paragraphs and headings.
 *
 * The source is a conversion of the UN PDF, so it keeps the PDF's quirks: numbered paragraphs are
 * markdown ordered-list items, list items (a)-(k) follow them as bullets or plain paragraphs, a
 * page break (several blank lines) can split a sentence, and symbols carry link leftovers
 * (`[71/258](#)`). Every block between a numbered paragraph and the next numbered paragraph or
 * heading belongs to that paragraph, one line per block.
 */
export function parseReport(source: string, file: string): { report: Report; diagnostics: Diagnostic[] } {
  const diags = new Diagnostics();
  const text = normaliseSource(source);
  const tree = parseMarkdown(text);
  const localeMatch = /report\.([a-z]{2})\.md$/.exec(file);
  const locale: ContentLocale =
    localeMatch && (CONTENT_LOCALES as readonly string[]).includes(localeMatch[1]!)
      ? (localeMatch[1] as ContentLocale)
      : 'zh';

  let title = '';
  const sections: ReportSection[] = [];
  const paragraphs: ReportParagraph[] = [];
  const stack: ReportSection[] = [];
  let current = null as ReportParagraph | null;
  let lastEndLine = 0;
  let seenSection = false;
  let last = 0;
  const seen = new Set<number>();
  let strayReported = false;

  const startOf = (node: MdNode) => ({
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const headingText = plainText(node).trim();
      if (node.depth === 1 && !title) {
        title = headingText;
        continue;
      }
      seenSection = true;
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
      const section: ReportSection = {
        id: `s${sections.length + 1}`,
        title: headingText,
        depth: node.depth,
        paragraphs: [],
      };
      sections.push(section);
      stack.push(section);
      current = null;
      strayReported = false;
      continue;
    }
    if (node.type === 'list' && node.ordered) {
      node.children.forEach((item, index) => {
        const offset = item.position?.start.offset ?? 0;
        const sourceNumber = /^\s*(\d+)[.)]/.exec(text.slice(offset, offset + 12));
        const n = sourceNumber ? Number(sourceNumber[1]) : (node.start ?? 1) + index;
        if (seen.has(n)) diags.error(file, startOf(item), 'REPORT001', `paragraph ${n} is numbered twice`);
        else if (n !== last + 1) {
          const msg =
            n > last + 1
              ? `paragraph numbering jumps from ${last} to ${n} (missing ${last + 1 === n - 1 ? last + 1 : `${last + 1}-${n - 1}`})`
              : `paragraph ${n} is out of order (after ${last})`;
          diags.error(file, startOf(item), 'REPORT001', msg);
        }
        seen.add(n);
        last = Math.max(last, n);
        const innermost = stack[stack.length - 1];
        const paragraph: ReportParagraph = { n, sectionPath: stack.map((s) => s.id), text: itemText(item) };
        paragraphs.push(paragraph);
        innermost?.paragraphs.push(n);
        current = paragraph;
        lastEndLine = item.position?.end.line ?? lastEndLine;
      });
      continue;
    }
    if (node.type === 'definition' || node.type === 'thematicBreak') continue;
    const blockText = blockTextOf(node).trim();
    if (current) {
      if (blockText) {
        const gap = (node.position?.start.line ?? 0) - lastEndLine - 1;
        const pageBreak = node.type === 'paragraph' && gap >= 2 && !SENTENCE_END.test(current.text.trimEnd());
        current.text = pageBreak ? current.text.trimEnd() + blockText : `${current.text}\n${blockText}`;
      }
      lastEndLine = node.position?.end.line ?? lastEndLine;
    } else if (seenSection && blockText && !strayReported) {
      diags.warn(
        file,
        startOf(node),
        'REPORT002',
        'text outside a numbered paragraph is not part of any paragraph',
      );
      strayReported = true;
    }
  }

  if (!title) diags.warn(file, { line: 1, column: 1 }, 'REPORT003', 'the report has no "# " title heading');
  if (paragraphs.length === 0)
    diags.error(file, { line: 1, column: 1 }, 'REPORT004', 'the report has no numbered paragraphs');
  paragraphs.sort((a, b) => a.n - b.n);

  return { report: { locale, title, sections, paragraphs }, diagnostics: diags.list };
}

function itemText(item: MdListItem): string {
  return item.children
    .map((c) => blockTextOf(c as MdBlock).trim())
    .filter((s) => s !== '')
    .join('\n');
}

function blockTextOf(node: MdBlock): string {
  if (node.type === 'list') return node.children.map(itemText).join('\n');
  if (node.type === 'blockquote') return node.children.map((c) => blockTextOf(c).trim()).join('\n');
  return plainText(node);
}

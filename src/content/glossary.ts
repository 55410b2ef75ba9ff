import { isSeq } from 'yaml';
import type { GlossaryTerm } from './model.ts';
import type { Diagnostics } from './diagnostics.ts';
import type { ParagraphRange } from './markdown.ts';
import { listEntries, type EntryListSpec } from './yaml-entries.ts';
import { readYamlFile } from './yaml-source.ts';

export const GLOSSARY_FILE = 'lessons/glossary.yaml';
const GLOSSARY_LIST: EntryListSpec = {
  file: GLOSSARY_FILE,
  noun: 'glossary',
  items: 'terms',
  shape: 'id, term, abbr, definition and paragraphs',
  fields: ['id', 'term', 'abbr', 'definition', 'paragraphs', 'background'],
  invalid: 'GLOSS004',
  duplicate: 'GLOSS003',
  unknownField: 'GLOSS005',
};

/** lessons/glossary.yaml: a list of `{id, term, abbr, definition, paragraphs, background?}`. */
export function readGlossary(
  root: string,
  diags: Diagnostics,
  report: ParagraphRange,
): { terms: GlossaryTerm[]; exists: boolean } {
  const ys = readYamlFile(root, GLOSSARY_FILE);
  if (!ys) return { terms: [], exists: false };
  const file = GLOSSARY_FILE;
  const terms: GlossaryTerm[] = [];
  for (const { id, at, field, flag, text, paragraphList } of listEntries(ys, diags, GLOSSARY_LIST)) {
    const term = text('term', 'GLOSS001', `term "${id}"`);
    const abbr = text('abbr', 'GLOSS001', `abbreviation of "${id}"`, true);
    const definition = text('definition', 'GLOSS001', `definition of "${id}"`);
    const background = flag('background');
    const paragraphs = paragraphList('paragraphs', 'GLOSS002', report);
    const pNode = field('paragraphs');
    // A term named in the report lists where; a background term (never named) may list where it is relevant.
    if (
      !background &&
      paragraphs.length === 0 &&
      (pNode === undefined || (isSeq(pNode) && pNode.items.length === 0))
    ) {
      diags.error(
        file,
        at,
        'GLOSS006',
        `"${id}" lists no paragraphs: add the paragraphs that name it, or mark it background: true`,
      );
    }
    terms.push({ id, term, abbr, definition, paragraphs, ...(background ? { background: true } : {}) });
  }
  return { terms, exists: true };
}

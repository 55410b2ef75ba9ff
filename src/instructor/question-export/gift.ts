import type { ContentLocale } from '../../content/model.ts';
import { acceptedAnswers, ExportError, fraction, generalFeedbackHtml, inlineHtml, inlinePlain, itemTags, type ExportBank, type ExportItem } from './bank.ts';
import { categoryRuns } from './moodle-xml.ts';

/**
 * GIFT (question/format/gift), as Moodle writes it: `$CATEGORY:` lines, `::name::[html]text{…}`,
 * `=` right, `~` wrong, `~%w%` weighted, `#` feedback, `####` general feedback; sequencing as the
 * ordering question's `{>n ALL VERTICAL …}` block. Same mapping of kinds and scoring as the XML.
 */

/**
 * Escapes GIFT's reserved characters as Moodle's exporter does (qformat_gift::repchar): a
 * backslash, ~ = # { } :, and line breaks, which would end the question.
 */
export function giftEscape(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r/g, '').replace(/\n/g, '\\n');
}

/** The id, lesson, objective and paragraphs in a comment; Moodle reads `[id:]` and `[tag:]` from it. */
function comment(e: ExportItem): string {
  return `// [id:${e.item.id}] ${itemTags(e).map((t) => `[tag:${t}]`).join(' ')}`;
}

function body(e: ExportItem, locale: ContentLocale): string {
  const item = e.item;
  const general = `\t####${giftEscape(generalFeedbackHtml(e, locale))}\n`;
  const choice = (id: string) => giftEscape(inlineHtml(e.text.choices[id] ?? []));
  const feedback = (id: string) => (e.feedback?.choices[id] ? `#${giftEscape(`<p>${inlineHtml(e.feedback.choices[id])}</p>`)}` : '');
  switch (item.kind) {
    case 'single':
      return `{\n${item.choices.map((c) => `\t${c.id === item.rubric.correct ? '=' : '~'}${choice(c.id)}${feedback(c.id)}\n`).join('')}${general}}`;
    case 'multiple': {
      const right = new Set(item.rubric.correct);
      const share = 100 / right.size;
      return `{\n${item.choices
        .map((c) => `\t~%${fraction(right.has(c.id) ? share : -share)}%${choice(c.id)}${feedback(c.id)}\n`)
        .join('')}${general}}`;
    }
    case 'true-false':
      return `{${item.rubric.correct ? 'TRUE' : 'FALSE'}${general.trimEnd().replace(/^\t/, '')}}`;
    case 'matching': {
      const used = new Set(Object.values(item.rubric.pairs));
      const plain = (id: string) => giftEscape(inlinePlain(e.text.choices[id] ?? []));
      const pairs = item.premises.map((p) => `\t=${choice(p)} -> ${plain(item.rubric.pairs[p]!)}\n`);
      const distractors = item.responses.filter((r) => !used.has(r)).map((r) => `\t= -> ${plain(r)}\n`);
      return `{\n${[...pairs, ...distractors].join('')}${general}}`;
    }
    case 'sequencing': {
      // The ordering question reads its lines as they are (no unescaping): a line must not break the block.
      const lines = item.rubric.order.map((id) => {
        const line = inlinePlain(e.text.choices[id] ?? []);
        if (/[{}\n]/.test(line)) throw new ExportError(`item ${item.id}: step "${line}" holds a brace or a line break, which GIFT's ordering block cannot carry`);
        return line;
      });
      return `{>${lines.length} ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW\n${lines.join('\n')}\n}`;
    }
    case 'numeric':
      return `{#\n\t=%100%${item.rubric.value}:${item.rubric.tolerance}#\n${general}}`;
    case 'fill-in':
      return `{\n${acceptedAnswers(item, locale)
        .map((a) => `\t=%100%${giftEscape(a.replace(/\*/g, '\\*'))}#\n`)
        .join('')}${general}}`;
  }
}

export function toGift(bank: ExportBank): string {
  const out: string[] = [];
  for (const run of categoryRuns(bank.items)) {
    out.push(`$CATEGORY: ${run.path}`, '');
    for (const e of run.items) {
      const unit = e.item.kind === 'numeric' && e.text.unit ? ` (${e.text.unit})` : '';
      const stem = giftEscape(`<p>${inlineHtml(e.text.stem)}${unit ? inlineHtml([{ t: 'text', v: unit }]) : ''}</p>`);
      out.push(comment(e), `::${giftEscape(e.item.id)}::[html]${stem}${body(e, bank.locale)}`, '');
    }
  }
  return out.join('\n');
}

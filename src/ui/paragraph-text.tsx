import { directionOf } from './i18n.ts';

/**
 * A report paragraph as plain text. Lettered items ((a), (b), ...) are on their own lines in the
 * model and are shown as separate lines. Always text nodes, never HTML.
 */
export function ParagraphText({ text, lang }: { text: string; lang: string }) {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return (
    <div className="paragraph-text" lang={lang} dir={directionOf(lang)}>
      {lines.map((line, i) => (
        <p key={i} className={i > 0 && /^\s*\(?[a-z]\)/.test(line) ? 'item' : undefined}>
          {line}
        </p>
      ))}
    </div>
  );
}

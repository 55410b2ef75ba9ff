import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Block, Inline } from '../content/model.ts';
import { SlideInlines } from './slide-view.tsx';

type Level = 3 | 4 | 5 | 6;

function H({ level, children }: { level: Level; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag>{children}</Tag>;
}

/**
 * Lesson blocks for print: citations as [¶N] text (paper has no buttons), glossary terms as
 * plain words, external links followed by their address. Sub-headings start at `level`.
 */
export function PrintBlocks({ blocks, t, level }: { blocks: Block[]; t: TFunction; level: Level }): ReactNode {
  return blocks.map((b, i) => {
    switch (b.t) {
      case 'p':
        return (
          <p key={i}>
            <SlideInlines nodes={b.c} />
            <LinkAddresses nodes={b.c} />
          </p>
        );
      case 'h':
        return (
          <H key={i} level={Math.min(6, level + (b.level - 3)) as Level}>
            <SlideInlines nodes={b.c} />
          </H>
        );
      case 'ul':
      case 'ol': {
        const items = b.items.map((item, k) => (
          <li key={k}>
            {item.length === 1 && item[0]?.t === 'p' ? <SlideInlines nodes={item[0].c} /> : <PrintBlocks blocks={item} t={t} level={level} />}
          </li>
        ));
        return b.t === 'ul' ? <ul key={i}>{items}</ul> : <ol key={i} start={b.start}>{items}</ol>;
      }
      case 'quote':
        return (
          <blockquote key={i}>
            <PrintBlocks blocks={b.c} t={t} level={level} />
          </blockquote>
        );
      case 'note':
        return (
          <aside key={i} className="print-note" aria-label={t('lesson.note')}>
            <p className="print-note-label">{t('lesson.note')}</p>
            <PrintBlocks blocks={b.c} t={t} level={level} />
          </aside>
        );
      case 'hr':
        return <hr key={i} />;
    }
  });
}

/** " (https://…)" after a paragraph's external links, so a printout keeps where they lead. */
function LinkAddresses({ nodes }: { nodes: Inline[] }): ReactNode {
  const hrefs: string[] = [];
  const walk = (ns: Inline[]) => {
    for (const n of ns) {
      if (n.t === 'link') hrefs.push(n.href);
      else if (n.t === 'em' || n.t === 'strong' || n.t === 'term') walk(n.c);
    }
  };
  walk(nodes);
  if (hrefs.length === 0) return null;
  return <span className="print-href"> ({hrefs.join(', ')})</span>;
}

import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Block, Inline } from '../content/model.ts';
import { ViewBlocks, type BlockView } from './block-views.tsx';
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
  return <ViewBlocks blocks={blocks} view={printView(t, level)} />;
}

function printView(t: TFunction, level: Level): BlockView {
  return {
    paragraph: (nodes) => (
      <p>
        <SlideInlines nodes={nodes} />
        <LinkAddresses nodes={nodes} />
      </p>
    ),
    heading: (nodes, h) => (
      <H level={Math.min(6, level + (h - 3)) as Level}>
        <SlideInlines nodes={nodes} />
      </H>
    ),
    listItem: (item) =>
      item.length === 1 && item[0]?.t === 'p' ? (
        <SlideInlines nodes={item[0].c} />
      ) : (
        <PrintBlocks blocks={item} t={t} level={level} />
      ),
    note: (blocks) => (
      <aside className="print-note" aria-label={t('lesson.note')}>
        <p className="print-note-label">{t('lesson.note')}</p>
        <PrintBlocks blocks={blocks} t={t} level={level} />
      </aside>
    ),
    listStart: true,
  };
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

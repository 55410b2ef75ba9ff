import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { inlinePlainText } from '../../content/inline-text.ts';
import type { Block, Inline } from '../../content/model.ts';
import { citationLabel } from '../course-data.ts';
import { CiteButton } from '../cite-button.tsx';

/**
 * Renders the compiled content tree as React elements. Text is always a text node: nothing from
 * content is ever inserted as HTML.
 */
export function Inlines({ nodes }: { nodes: Inline[] }): ReactNode {
  return nodes.map((n, i) => <InlineNode key={i} node={n} />);
}

function InlineNode({ node }: { node: Inline }): ReactNode {
  switch (node.t) {
    case 'text':
      return node.v;
    case 'em':
      return <em><Inlines nodes={node.c} /></em>;
    case 'strong':
      return <strong><Inlines nodes={node.c} /></strong>;
    case 'code':
      return <code>{node.v}</code>;
    case 'br':
      return <br />;
    case 'link':
      return (
        <a href={node.href} target="_blank" rel="noopener noreferrer">
          <Inlines nodes={node.c} />
        </a>
      );
    case 'term':
      return (
        <Link className="term" to={`/glossary/${encodeURIComponent(node.id)}`}>
          <Inlines nodes={node.c} />
        </Link>
      );
    case 'cite':
      return <CiteButton from={node.from} to={node.to} />;
  }
}

export function Blocks({ blocks }: { blocks: Block[] }): ReactNode {
  return blocks.map((b, i) => <BlockNode key={i} block={b} />);
}

function Items({ items }: { items: Block[][] }) {
  return items.map((item, i) => (
    <li key={i}>
      {item.length === 1 && item[0]?.t === 'p' ? <Inlines nodes={item[0].c} /> : <Blocks blocks={item} />}
    </li>
  ));
}

function NoteBlock({ blocks }: { blocks: Block[] }) {
  const { t } = useTranslation();
  return (
    <aside className="note" aria-label={t('lesson.note')}>
      <p className="note-label">{t('lesson.note')}</p>
      <Blocks blocks={blocks} />
    </aside>
  );
}

function BlockNode({ block }: { block: Block }): ReactNode {
  switch (block.t) {
    case 'p':
      return <p><Inlines nodes={block.c} /></p>;
    case 'h':
      return block.level === 3 ? <h3><Inlines nodes={block.c} /></h3> : <h4><Inlines nodes={block.c} /></h4>;
    case 'ul':
      return <ul><Items items={block.items} /></ul>;
    case 'ol':
      return <ol start={block.start}><Items items={block.items} /></ol>;
    case 'quote':
      return <blockquote><Blocks blocks={block.c} /></blockquote>;
    case 'note':
      return <NoteBlock blocks={block.c} />;
    case 'hr':
      return <hr />;
  }
}

/** Plain text of an inline tree, for titles and labels. */
export function inlineText(nodes: Inline[]): string {
  return inlinePlainText(nodes, (from, to) => `[${citationLabel(from, to)}]`);
}

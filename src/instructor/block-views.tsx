import { Fragment, type ReactNode } from 'react';
import type { Block, Inline } from '../content/model.ts';

/**
 * How one instructor view (speaker's notes, print) draws the blocks it draws its own way. Lists,
 * quotes and rules look the same in every view and are drawn by `ViewBlocks` itself.
 */
export interface BlockView {
  paragraph: (nodes: Inline[]) => ReactNode;
  heading: (nodes: Inline[], level: 3 | 4) => ReactNode;
  /** The content of one list item. */
  listItem: (item: Block[]) => ReactNode;
  /** A `> [!NOTE]` block. */
  note: (blocks: Block[]) => ReactNode;
  /** Whether a numbered list keeps its authored first number (`start`). */
  listStart: boolean;
}

/** Lesson blocks drawn in one view's way, nested blocks (quotes) too. */
export function ViewBlocks({ blocks, view }: { blocks: Block[]; view: BlockView }): ReactNode {
  return blocks.map((b, i) => <Fragment key={i}>{viewBlock(b, view)}</Fragment>);
}

function viewBlock(b: Block, view: BlockView): ReactNode {
  switch (b.t) {
    case 'p':
      return view.paragraph(b.c);
    case 'h':
      return view.heading(b.c, b.level);
    case 'ul':
    case 'ol': {
      const items = b.items.map((item, k) => <li key={k}>{view.listItem(item)}</li>);
      return b.t === 'ul' ? <ul>{items}</ul> : <ol start={view.listStart ? b.start : undefined}>{items}</ol>;
    }
    case 'quote':
      return (
        <blockquote>
          <ViewBlocks blocks={b.c} view={view} />
        </blockquote>
      );
    case 'note':
      return view.note(b.c);
    case 'hr':
      return <hr />;
  }
}

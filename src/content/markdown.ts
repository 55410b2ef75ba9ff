import type { Block, ContentLocale, Inline } from './model.ts';
import { formatParagraphList, type Diagnostics } from './diagnostics.ts';
import { expand, scanCitations } from './citations.ts';
import { alignValue, type Pos } from './positions.ts';
import { parseMarkdown, type MdBlock, type MdHeading, type MdNode, type MdPhrasing } from './mdast.ts';

/** Report paragraphs that exist, for checking citations. */
export interface ParagraphRange {
  has(n: number): boolean;
  /** `1–91`, for messages. */
  label: string;
}

/** Everything the mdast → course-model compiler needs to report problems where they are written. */
export interface MdContext {
  file: string;
  diags: Diagnostics;
  /** The exact string handed to the markdown parser. */
  source: string;
  /** Offset in `source` → position in the authored file. */
  locate: (offset: number) => Pos;
  locale: ContentLocale;
  paragraphs: ParagraphRange;
  /** Glossary ids; null when there is no glossary.yaml (term links are then not checked). */
  glossary: ReadonlySet<string> | null;
  /** Collects the paragraphs cited; the caller swaps it per section. */
  cites: Set<number>;
}

const ALLOWED_SCHEME = /^(https?:|mailto:)/i;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

export function nodePos(node: MdNode, ctx: MdContext): Pos {
  return ctx.locate(node.position?.start.offset ?? 0);
}

/** Compiles phrasing content, splitting citations out of text and dropping what must not render. */
export function compileInlines(nodes: readonly MdPhrasing[], ctx: MdContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) compileInline(node, ctx, out);
  return out;
}

/**
 * Compiles `ctx.source` where only inline markdown belongs (an objective, a quiz stem or
 * choice): paragraphs are joined with a space; any other block is reported (MD001) and dropped.
 */
export function compileInlineText(ctx: MdContext): Inline[] {
  const out: Inline[] = [];
  parseMarkdown(ctx.source).children.forEach((block, i) => {
    if (block.type === 'paragraph') {
      if (i > 0) out.push({ t: 'text', v: ' ' });
      out.push(...compileInlines(block.children, ctx));
    } else {
      ctx.diags.error(
        ctx.file,
        nodePos(block, ctx),
        'MD001',
        `only inline markdown is allowed here, not a ${block.type}`,
      );
    }
  });
  return out;
}

function pushText(out: Inline[], v: string): void {
  if (v === '') return;
  const prev = out[out.length - 1];
  if (prev?.t === 'text') prev.v += v;
  else out.push({ t: 'text', v });
}

/** A soft line break is a space, except between two CJK characters where it is nothing. */
function softBreaks(s: string): string {
  if (!s.includes('\n')) return s;
  return s.replace(/[ \t]*\n[ \t]*/g, (m, offset: number, all: string) => {
    const before = all[offset - 1] ?? '';
    const after = all[offset + m.length] ?? '';
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}

function compileInline(node: MdPhrasing, ctx: MdContext, out: Inline[]): void {
  switch (node.type) {
    case 'text':
      compileText(node, ctx, out);
      return;
    case 'emphasis':
    case 'strong': {
      const c = compileInlines(node.children, ctx);
      if (c.length > 0) out.push({ t: node.type === 'emphasis' ? 'em' : 'strong', c });
      return;
    }
    case 'inlineCode':
      out.push({ t: 'code', v: node.value });
      return;
    case 'break':
      out.push({ t: 'br' });
      return;
    case 'link': {
      const c = compileInlines(node.children, ctx);
      const url = node.url.trim();
      if (url.toLowerCase().startsWith('term:')) {
        const id = url.slice('term:'.length);
        if (ctx.glossary && !ctx.glossary.has(id)) {
          ctx.diags.error(
            ctx.file,
            nodePos(node, ctx),
            'TERM001',
            `unknown glossary term "${id}": it is not in lessons/glossary.yaml`,
          );
        }
        out.push({ t: 'term', id, c });
        return;
      }
      if (ALLOWED_SCHEME.test(url)) {
        out.push({ t: 'link', href: url, c });
        return;
      }
      ctx.diags.error(
        ctx.file,
        nodePos(node, ctx),
        'LINK001',
        `link "${url}" is not allowed: use an http, https or mailto address, or term:<id> for a glossary term`,
      );
      for (const i of c) {
        if (i.t === 'text') pushText(out, i.v);
        else out.push(i);
      }
      return;
    }
    case 'html':
      rawHtml(node, ctx);
      return;
    case 'image':
    case 'imageReference':
      ctx.diags.error(ctx.file, nodePos(node, ctx), 'MD001', 'images are not supported');
      return;
    case 'linkReference':
      ctx.diags.error(
        ctx.file,
        nodePos(node, ctx),
        'MD001',
        'reference-style links are not supported: write the address inline, [text](https://...)',
      );
      for (const i of compileInlines(node.children, ctx)) {
        if (i.t === 'text') pushText(out, i.v);
        else out.push(i);
      }
      return;
    default:
      ctx.diags.error(ctx.file, nodePos(node, ctx), 'MD001', `unsupported markdown (${node.type})`);
  }
}

function compileText(node: Extract<MdPhrasing, { type: 'text' }>, ctx: MdContext, out: Inline[]): void {
  const value = node.value;
  const start = node.position?.start.offset ?? 0;
  const needsMap = value.includes('¶') || value.includes('[^') || value.includes('**') || value.includes('__');
  const map = needsMap ? alignValue(value, ctx.source.slice(start, node.position?.end.offset ?? start)) : [];
  const at = (i: number) => ctx.locate(start + (map[i] ?? 0));

  for (const fm of value.matchAll(/\[\^[^\]\s]+\]/g)) {
    ctx.diags.error(
      ctx.file,
      at(fm.index),
      'MD001',
      `footnotes are not supported ("${fm[0]}"): put the text in the paragraph`,
    );
  }
  // A run of three or more (a fill-in blank "____") is text on purpose; a lone pair is a stray marker.
  for (const em of value.matchAll(/(?<![*_])(?:\*\*|__)(?![*_])/g)) {
    ctx.diags.error(
      ctx.file,
      at(em.index),
      'MD002',
      `emphasis marker "${em[0]}" was not parsed and would show as text: check the matching marker`,
    );
  }
  if (!value.includes('¶')) {
    pushText(out, softBreaks(value));
    return;
  }
  let last = 0;
  for (const m of scanCitations(value)) {
    if (m.kind === 'malformed') {
      ctx.diags.error(ctx.file, at(m.start), 'CITE001', m.message);
      continue;
    }
    if (m.from > m.to) {
      ctx.diags.error(
        ctx.file,
        at(m.start),
        'CITE003',
        `reversed range ${m.raw}: write [¶${m.to}-${m.from}]`,
      );
      continue;
    }
    const missing = expand(m.from, m.to).filter((n) => !ctx.paragraphs.has(n));
    if (missing.length > 0) {
      const what =
        missing.length === 1
          ? `paragraph ${formatParagraphList(missing)} does`
          : `paragraphs ${formatParagraphList(missing)} do`;
      ctx.diags.error(
        ctx.file,
        at(m.start),
        'CITE002',
        `${what} not exist in the report (${ctx.paragraphs.label})`,
      );
      continue;
    }
    pushText(out, softBreaks(value.slice(last, m.start)));
    out.push({ t: 'cite', from: m.from, to: m.to });
    for (let n = m.from; n <= m.to; n++) ctx.cites.add(n);
    last = m.end;
  }
  pushText(out, softBreaks(value.slice(last)));
}

/** HTML001: raw HTML, inline or a block, is dropped, never rendered. */
function rawHtml(node: Extract<MdNode, { type: 'html' }>, ctx: MdContext): void {
  const first = node.value.trim().split('\n')[0] ?? '';
  const snippet = `"${first.length > 40 ? `${first.slice(0, 40)}…` : first}"`;
  ctx.diags.error(
    ctx.file,
    nodePos(node, ctx),
    'HTML001',
    `raw HTML ${snippet} is not allowed and is not rendered`,
  );
}

const HEADING_ID = /[ \t]*\{#([^}]*)\}[ \t]*$/;

/**
 * Splits `Title {#id}` into the id and the title's phrasing content (the `{#id}` removed).
 * `id` is null when the heading has no `{#...}`.
 */
export function splitHeadingId(heading: MdHeading): { id: string | null; children: MdPhrasing[] } {
  const children = [...heading.children];
  const last = children[children.length - 1];
  if (last?.type !== 'text') return { id: null, children };
  const m = HEADING_ID.exec(last.value);
  if (!m) return { id: null, children };
  const value = last.value.slice(0, m.index).replace(/\s+$/, '');
  if (value === '') children.pop();
  else children[children.length - 1] = { ...last, value };
  return { id: m[1]!.trim(), children };
}

const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m;

/** Compiles block content inside a section (or inside a list item or blockquote). */
export function compileBlocks(nodes: readonly MdBlock[], ctx: MdContext): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const b = compileBlock(node, ctx);
    if (b) out.push(b);
  }
  return out;
}

function compileBlock(node: MdBlock, ctx: MdContext): Block | null {
  switch (node.type) {
    case 'paragraph': {
      const src = ctx.source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      if (TABLE_DELIMITER.test(src)) {
        ctx.diags.error(ctx.file, nodePos(node, ctx), 'MD001', 'tables are not supported: use a list');
        return null;
      }
      const c = compileInlines(node.children, ctx);
      return c.length > 0 ? { t: 'p', c } : null;
    }
    case 'heading': {
      if (node.depth === 1) {
        ctx.diags.error(
          ctx.file,
          nodePos(node, ctx),
          'SECT005',
          'a level-1 heading (#) is not allowed in a lesson body: the title comes from the front matter',
        );
        return null;
      }
      if (node.depth === 2) {
        ctx.diags.error(
          ctx.file,
          nodePos(node, ctx),
          'MD001',
          'a section heading (##) must not be inside a list or quote',
        );
        return null;
      }
      if (node.depth > 4) {
        ctx.diags.error(
          ctx.file,
          nodePos(node, ctx),
          'MD001',
          `heading level ${node.depth} is not supported: use ### or ####`,
        );
        return null;
      }
      return { t: 'h', level: node.depth as 3 | 4, c: compileInlines(splitHeadingId(node).children, ctx) };
    }
    case 'list': {
      const items = node.children.map((item) => compileBlocks(item.children as MdBlock[], ctx));
      return node.ordered ? { t: 'ol', start: node.start ?? 1, items } : { t: 'ul', items };
    }
    case 'blockquote':
      return compileQuote(node, ctx);
    case 'thematicBreak':
      return { t: 'hr' };
    case 'html':
      rawHtml(node, ctx);
      return null;
    case 'code':
      ctx.diags.error(ctx.file, nodePos(node, ctx), 'MD001', 'code blocks are not supported');
      return null;
    case 'definition':
      ctx.diags.error(
        ctx.file,
        nodePos(node, ctx),
        'MD001',
        node.label?.startsWith('^')
          ? 'footnotes are not supported: put the text in the paragraph'
          : 'link reference definitions are not supported: write the address inline, [text](https://...)',
      );
      return null;
    default:
      ctx.diags.error(ctx.file, nodePos(node, ctx), 'MD001', `unsupported markdown (${node.type})`);
      return null;
  }
}

const CALLOUT = /^\[!([A-Za-z]+)\]/;

function compileQuote(node: Extract<MdBlock, { type: 'blockquote' }>, ctx: MdContext): Block {
  const c = compileBlocks(node.children, ctx);
  const first = c[0];
  const firstInline = first?.t === 'p' ? first.c[0] : undefined;
  if (first?.t === 'p' && firstInline?.t === 'text') {
    const m = CALLOUT.exec(firstInline.v);
    if (m) {
      if (m[1]!.toUpperCase() !== 'NOTE') {
        ctx.diags.error(
          ctx.file,
          nodePos(node, ctx),
          'MD001',
          `"[!${m[1]}]" callouts are not supported: use > [!NOTE]`,
        );
        return { t: 'quote', c };
      }
      firstInline.v = firstInline.v.replace(/^\[![A-Za-z]+\]\s*/, '');
      if (firstInline.v === '') first.c.shift();
      if (first.c.length === 0) c.shift();
      return { t: 'note', c };
    }
  }
  return { t: 'quote', c };
}

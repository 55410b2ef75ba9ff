import fs from 'node:fs';
import path from 'node:path';
import type { Block, ContentLocale, Inline, LessonContent, LessonMeta, LessonSection } from './model.ts';
import { CONTENT_LOCALES } from './model.ts';
import { formatParagraphList, type Diagnostics } from './diagnostics.ts';
import { numberTokens, scanCitations, sortTokens } from './citations.ts';
import {
  KEBAB,
  readFrontMatter,
  splitFrontMatter,
  type FrontMatter,
  type InlineSource,
} from './frontmatter.ts';
import {
  compileBlocks,
  compileInlines,
  compileInlineText,
  nodePos,
  splitHeadingId,
  type MdContext,
  type ParagraphRange,
} from './markdown.ts';
import { parseMarkdown, type MdBlock, type MdPhrasing } from './mdast.ts';
import { LineIndex, type Pos } from './positions.ts';
import { inlinePlainText } from './inline-text.ts';
import { readSourceFile } from './source-file.ts';

/** One lesson file compiled, plus what the cross-locale checks need. */
export interface LessonFile {
  folder: string;
  locale: ContentLocale;
  /** Relative to the project root, forward slashes. */
  file: string;
  fm: FrontMatter;
  content: LessonContent;
  /** Heading position of each section id (first occurrence). */
  sectionPos: Map<string, Pos>;
  /** Number tokens per section id (citations excluded). */
  sectionNumbers: Map<string, Set<string>>;
  /** Every paragraph cited anywhere in the file: body, objectives, discussion. */
  allCites: Set<number>;
  /** Unclosed front matter: nothing reliable to compare with other locales. */
  broken: boolean;
}

export interface LessonsResult {
  files: LessonFile[];
  meta: LessonMeta[];
}

interface Env {
  root: string;
  diags: Diagnostics;
  paragraphs: ParagraphRange;
  glossary: ReadonlySet<string> | null;
}

const ORIGIN: Pos = { line: 1, column: 1 };
const rel = (...parts: string[]) => parts.join('/');

/** Lesson folders: every directory under lessons/ except `source` and hidden ones. */
function lessonFolders(lessonsDir: string): string[] {
  if (!fs.existsSync(lessonsDir)) return [];
  return fs
    .readdirSync(lessonsDir, { withFileTypes: true })
    .filter(
      (d) => d.isDirectory() && d.name !== 'source' && !d.name.startsWith('.') && !d.name.startsWith('_'),
    )
    .map((d) => d.name)
    .sort();
}

/** Compiles every lesson in every locale and checks that locales agree with each other. */
export function compileLessons(
  root: string,
  diags: Diagnostics,
  paragraphs: ParagraphRange,
  glossary: ReadonlySet<string> | null,
): LessonsResult {
  const env: Env = { root, diags, paragraphs, glossary };
  const lessonsDir = path.join(root, 'lessons');
  const files: LessonFile[] = [];
  const meta: LessonMeta[] = [];
  const refs: { folder: string; ref: LessonFile }[] = [];

  for (const folder of lessonFolders(lessonsDir)) {
    const entries = fs.readdirSync(path.join(lessonsDir, folder));
    for (const name of entries.sort()) {
      if (!name.endsWith('.md')) continue;
      const loc = name.slice(0, -3);
      if (!(CONTENT_LOCALES as readonly string[]).includes(loc)) {
        diags.warn(
          rel('lessons', folder, name),
          ORIGIN,
          'LESSON007',
          `"${name}" is not a content locale (${CONTENT_LOCALES.join(', ')}.md) and is ignored`,
        );
      }
    }
    const present = CONTENT_LOCALES.filter((l) => entries.includes(`${l}.md`));
    if (present.length === 0) continue;
    if (!/^\d{2}-/.test(folder)) {
      diags.warn(
        rel('lessons', folder, `${present[0]}.md`),
        ORIGIN,
        'LESSON006',
        `lesson folder "${folder}" should start with a two-digit order, e.g. 01-${folder}`,
      );
    }
    const lessonFiles = present.map((loc) => compileLessonFile(env, folder, loc));
    files.push(...lessonFiles);
    const ref = lessonFiles[0]!;
    refs.push({ folder, ref });
    for (const loc of CONTENT_LOCALES) {
      if (!present.includes(loc)) {
        diags.error(
          ref.file,
          ORIGIN,
          'LESSON003',
          `lesson "${folder}" is missing in ${loc}: lessons/${folder}/${loc}.md does not exist`,
        );
      }
    }
    for (const other of lessonFiles.slice(1))
      if (!ref.broken && !other.broken) compareLocales(env, ref, other);
    checkUncited(env, ref);
    meta.push({
      id: folder,
      order: ref.fm.order ?? 0,
      minutes: ref.fm.minutes ?? 0,
      paragraphs: ref.fm.paragraphs ?? [],
      sectionIds: ref.content.sections.map((s) => s.id),
      titles: Object.fromEntries(lessonFiles.map((f) => [f.locale, f.content.title])),
      locales: present,
    });
  }

  /** Keeps the first lesson to use a value; a later one gets `code` at `pos`. */
  const claim = <K>(
    taken: Map<K, LessonFile>,
    value: K | undefined,
    ref: LessonFile,
    pos: Pos | undefined,
    code: string,
    what: (value: K) => string,
  ) => {
    if (value === undefined) return;
    const first = taken.get(value);
    if (first) diags.error(ref.file, pos, code, `${what(value)} is also used by ${first.file}`);
    else taken.set(value, ref);
  };
  const ids = new Map<string, LessonFile>();
  const orders = new Map<number, LessonFile>();
  for (const { ref } of refs) {
    const { id, order, fieldPos } = ref.fm;
    claim(ids, id, ref, fieldPos.id, 'LESSON001', (v) => `lesson id "${v}"`);
    claim(orders, order, ref, fieldPos.order, 'LESSON002', (v) => `order ${v}`);
  }

  meta.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, meta };
}

function compileLessonFile(env: Env, folder: string, locale: ContentLocale): LessonFile {
  const file = rel('lessons', folder, `${locale}.md`);
  let text: string | null = null;
  try {
    text = readSourceFile(path.join(env.root, file));
  } catch (e) {
    env.diags.unreadable(file, e, ORIGIN);
  }
  const split = text === null ? { yaml: null, body: '', unclosed: true } : splitFrontMatter(text);
  let fm: FrontMatter = { objectives: [], discussion: [], fieldPos: {} };
  if (split.yaml !== null) fm = readFrontMatter(split.yaml, file, folder, env.diags, env.paragraphs);
  else if (text !== null && split.unclosed) {
    env.diags.error(file, ORIGIN, 'FM001', 'front matter is not closed: add a line "---" after it');
  } else if (text !== null) {
    const message = 'missing front matter: the file must start with a "---" line, the fields, and "---"';
    env.diags.error(file, ORIGIN, 'FM001', message);
  }

  const allCites = new Set<number>();
  const inline = (s: InlineSource): Inline[] => compileInlineString(env, file, locale, s, allCites);
  const objectives = fm.objectives.map(inline);
  const discussion = fm.discussion.map((d) => ({ question: inline(d.question), notes: inline(d.notes) }));

  const body = split.unclosed
    ? { sections: [], sectionPos: new Map<string, Pos>(), sectionNumbers: new Map<string, Set<string>>() }
    : compileBody(env, file, locale, split.body);
  for (const s of body.sections) for (const n of s.citations) allCites.add(n);

  return {
    folder,
    locale,
    file,
    fm,
    content: { id: folder, locale, title: fm.title ?? '', objectives, sections: body.sections, discussion },
    sectionPos: body.sectionPos,
    sectionNumbers: body.sectionNumbers,
    allCites,
    broken: split.unclosed,
  };
}

/** Compiles a front-matter string (objective, question, notes) as inline markdown. */
function compileInlineString(
  env: Env,
  file: string,
  locale: ContentLocale,
  s: InlineSource,
  cites: Set<number>,
): Inline[] {
  const ctx: MdContext = {
    file,
    diags: env.diags,
    source: s.value,
    locate: s.locate,
    locale,
    paragraphs: env.paragraphs,
    glossary: env.glossary,
    cites,
  };
  return compileInlineText(ctx);
}

function compileBody(env: Env, file: string, locale: ContentLocale, body: string) {
  const lines = new LineIndex(body);
  const ctx: MdContext = {
    file,
    diags: env.diags,
    source: body,
    locate: (o) => lines.pos(o),
    locale,
    paragraphs: env.paragraphs,
    glossary: env.glossary,
    cites: new Set<number>(),
  };
  const tree = parseMarkdown(body);
  const sections: LessonSection[] = [];
  const sectionPos = new Map<string, Pos>();
  const sectionNumbers = new Map<string, Set<string>>();
  let current: { id: string; title: Inline[]; titleCites: Set<number>; nodes: MdBlock[] } | null = null;
  let strayReported = false;

  const close = () => {
    if (!current) return;
    ctx.cites = new Set<number>(current.titleCites);
    const blocks = compileBlocks(current.nodes, ctx);
    const section: LessonSection = {
      id: current.id,
      title: current.title,
      blocks,
      citations: [...ctx.cites].sort((a, b) => a - b),
    };
    sections.push(section);
    const numbers = new Set(
      numberTokens(
        withoutCitations([inlineText(current.title), ...blocks.map(blockText)].join('\n')),
        locale,
      ),
    );
    if (!sectionNumbers.has(current.id)) sectionNumbers.set(current.id, numbers);
    current = null;
  };

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      close();
      const pos = nodePos(node, ctx);
      const { id: rawId, children } = splitHeadingId(node);
      let id = rawId ?? '';
      if (rawId === null) {
        env.diags.error(file, pos, 'SECT001', 'section heading has no id: end it with {#section-id}');
      } else if (!KEBAB.test(rawId)) {
        env.diags.error(
          file,
          pos,
          'SECT001',
          `section id "${rawId}" must be kebab-case (e.g. {#why-mexico-reports})`,
        );
      }
      if (id === '') id = `section-${sections.length + 1}`;
      if (sectionPos.has(id))
        env.diags.error(
          file,
          pos,
          'SECT002',
          `duplicate section id "${id}" (first used on line ${sectionPos.get(id)!.line})`,
        );
      else sectionPos.set(id, pos);
      ctx.cites = new Set<number>();
      const title = compileInlines(children as MdPhrasing[], ctx);
      current = { id, title, titleCites: ctx.cites, nodes: [] };
      continue;
    }
    if (current) current.nodes.push(node);
    else if (!strayReported && node.type !== 'definition') {
      env.diags.error(
        file,
        nodePos(node, ctx),
        'SECT004',
        'content before the first section: start the body with a "## Title {#id}" heading',
      );
      strayReported = true;
      compileBlocks([node], { ...ctx, cites: new Set() });
    } else {
      compileBlocks([node], { ...ctx, cites: new Set() });
    }
  }
  close();
  if (sections.length === 0)
    env.diags.error(
      file,
      lines.pos(body.length),
      'SECT006',
      'the lesson has no sections: add "## Title {#id}" headings',
    );
  else if (sections[sections.length - 1]!.id !== 'summary') {
    env.diags.warn(
      file,
      sectionPos.get(sections[sections.length - 1]!.id),
      'SECT007',
      'the last section should be the summary, {#summary}',
    );
  }
  return { sections, sectionPos, sectionNumbers };
}

/** Blanks out anything citation-like (including malformed ones) so paragraph numbers never count as facts. */
function withoutCitations(text: string): string {
  let out = text;
  for (const m of scanCitations(text))
    out = out.slice(0, m.start) + ' '.repeat(m.end - m.start) + out.slice(m.end);
  return out;
}

/** Text of inline content for number checks: citations become a space, so they never count. */
export function inlineText(c: Inline[]): string {
  return inlinePlainText(c, () => ' ');
}

export function blockText(b: Block): string {
  switch (b.t) {
    case 'p':
    case 'h':
      return inlineText(b.c);
    case 'ul':
    case 'ol':
      return b.items.map((item) => item.map(blockText).join('\n')).join('\n');
    case 'quote':
    case 'note':
      return b.c.map(blockText).join('\n');
    case 'hr':
      return '';
  }
}

function setDiff<T>(a: Set<T>, b: Set<T>): T[] {
  return [...a].filter((x) => !b.has(x));
}

/** Checks one locale of a lesson against the reference locale (es, else the first present). */
function compareLocales(env: Env, ref: LessonFile, other: LessonFile): void {
  const { diags } = env;
  // Front matter fields that must be identical in every locale.
  // (id must equal the folder name in every locale: FM003 covers it.)
  for (const f of ['order', 'minutes', 'paragraphs'] as const) {
    const a = ref.fm[f];
    const b = other.fm[f];
    if (a === undefined || b === undefined) continue;
    const show = (v: typeof a) =>
      Array.isArray(v) ? `[${formatParagraphList(v).replace(/¶/g, '')}]` : String(v);
    if (show(a) !== show(b)) {
      diags.error(
        other.file,
        other.fm.fieldPos[f],
        'LESSON004',
        `${f} is ${show(b)} here but ${show(a)} in ${ref.file}; it must be the same in every locale`,
      );
    }
  }

  // Section ids and order.
  const refIds = ref.content.sections.map((s) => s.id);
  const ids = other.content.sections.map((s) => s.id);
  if (refIds.join('\n') !== ids.join('\n')) {
    let i = 0;
    while (i < ids.length && i < refIds.length && ids[i] === refIds[i]) i++;
    const at =
      ids[i] !== undefined ? other.sectionPos.get(ids[i]!) : other.sectionPos.get(ids[ids.length - 1] ?? '');
    const missing = refIds.filter((id) => !ids.includes(id));
    const extra = ids.filter((id) => !refIds.includes(id));
    const detail = [
      missing.length ? `missing ${missing.map((s) => `#${s}`).join(', ')}` : '',
      extra.length ? `extra ${extra.map((s) => `#${s}`).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    diags.error(
      other.file,
      at ?? ORIGIN,
      'SECT003',
      `sections differ from ${ref.file}: expected ${refIds.map((s) => `#${s}`).join(', ') || '(none)'}${detail ? ` (${detail})` : ' in that order'}`,
    );
  }

  // Citations and numbers per section.
  const refSections = new Map([...ref.content.sections].reverse().map((s) => [s.id, s]));
  let sectionCiteDiff = false;
  const compared = new Set<string>();
  for (const s of other.content.sections) {
    const r = refSections.get(s.id);
    const pos = other.sectionPos.get(s.id);
    // A duplicated id (SECT002) is compared once, by its first section.
    if (!r || !pos || compared.has(s.id)) continue;
    compared.add(s.id);
    const missing = setDiff(new Set(r.citations), new Set(s.citations));
    const extra = setDiff(new Set(s.citations), new Set(r.citations));
    if (missing.length || extra.length) {
      sectionCiteDiff = true;
      diags.error(
        other.file,
        pos,
        'CITE004',
        `section #${s.id} cites different paragraphs than ${ref.file}: ${describe(missing.length ? formatParagraphList(missing) : '', extra.length ? formatParagraphList(extra) : '')}`,
      );
    }
    const rn = ref.sectionNumbers.get(s.id) ?? new Set<string>();
    const on = other.sectionNumbers.get(s.id) ?? new Set<string>();
    const nMissing = sortTokens(setDiff(rn, on));
    const nExtra = sortTokens(setDiff(on, rn));
    if (nMissing.length || nExtra.length) {
      diags.error(
        other.file,
        pos,
        'NUM001',
        `numbers in section #${s.id} differ from ${ref.file}: ${describe(nMissing.join(', '), nExtra.join(', '))}`,
      );
    }
  }
  if (!sectionCiteDiff) {
    const missing = setDiff(ref.allCites, other.allCites);
    const extra = setDiff(other.allCites, ref.allCites);
    if (missing.length || extra.length) {
      diags.error(
        other.file,
        ORIGIN,
        'CITE004',
        `the lesson cites different paragraphs than ${ref.file}: ${describe(missing.length ? formatParagraphList(missing) : '', extra.length ? formatParagraphList(extra) : '')}`,
      );
    }
  }
}

function describe(missing: string, extra: string): string {
  return [missing ? `missing ${missing}` : '', extra ? `extra ${extra}` : ''].filter(Boolean).join('; ');
}

/** A paragraph the lesson says it teaches but never cites is probably not taught (warning). */
function checkUncited(env: Env, ref: LessonFile): void {
  const listed = ref.fm.paragraphs ?? [];
  const uncited = listed.filter((n) => !ref.allCites.has(n));
  if (uncited.length > 0) {
    const what = uncited.length === 1 ? 'paragraph' : 'paragraphs';
    env.diags.warn(
      ref.file,
      ref.fm.fieldPos.paragraphs,
      'LESSON005',
      `${what} ${formatParagraphList(uncited)} listed in paragraphs ${uncited.length === 1 ? 'is' : 'are'} never cited in the lesson`,
    );
  }
}

import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileCourse, formatDiagnostic, type CompileResult } from './compile.ts';
import { CONTENT_LOCALES, type ContentLocale } from './model.ts';
import type { CompiledQuiz, ItemStructure, QuizKey, QuizStructure, QuizText } from './quiz-model.ts';

/** A quiz's items without their rubrics, and its settings: the same in every language. */
export function publicStructure(q: CompiledQuiz): QuizStructure {
  const items = q.definition.items.map((item): ItemStructure => {
    const { rubric: _rubric, ...rest } = item;
    return rest;
  });
  return { ...q.definition, items };
}

/** A quiz's rubrics by item id: the same in every language, loaded at submit time. */
export function quizRubrics(q: CompiledQuiz): QuizKey['rubrics'] {
  return Object.fromEntries(q.definition.items.map((i) => [i.id, i.rubric]));
}

/** What the browser loads to show a quiz: every item without its rubric, and the locale's text. */
export function publicQuiz(
  q: CompiledQuiz,
  locale: ContentLocale,
): { structure: QuizStructure; text: QuizText } {
  return { structure: publicStructure(q), text: q.text[locale] };
}

/** The key part of a quiz: rubrics and the locale's feedback, loaded at submit time. */
export function quizKey(q: CompiledQuiz, locale: ContentLocale): QuizKey {
  return { id: q.definition.id, rubrics: quizRubrics(q), feedback: q.feedback[locale] };
}

/**
 * Lessons per chunk, in course order. One lesson per chunk would make a lesson's first screen
 * wait for the least, but small files compress poorly one by one in the SCORM zip (whose size is
 * budgeted); a few consecutive lessons per chunk keep the download for one lesson small (about
 * 12 KB gzipped) and the next lessons of the course already loaded.
 */
export const LESSONS_PER_CHUNK = 3;

/** The chunk (per locale) that holds a lesson: its position in the course divided by LESSONS_PER_CHUNK. */
function lessonChunk(r: CompileResult, id: string): number {
  return Math.floor(Math.max(0, r.index.lessons.findIndex((l) => l.id === id)) / LESSONS_PER_CHUNK);
}

/** Quizzes ship in two groups: every formative check together, the final assessment apart. */
export function quizGroup(q: CompiledQuiz): 'final' | 'formative' {
  return q.definition.kind === 'final' ? 'final' : 'formative';
}

/**
 * Compiles the authored course (lessons, report, glossary, timeline) when Vite starts and serves
 * it as virtual modules:
 *
 * - `virtual:course` — the small index the app needs at start-up, plus loader functions with
 *   literal dynamic imports, so every payload below is a lazily loaded chunk and the initial JS
 *   stays small.
 * - `virtual:course/lessons/<locale>/<n>` — LESSONS_PER_CHUNK consecutive lessons in one
 *   language: opening a lesson downloads about 12 KB gzipped, not the whole course's 40, so its
 *   first screen is not held up by the rest of the course.
 * - `virtual:course/report`, `translation/<locale>`, `glossary`, `timeline` — one payload each.
 * - Quizzes: what is shown, `quiz/<group>` (structure: kinds, choice ids, settings) with
 *   `quiz-text/<group>/<locale>` (stems and choices), and the key, `quiz-key/<group>` (rubrics)
 *   with `quiz-feedback/<group>/<locale>`, imported only when the learner submits, so no answer
 *   is in the page, its DOM or its accessibility tree before that. The groups are `formative`
 *   (every lesson check) and `final` (the assessment, so a formative submit never downloads the
 *   assessment's key). Structure and rubrics are the same in every language, so they are not
 *   repeated per locale, and quizzes come per group rather than one by one: small files
 *   compress poorly one by one, and the SCORM zip has a size budget.
 *
 * A build with any error diagnostic fails and prints every diagnostic, so authors fix them all in
 * one pass. In dev, edits under lessons/ or locales/ recompile and reload the page.
 */
export function coursePlugin(options: { root: string }): Plugin {
  const PREFIX = 'virtual:course';
  const RESOLVED = '\0virtual:course';
  let result: CompileResult | null = null;
  let isBuild = false;

  const compile = (): CompileResult => {
    result = compileCourse({ root: options.root });
    return result;
  };

  const errorsOf = (r: CompileResult) => r.diagnostics.filter((d) => d.severity === 'error');

  const json = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;

  /**
   * The start-up module: the index, and a loader per lesson, quiz and payload. Each chunk's
   * dynamic import is a literal, so the bundler sees and splits every chunk; maps that would
   * repeat one per lesson × locale or quiz × locale are built at run time from a few importers.
   */
  function indexModule(r: CompileResult): string {
    const importer = (mod: string) => `() => import(${JSON.stringify(`${PREFIX}/${mod}`)})`;
    const byKey = (keys: readonly string[], mod: (k: string) => string) =>
      `{ ${keys.map((k) => `${JSON.stringify(k)}: ${importer(mod(k))}`).join(', ')} }`;
    const groups = [...new Set(r.quizzes.map(quizGroup))];
    const byGroupAndLocale = (kind: string) =>
      `{ ${groups.map((g) => `${JSON.stringify(g)}: ${byKey(CONTENT_LOCALES, (loc) => `${kind}/${g}/${loc}`)}`).join(', ')} }`;
    const quizKeys = r.quizzes.map((q) => [q.definition.id, quizGroup(q)]);
    return `export const index = JSON.parse(${JSON.stringify(JSON.stringify(r.index))});
const lessonChunks = ${byKey(
      [...new Set(r.lessons.map((l) => `${l.locale}/${lessonChunk(r, l.id)}`))],
      (k) => `lessons/${k}`,
    )};
export const lessonLoaders = Object.fromEntries(${JSON.stringify(
      r.lessons.map((l) => [l.id, l.locale, `${l.locale}/${lessonChunk(r, l.id)}`]),
    )}.map(([id, loc, chunk]) => [id + '/' + loc, () => lessonChunks[chunk]().then((m) => ({ default: m.default[id] }))]));
export const loadReport = ${importer('report')};
export const translationLoaders = ${byKey(Object.keys(r.translations), (loc) => `translation/${loc}`)};
const quizLocales = ${JSON.stringify(CONTENT_LOCALES)};
const quizParts = (shared, perLocale, join) => Object.fromEntries(${JSON.stringify(quizKeys)}.flatMap(([id, group]) => quizLocales.map((loc) => [
  id + '/' + loc,
  () => Promise.all([shared[group](), perLocale[group][loc]()]).then(([s, l]) => ({ default: join(id, s.default[id], l.default[id]) })),
])));
export const quizLoaders = quizParts(${byKey(groups, (g) => `quiz/${g}`)}, ${byGroupAndLocale('quiz-text')}, (id, structure, text) => ({ structure, text }));
export const quizKeyLoaders = quizParts(${byKey(groups, (g) => `quiz-key/${g}`)}, ${byGroupAndLocale('quiz-feedback')}, (id, rubrics, feedback) => ({ id, rubrics, feedback }));
export const loadGlossary = ${importer('glossary')};
export const loadTimeline = ${importer('timeline')};
`;
  }

  function payload(r: CompileResult, sub: string): string | null {
    if (sub === 'report') return json(r.report);
    if (sub === 'glossary') return json(r.glossary);
    if (sub === 'timeline') return json(r.timeline);
    const [kind, ...rest] = sub.split('/');
    const key = rest.join('/');
    if (kind === 'lessons') {
      const [loc, chunk] = rest;
      const members = r.lessons.filter((l) => l.locale === loc && String(lessonChunk(r, l.id)) === chunk);
      return members.length > 0 ? json(Object.fromEntries(members.map((l) => [l.id, l]))) : null;
    }
    if (kind === 'quiz' || kind === 'quiz-key' || kind === 'quiz-text' || kind === 'quiz-feedback') {
      const [grp, loc] = rest as [string, ContentLocale | undefined];
      const members = r.quizzes.filter((x) => quizGroup(x) === grp);
      const perLocale = kind === 'quiz-text' || kind === 'quiz-feedback';
      if (members.length === 0 || perLocale !== (loc !== undefined) || (loc && !CONTENT_LOCALES.includes(loc))) return null;
      // Structure and rubrics are the same in every language: one chunk per group, not one per locale.
      const part = (q: CompiledQuiz): unknown => {
        if (kind === 'quiz') return publicStructure(q);
        if (kind === 'quiz-key') return quizRubrics(q);
        if (kind === 'quiz-text') return q.text[loc!];
        return q.feedback[loc!];
      };
      return json(Object.fromEntries(members.map((q) => [q.definition.id, part(q)])));
    }
    if (kind === 'translation') {
      const t = r.translations[key as keyof typeof r.translations];
      return t ? json(t) : null;
    }
    return null;
  }

  return {
    name: 'course-content',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    buildStart() {
      const r = compile();
      const errors = errorsOf(r);
      for (const d of r.diagnostics) this.addWatchFile(path.join(options.root, d.file));
      if (errors.length > 0) {
        const text = r.diagnostics.map(formatDiagnostic).join('\n');
        const message = `Course content has ${errors.length} error(s):\n${text}`;
        if (isBuild) this.error(message);
        else this.warn(message);
      }
    },
    resolveId(id) {
      if (id === PREFIX || id.startsWith(`${PREFIX}/`)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const r = result ?? compile();
      if (id === RESOLVED) return indexModule(r);
      const sub = id.slice(RESOLVED.length + 1);
      const code = payload(r, sub);
      if (code === null) this.error(`Unknown course module ${id.slice(1)}`);
      return code;
    },
    configureServer(server: ViteDevServer) {
      const watched = [
        path.join(options.root, 'lessons'),
        path.join(options.root, 'locales'),
        path.join(options.root, 'quizzes'),
      ];
      server.watcher.add(watched);
      const onChange = (file: string) => {
        if (!watched.some((w) => file.startsWith(w)) || file.endsWith('.ts')) return;
        const r = compile();
        for (const d of r.diagnostics) server.config.logger.warn(formatDiagnostic(d));
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith(RESOLVED)) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}

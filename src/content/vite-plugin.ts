import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileCourse, formatDiagnostic, type CompileResult } from './compile.ts';
import { CONTENT_LOCALES, type ContentLocale } from './model.ts';
import type { CompiledQuiz, ItemStructure, QuizKey, QuizStructure, QuizText } from './quiz-model.ts';

/** What the browser loads to show a quiz: every item without its rubric, and the locale's text. */
export function publicQuiz(
  q: CompiledQuiz,
  locale: ContentLocale,
): { structure: QuizStructure; text: QuizText } {
  const items = q.definition.items.map((item): ItemStructure => {
    const { rubric: _rubric, ...rest } = item;
    return rest;
  });
  return { structure: { ...q.definition, items }, text: q.text[locale] };
}

/** The key part of a quiz: rubrics and the locale's feedback, loaded at submit time. */
export function quizKey(q: CompiledQuiz, locale: ContentLocale): QuizKey {
  return {
    id: q.definition.id,
    rubrics: Object.fromEntries(q.definition.items.map((i) => [i.id, i.rubric])),
    feedback: q.feedback[locale],
  };
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
 *   literal dynamic imports, so the lesson bodies of each locale (one chunk per locale: about
 *   40 KB gzipped, after which every lesson opens at once), the report and each translation
 *   are lazily loaded chunks and the initial JS stays small.
 * - `virtual:course/<kind>/<key>` — one JSON payload each.
 * - Quizzes in two parts per locale: `quiz/<group>/<locale>` (structure, stems and choices: what
 *   is shown) and `quiz-key/<group>/<locale>` (rubrics and feedback), imported only when the
 *   learner submits, so no answer is in the page, its DOM or its accessibility tree before that.
 *   The groups are `formative` (every lesson check) and `final` (the assessment, so a formative
 *   submit never downloads the assessment's key). One chunk per group and locale instead of one
 *   per quiz: small files compress poorly one by one, and the SCORM zip has a size budget.
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
   * The start-up module. Loaders are built at run time from the index, one function per chunk and
   * a small map over it, rather than written out per lesson × locale and quiz × locale: the
   * written-out form cost the first load about 4 KB gzipped. Each chunk's dynamic import stays a
   * literal, so the bundler still sees and splits every chunk.
   */
  function indexModule(r: CompileResult): string {
    const importer = (mod: string) => `() => import(${JSON.stringify(`${PREFIX}/${mod}`)})`;
    const byLocale = (kind: string, locales: readonly string[]) =>
      `{ ${locales.map((loc) => `${JSON.stringify(loc)}: ${importer(`${kind}/${loc}`)}`).join(', ')} }`;
    const lessonLocales = [...new Set(r.lessons.map((l) => l.locale))];
    const groups = [...new Set(r.quizzes.map(quizGroup))];
    const byGroup = (kind: string) =>
      `{ ${groups.map((g) => `${JSON.stringify(g)}: ${byLocale(`${kind}/${g}`, CONTENT_LOCALES)}`).join(', ')} }`;
    // Lessons: the compiled (lesson, locale) pairs; quizzes: every quiz in every content locale.
    const lessonKeys = r.lessons.map((l) => [l.id, l.locale]);
    const quizKeys = r.quizzes.map((q) => [q.definition.id, quizGroup(q)]);
    return `export const index = JSON.parse(${JSON.stringify(JSON.stringify(r.index))});
const pick = (load, id) => () => load().then((m) => ({ default: m.default[id] }));
const lessonChunks = ${byLocale('lessons', lessonLocales)};
export const lessonLoaders = Object.fromEntries(${JSON.stringify(lessonKeys)}.map(([id, loc]) => [id + '/' + loc, pick(lessonChunks[loc], id)]));
export const loadReport = ${importer('report')};
export const translationLoaders = ${byLocale('translation', Object.keys(r.translations))};
const quizLocales = ${JSON.stringify(CONTENT_LOCALES)};
const quizLoadersOf = (chunks) => Object.fromEntries(${JSON.stringify(quizKeys)}.flatMap(([id, group]) => quizLocales.map((loc) => [id + '/' + loc, pick(chunks[group][loc], id)])));
export const quizLoaders = quizLoadersOf(${byGroup('quiz')});
export const quizKeyLoaders = quizLoadersOf(${byGroup('quiz-key')});
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
      const inLocale = r.lessons.filter((l) => l.locale === key);
      return inLocale.length > 0 ? json(Object.fromEntries(inLocale.map((l) => [l.id, l]))) : null;
    }
    if (kind === 'quiz' || kind === 'quiz-key') {
      const [grp, loc] = rest as [string, ContentLocale];
      const members = r.quizzes.filter((x) => quizGroup(x) === grp);
      if (members.length === 0 || !CONTENT_LOCALES.includes(loc)) return null;
      return json(
        Object.fromEntries(
          members.map((q) => [q.definition.id, kind === 'quiz' ? publicQuiz(q, loc) : quizKey(q, loc)]),
        ),
      );
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

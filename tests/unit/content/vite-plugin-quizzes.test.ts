import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { compileCourse } from '../../../src/content/compile.ts';
import type { QuizKey, QuizStructure, QuizText } from '../../../src/content/quiz-model.ts';
import { coursePlugin, publicQuiz, quizKey } from '../../../src/content/vite-plugin.ts';
import { fixtureRoot, removeRoot } from './fixture-root.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeRoot));

interface Loaded {
  quizLoaders: Record<string, () => Promise<{ default: { structure: QuizStructure; text: QuizText } }>>;
  quizKeyLoaders: Record<string, () => Promise<{ default: QuizKey }>>;
}

/**
 * Builds an entry that only references the quiz loaders, as the app does, into a folder of its
 * own (never into the project); returns the chunks by the course module they hold and the
 * entry, loaded for real so its loaders fetch the chunks.
 */
async function buildQuizzes(root: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-chunks-'));
  roots.push(dir);
  const entry = path.join(dir, 'entry.js');
  fs.writeFileSync(entry, `export { quizLoaders, quizKeyLoaders } from 'virtual:course';\n`);
  const outDir = path.join(dir, 'out');
  const out = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [coursePlugin({ root })],
    build: {
      outDir,
      lib: { entry, formats: ['es'], fileName: () => 'entry.js' },
      rollupOptions: { output: { chunkFileNames: '[name]-[hash].js' } },
    },
  });
  fs.writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }');
  const chunks = (Array.isArray(out) ? out : [out])
    .flatMap((o) => ('output' in o ? o.output : []))
    .filter((o) => o.type === 'chunk');
  /** Course module (e.g. `quiz-text/formative/en`) -> the code of its chunk. */
  const byModule = new Map(
    chunks.flatMap((c) => (c.facadeModuleId?.startsWith('\0virtual:course/') ? [[c.facadeModuleId.slice('\0virtual:course/'.length), c.code] as const] : [])),
  );
  const loaded = (await import(pathToFileURL(path.join(outDir, 'entry.js')).href)) as Loaded;
  return { byModule, loaded };
}

// Payloads are JSON inside a string literal: keys appear with escaped quotes.
const has = (code: string, key: string) => code.includes(`\\"${key}\\"`);

describe('quiz modules of the Vite course plugin', () => {
  it('ships structure and text without the key, and rubrics and feedback apart, joined again by the loaders', async () => {
    const root = fixtureRoot('valid');
    roots.push(root);
    const { byModule, loaded } = await buildQuizzes(root);
    const course = compileCourse({ root });
    const compiled = course.quizzes.find((q) => q.definition.id === '01-intro')!;
    const shown = [...byModule].filter(([m]) => /^quiz(-text)?\//.test(m));
    const keys = [...byModule].filter(([m]) => /^quiz-(key|feedback)\//.test(m));
    // Structure once per group (it is the same in every language), text per locale; the same for the key.
    expect(shown.map(([m]) => m).sort()).toEqual(['quiz-text/formative/en', 'quiz-text/formative/es', 'quiz-text/formative/zh', 'quiz/formative']);
    expect(keys.map(([m]) => m).sort()).toEqual(['quiz-feedback/formative/en', 'quiz-feedback/formative/es', 'quiz-feedback/formative/zh', 'quiz-key/formative']);
    for (const [, code] of shown) {
      for (const answer of ['rubric', 'rubrics', 'correct', 'explanation']) expect(has(code, answer)).toBe(false);
    }
    expect(has(byModule.get('quiz/formative')!, 'items')).toBe(true);
    expect(has(byModule.get('quiz-text/formative/en')!, 'stem')).toBe(true);
    for (const [, code] of keys) expect(has(code, 'stem')).toBe(false);
    expect(has(byModule.get('quiz-feedback/formative/es')!, 'explanation')).toBe(true);
    for (const locale of ['es', 'en', 'zh'] as const) {
      expect((await loaded.quizLoaders[`01-intro/${locale}`]!()).default).toEqual(publicQuiz(compiled, locale));
      expect((await loaded.quizKeyLoaders[`01-intro/${locale}`]!()).default).toEqual(quizKey(compiled, locale));
    }
  });

  it('groups the formative checks apart from the final assessment, never mixing their keys', async () => {
    const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
    const { byModule } = await buildQuizzes(root);
    const modules = [...byModule.keys()].filter((m) => m.startsWith('quiz')).sort();
    expect(modules).toEqual([
      ...['final', 'formative'].flatMap((g) => ['es', 'en', 'zh'].map((l) => `quiz-feedback/${g}/${l}`)).sort(),
      'quiz-key/final',
      'quiz-key/formative',
      ...['final', 'formative'].flatMap((g) => ['es', 'en', 'zh'].map((l) => `quiz-text/${g}/${l}`)).sort(),
      'quiz/final',
      'quiz/formative',
    ]);
    for (const [m, code] of byModule) {
      if (!m.startsWith('quiz')) continue;
      // The formative chunks never name the assessment; its key chunks hold only its own items
      // (its structure names the lessons its items come from, its key does not).
      const final = m.includes('/final');
      expect(has(code, 'final')).toBe(final);
      if (/^quiz-(key|feedback)\//.test(m)) expect(has(code, '01-mexico-report')).toBe(!final);
    }
  });
});

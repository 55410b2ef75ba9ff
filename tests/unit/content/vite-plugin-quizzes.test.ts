import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { coursePlugin } from '../../../src/content/vite-plugin.ts';
import { fileURLToPath } from 'node:url';
import { fixtureRoot, removeRoot } from './fixture-root.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeRoot));

/** Builds an entry that only references the quiz loaders, as the app does. */
async function chunksOf(root: string, entryDir = root) {
  const entry = path.join(entryDir, 'entry.js');
  fs.writeFileSync(
    entry,
    `import * as c from 'virtual:course';
export const quizzes = c.index.quizzes;
export const show = (k) => c.quizLoaders[k]();
export const submit = (k) => c.quizKeyLoaders[k]();
export const keys = [Object.keys(c.quizLoaders).sort(), Object.keys(c.quizKeyLoaders).sort()];
`,
  );
  const out = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [coursePlugin({ root })],
    build: {
      write: false,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      rollupOptions: { output: { chunkFileNames: '[name].js' } },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
  return outputs.filter((o) => o.type === 'chunk');
}

describe('quiz modules of the Vite course plugin', () => {
  it('ships stems and choices without the key, and the key with its feedback in a chunk of its own', async () => {
    const root = fixtureRoot('valid');
    roots.push(root);
    const chunks = await chunksOf(root);
    // Payloads are JSON inside a string literal: keys appear with escaped quotes.
    const has = (code: string, key: string) => code.includes(`\\"${key}\\"`);
    const entry = chunks.find((c) => c.isEntry)!;
    // Every quiz has a loader for its structure and one for its key in each content locale.
    const mod = (await import('data:text/javascript,' + encodeURIComponent(entry.code.replace(/import\(["'][^"']+["']\)/g, 'Promise.resolve({})')))) as { keys: string[][] };
    expect(mod.keys[0]).toEqual(expect.arrayContaining(['01-intro/en', '01-intro/es', '01-intro/zh']));
    expect(mod.keys[1]).toEqual(mod.keys[0]);
    expect(has(entry.code, 'rubric')).toBe(false);
    const shown = chunks.filter((c) => !c.isEntry && has(c.code, 'structure'));
    const keys = chunks.filter((c) => !c.isEntry && has(c.code, 'rubrics'));
    expect(shown).toHaveLength(3);
    expect(keys).toHaveLength(3);
    for (const c of shown) {
      expect(has(c.code, 'rubric')).toBe(false);
      expect(has(c.code, 'explanation')).toBe(false);
      expect(has(c.code, 'stem')).toBe(true);
    }
    for (const c of keys) {
      expect(has(c.code, 'explanation')).toBe(true);
      expect(has(c.code, 'stem')).toBe(false);
    }
  });

  it('groups quizzes into one chunk per locale for the formative checks and one for the final, never mixing their keys', async () => {
    const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
    // The entry goes to a folder of its own: never write into the project.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-chunks-'));
    roots.push(dir);
    const chunks = await chunksOf(root, dir);
    const has = (code: string, key: string) => code.includes(`\\"${key}\\"`);
    const keys = chunks.filter((c) => !c.isEntry && has(c.code, 'rubrics'));
    const shown = chunks.filter((c) => !c.isEntry && has(c.code, 'structure'));
    expect(keys).toHaveLength(6);
    expect(shown).toHaveLength(6);
    const finalKeys = keys.filter((c) => has(c.code, 'final'));
    expect(finalKeys).toHaveLength(3);
    for (const c of keys) {
      const formative = has(c.code, '01-mexico-report');
      expect(formative !== finalKeys.includes(c)).toBe(true);
    }
  });
});

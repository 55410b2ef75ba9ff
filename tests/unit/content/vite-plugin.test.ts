import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { compileCourse } from '../../../src/content/compile.ts';
import { coursePlugin, LESSONS_PER_CHUNK } from '../../../src/content/vite-plugin.ts';
import { fixtureRoot, removeRoot } from './fixture-root.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeRoot));

/** Builds a tiny entry that imports `virtual:course` and writes what it exports, through the plugin. */
async function buildWith(root: string, entryDir = root) {
  const entry = path.join(entryDir, 'entry.js');
  fs.writeFileSync(
    entry,
    `import * as c from 'virtual:course';
export const lessons = c.index.lessons.map((l) => l.id);
export const loaders = Object.keys(c.lessonLoaders).sort();
export const translations = Object.keys(c.translationLoaders).sort();
export const load = (k) => c.lessonLoaders[k]();
`,
  );
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [coursePlugin({ root })],
    build: { write: false, lib: { entry, formats: ['es'], fileName: 'entry' }, rollupOptions: { output: { chunkFileNames: '[name].js' } } },
  });
}

describe('the Vite course plugin', () => {
  it('serves the index with the lesson bodies in lazily loaded chunks, apart from the index', async () => {
    const root = fixtureRoot('valid');
    roots.push(root);
    const out = await buildWith(root);
    const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
    const chunks = outputs.filter((o) => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry)!;
    // Lesson bodies are not in the entry: each locale's lessons are one chunk.
    // Payloads are JSON inside a string literal, so keys appear with escaped quotes.
    const hasKey = (code: string, key: string) => code.includes(`\\"${key}\\"`);
    const lessonChunks = chunks.filter((c) => !c.isEntry && hasKey(c.code, 'sections'));
    expect(lessonChunks).toHaveLength(3);
    const mod = (await import('data:text/javascript,' + encodeURIComponent(entry.code.replace(/import\(["'][^"']+["']\)/g, 'Promise.resolve({})')))) as { loaders: string[] };
    expect(mod.loaders).toEqual(['01-intro/en', '01-intro/es', '01-intro/zh']);
    expect(hasKey(entry.code, 'sections')).toBe(false);
    expect(hasKey(entry.code, 'sectionIds')).toBe(true);
  });

  it('puts LESSONS_PER_CHUNK consecutive lessons of one language in each chunk', async () => {
    const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-chunks-'));
    roots.push(dir);
    const out = await buildWith(root, dir);
    const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : [])).filter((o) => o.type === 'chunk');
    const ids = compileCourse({ root }).index.lessons.map((l) => l.id);
    const lessonChunks = new Map(
      chunks.flatMap((c) => {
        const m = /^\0virtual:course\/lessons\/(\w+)\/(\d+)$/.exec(c.facadeModuleId ?? '');
        return m ? [[`${m[1]}/${m[2]}`, ids.filter((id) => c.code.includes(`\\"${id}\\":{\\"id\\"`))] as const] : [];
      }),
    );
    const perLocale = Math.ceil(ids.length / LESSONS_PER_CHUNK);
    expect(lessonChunks.size).toBe(3 * perLocale);
    for (const locale of ['es', 'en', 'zh']) {
      for (let n = 0; n < perLocale; n++) {
        expect(lessonChunks.get(`${locale}/${n}`)).toEqual(ids.slice(n * LESSONS_PER_CHUNK, (n + 1) * LESSONS_PER_CHUNK));
      }
    }
  });

  it('fails the build listing every diagnostic when the content has errors', async () => {
    const root = fixtureRoot('cite002-unknown');
    roots.push(root);
    await expect(buildWith(root)).rejects.toThrow(/CITE002 paragraph ¶97 does not exist/);
  });
});

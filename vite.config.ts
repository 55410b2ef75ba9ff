import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { coursePlugin } from './src/content/vite-plugin.ts';
import { uiPartsPlugin } from './src/content/ui-parts.ts';

/**
 * The built course runs under this policy: only its own files, no inline script or style, no
 * eval. (A meta policy cannot set frame-ancestors: an LMS frames the course.) Dev mode is exempt
 * because Vite injects inline scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function cspPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));
const BOOT = path.join(root, 'src/boot.ts');

/**
 * src/boot.ts is an entry of its own, loaded with `async` so it runs as soon as it arrives, before
 * the framework has: it starts downloading the first screen's route and content. (A second module
 * script in index.html would become part of the app's entry and wait for all of it.)
 */
function bootPlugin(): Plugin {
  return {
    name: 'boot-entry',
    apply: 'build',
    buildStart() {
      bootClosure.clear();
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === BOOT);
        if (!boot) throw new Error('the src/boot.ts entry is missing from the bundle');
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `./${boot.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

type ModuleInfoLookup = { getModuleInfo(id: string): { importers: readonly string[] } | null };
const bootClosure = new Map<string, boolean>();
/** True for src/boot.ts and every module it imports statically (none of them may import React). */
function bootNeeds(id: string, ctx: ModuleInfoLookup, seen = new Set<string>()): boolean {
  if (id === BOOT) return true;
  const known = bootClosure.get(id);
  if (known !== undefined) return known;
  if (seen.has(id)) return false;
  seen.add(id);
  const result = (ctx.getModuleInfo(id)?.importers ?? []).some((i) => bootNeeds(i, ctx, seen));
  bootClosure.set(id, result);
  return result;
}

export default defineConfig({
  // Relative asset paths: an LMS serves the course from a folder we do not control.
  base: './',
  plugins: [react(), coursePlugin({ root }), uiPartsPlugin(), cspPlugin(), bootPlugin()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // The course must run under a strict CSP: no inline scripts, no eval; keep module preload polyfill out.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { index: path.join(root, 'index.html'), boot: BOOT },
      output: {
        // Few, larger chunks on the critical path: on a slow link each extra file costs a
        // connection and a round trip more than its bytes. The boot module's own needs (the course
        // index and the route matcher, no React) are one chunk, so it runs before the framework
        // arrives; the framework is one; the rest of the first load is one; and what every page
        // route shares (content rendering, citations, not-found) is one.
        codeSplitting: {
          groups: [
            { name: (id, ctx) => (bootNeeds(id, ctx) ? 'boot' : null), debugName: 'boot' },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] },
            { name: 'app', tags: ['$initial'] },
            { name: 'page', test: /src[\\/](ui[\\/]content[\\/]render|ui[\\/]cite-button|routes[\\/]not-found|content[\\/]model)\.tsx?$/ },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
});

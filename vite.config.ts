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

export default defineConfig({
  // Relative asset paths: an LMS serves the course from a folder we do not control.
  base: './',
  plugins: [react(), coursePlugin({ root }), uiPartsPlugin(), cspPlugin()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // The course must run under a strict CSP: no inline scripts, no eval; keep module preload polyfill out.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { port: 5173 },
});

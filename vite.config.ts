import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { coursePlugin } from './src/content/vite-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // Relative asset paths: an LMS serves the course from a folder we do not control.
  base: './',
  plugins: [react(), coursePlugin({ root })],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // The course must run under a strict CSP: no inline scripts, no eval; keep module preload polyfill out.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { port: 5173 },
});

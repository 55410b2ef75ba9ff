import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { launchBrowserServer, CHROMIUM_PATH } from '../support/chromium.ts';
import { serveStatic } from '../support/static-server.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The nested folder the course is served from, as an LMS would. */
export const COURSE_PREFIX = '/lms/content/12/';

declare module 'vitest' {
  export interface ProvidedContext {
    wsEndpoint: string;
    courseUrl: string;
  }
}

/**
 * Builds the course once, serves dist/web under a nested path and starts one Chromium that all
 * browser test files connect to.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
  // vitest sets NODE_ENV=test, and Vite then builds React's development bundles (StrictMode
  // double effects, 3× the JS): test the production build a learner gets.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', mode: 'production', configFile: path.join(root, 'vite.config.ts') });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await serveStatic(path.join(root, 'dist/web'), COURSE_PREFIX);
  const browser = await launchBrowserServer();
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('courseUrl', server.url);
  return async () => {
    await browser.close();
    await server.close();
  };
}

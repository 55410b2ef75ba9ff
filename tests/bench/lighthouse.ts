/**
 * Lighthouse 12 (mobile preset, simulated throttling) on routes of the built course, served
 * under a nested folder with gzip as a production web server would, for `npm run bench`.
 * Debian's Chromium (CHROME_PATH, else /usr/bin/chromium).
 */
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../support/chromium.ts';
import { serveStatic } from '../support/static-server.ts';

/** A free loopback port for Chromium's DevTools endpoint, which Lighthouse drives. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface LighthouseResult {
  route: string;
  performance: number;
  accessibility: number;
  /** Audits that did not pass, for the report (id: display value). */
  findings: string[];
}

export async function runLighthouse(webDir: string, routes: string[]): Promise<LighthouseResult[]> {
  const server = await serveStatic(webDir, '/lms/content/12/', {}, { gzip: true });
  const port = await freePort();
  const chrome = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const out: LighthouseResult[] = [];
    for (const route of routes) {
      const result = await lighthouse(`${server.url}#${route}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for #${route}`);
      const { categories, audits } = result.lhr;
      out.push({
        route,
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        findings: Object.values(audits)
          .filter((a) => a.score !== null && a.score < 0.9 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`),
      });
    }
    return out;
  } finally {
    await chrome.close();
    await server.close();
  }
}

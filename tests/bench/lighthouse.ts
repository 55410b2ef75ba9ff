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
  /** The median performance score of the runs. */
  performance: number;
  /** Every run's performance score, in run order. */
  performanceRuns: number[];
  /** The lowest accessibility score of the runs (it does not vary; the lowest is the strict one). */
  accessibility: number;
  /** The median run's metrics: first and largest contentful paint, total blocking time (ms). */
  metrics: { fcp: number; lcp: number; tbt: number };
  /** Audits that did not pass in the median run, for the report (id: display value). */
  findings: string[];
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** Runs per route. Lighthouse's own guidance: a single run varies; report the median of several. */
export const LIGHTHOUSE_RUNS = 3;

export async function runLighthouse(
  webDir: string,
  routes: string[],
  runs = LIGHTHOUSE_RUNS,
): Promise<LighthouseResult[]> {
  const server = await serveStatic(webDir, '/lms/content/12/', {}, { gzip: true });
  const port = await freePort();
  const chrome = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const out: LighthouseResult[] = [];
    for (const route of routes) {
      const results: Lhr[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${server.url}#${route}`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for #${route}`);
        results.push(result.lhr);
      }
      const score = (lhr: Lhr, c: string) =>
        Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const byScore = [...results].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const median = byScore[Math.floor(byScore.length / 2)]!;
      const metric = (id: string) => Math.round(median.audits[id]?.numericValue ?? Number.NaN);
      out.push({
        route,
        performance: score(median, 'performance'),
        performanceRuns: results.map((r) => score(r, 'performance')),
        accessibility: Math.min(...results.map((r) => score(r, 'accessibility'))),
        metrics: {
          fcp: metric('first-contentful-paint'),
          lcp: metric('largest-contentful-paint'),
          tbt: metric('total-blocking-time'),
        },
        findings: Object.values(median.audits)
          .filter(
            (a) =>
              a.score !== null &&
              a.score < 0.9 &&
              !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode),
          )
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`),
      });
    }
    return out;
  } finally {
    await chrome.close();
    await server.close();
  }
}

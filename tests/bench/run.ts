/**
 * `npm run bench`: the project's measurements, compared with their budgets.
 * Prints one table, writes dist/bench.json, exits 1 when a budget fails.
 */
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { compileCourse } from '../../src/content/compile.ts';
import { analyseClass, buildClassData, parseResultsFile } from '../../src/analytics/index.ts';
import {
  simulateClassData,
  simulatedMeta,
  simulateRecords,
  spreadItems,
} from '../../src/analytics/simulate.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { serveStatic } from '../support/static-server.ts';
import { worstCaseState } from '../support/resume-states.ts';
import { encodeState } from '../../src/tracking/state-codec.ts';
import { MAX_PACKAGE_BYTES, writePackages } from '../../scorm/package.ts';
import { startLms } from '../browser/lms-frame.ts';
import { runLighthouse } from './lighthouse.ts';
import { scriptedRun } from './scripted-run.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = path.join(root, 'dist');

interface Row {
  metric: string;
  value: number;
  unit: string;
  budget?: number;
  /** 'max': value must be <= budget. */
  kind?: 'max' | 'min';
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** A bare app of the same stack rendering one line: the yardstick for our initial JS. */
async function buildBare(): Promise<string> {
  const src = path.join(dist, 'bench', 'bare-src');
  const out = path.join(dist, 'bench', 'bare');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  writeFileSync(
    path.join(src, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>bare</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
  );
  writeFileSync(
    path.join(src, 'main.tsx'),
    `import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { create } from 'zustand';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
const useStore = create<{ n: number }>(() => ({ n: 1 }));
await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: { hello: 'Hello {{n}}' } } } });
function Line() { const n = useStore((s) => s.n); const { t } = useTranslation(); return <p>{t('hello', { n })}</p>; }
const router = createHashRouter([{ path: '/', element: <Line /> }]);
createRoot(document.getElementById('root')!).render(<RouterProvider router={router} />);
`,
  );
  await build({
    root: src,
    configFile: false,
    logLevel: 'warn',
    base: './',
    plugins: [react()],
    build: { outDir: out, emptyOutDir: true, modulePreload: { polyfill: false } },
  });
  return out;
}

/** Gzipped bytes of every script Chromium loads until the route has rendered. */
async function initialJs(
  dir: string,
  route: string,
  ready: string,
): Promise<{ bytes: number; files: string[] }> {
  const server = await serveStatic(dir, '/lms/content/12/');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}#${route}`);
    await page.waitForSelector(ready);
    await page.waitForLoadState('networkidle');
    let bytes = 0;
    for (const p of scripts) bytes += gz(readFileSync(path.join(dir, p.replace('/lms/content/12/', ''))));
    return { bytes, files: [...scripts].map((p) => path.basename(p)) };
  } finally {
    await browser.close();
    await server.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main() {
  const rows: Row[] = [];
  const t0 = performance.now();
  process.stdout.write('building the bare stack… ');
  const bareDir = await buildBare();
  process.stdout.write('building the course… ');
  await build({ root, logLevel: 'warn', configFile: path.join(root, 'vite.config.ts') });
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const bare = await initialJs(bareDir, '/', '#root p');
  const course = await initialJs(path.join(dist, 'web'), '/', 'main h1');
  rows.push({ metric: 'bare stack initial JS (gz)', value: bare.bytes / 1024, unit: 'KB' });
  rows.push({ metric: 'learner route initial JS (gz)', value: course.bytes / 1024, unit: 'KB' });
  rows.push({
    metric: 'initial JS ratio (course / bare)',
    value: course.bytes / bare.bytes,
    unit: '×',
    budget: 1.25,
    kind: 'max',
  });

  // Compile time: median of several runs, after one warm-up.
  compileCourse({ root });
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    compileCourse({ root });
    times.push(performance.now() - start);
  }
  rows.push({
    metric: 'content compile (whole course, median of 7)',
    value: median(times),
    unit: 'ms',
    budget: 1000,
    kind: 'max',
  });

  // Resume state (cmi.suspend_data) at its worst: every section visited, every quiz at its maximum attempts.
  const compiled = compileCourse({ root });
  const worst = worstCaseState(
    compiled.index,
    compiled.quizzes.map((q) => q.definition),
  );
  rows.push({
    metric: 'resume state, worst case',
    value: encodeState(worst, compiled.index).length,
    unit: 'chars',
    budget: 2000,
    kind: 'max',
  });

  // Class results: item analysis of 10,000 learners × 60 items (the instructor view's work on load).
  const classItems = spreadItems(60);
  const { data: classData } = simulateClassData({ learners: 10_000, items: classItems, seed: 1 });
  const classMeta = simulatedMeta(classItems);
  const coldStart = performance.now();
  analyseClass(classData, { meta: classMeta });
  rows.push({
    metric: 'class analysis 10,000 × 60, first run',
    value: performance.now() - coldStart,
    unit: 'ms',
  });
  const analysisTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    analyseClass(classData, { meta: classMeta });
    analysisTimes.push(performance.now() - start);
  }
  rows.push({
    metric: 'class analysis 10,000 × 60 (median of 7)',
    value: median(analysisTimes),
    unit: 'ms',
    budget: 200,
    kind: 'max',
  });
  const longCsv = [
    'learner,item,response,score',
    ...simulateRecords({ learners: 10_000, items: classItems, seed: 1 }).records.map(
      (r) => `${r.learner},${r.item},${r.response},${r.score}`,
    ),
  ].join('\n');
  const readStart = performance.now();
  buildClassData(parseResultsFile(longCsv, 'bench.csv').records);
  rows.push({
    metric: 'class results CSV read (600,000 rows)',
    value: performance.now() - readStart,
    unit: 'ms',
  });

  // Total size of the web build.
  const { readdirSync, statSync } = await import('node:fs');
  let total = 0;
  let totalGz = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const b = readFileSync(p);
        total += b.length;
        totalGz += gz(b);
      }
    }
  };
  walk(path.join(dist, 'web'));
  rows.push({ metric: 'web build total', value: total / 1024, unit: 'KB' });
  rows.push({ metric: 'web build total (gz)', value: totalGz / 1024, unit: 'KB' });

  // The SCORM packages, as `npm run package` writes them (from the dist/web just built).
  const zips = await writePackages(root, path.join(dist, 'web'), path.join(dist, 'packages'), {
    maxBytes: Number.POSITIVE_INFINITY,
  });
  for (const z of zips) {
    rows.push({
      metric: `SCORM ${z.version} zip (${path.basename(z.file)})`,
      value: z.bytes / 1024,
      unit: 'KB',
      budget: MAX_PACKAGE_BYTES / 1024,
      kind: 'max',
    });
  }

  // A scripted full run of each package in an LMS: SetValue and Commit calls, redundant writes.
  const notes: string[] = [];
  const runBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const site = await startLms(zips.map((z) => ({ version: z.version, file: z.file })));
  try {
    for (const version of ['2004', '1.2'] as const) {
      const run = await scriptedRun(runBrowser, site, version, compiled.index);
      rows.push({ metric: `SCORM ${version} full run: SetValue calls`, value: run.setValue, unit: '' });
      rows.push({ metric: `SCORM ${version} full run: Commit calls`, value: run.commit, unit: '' });
      rows.push({
        metric: `SCORM ${version} full run: redundant writes`,
        value: run.redundant,
        unit: '',
        budget: 0,
        kind: 'max',
      });
      rows.push({
        metric: `SCORM ${version} full run: calls the LMS refused`,
        value: run.failed.length,
        unit: '',
        budget: 0,
        kind: 'max',
      });
      if (run.redundantWrites.length > 0)
        notes.push(`SCORM ${version} redundant writes: ${run.redundantWrites.slice(0, 12).join('; ')}`);
      if (run.failed.length > 0)
        notes.push(`SCORM ${version} refused calls: ${run.failed.slice(0, 12).join('; ')}`);
    }
  } finally {
    await site.close();
    await runBrowser.close();
  }

  // Lighthouse 12, mobile: home, a lesson and the final assessment.
  const lessonRoute = `/lesson/${compiled.index.lessons[0]!.id}`;
  for (const lh of await runLighthouse(path.join(dist, 'web'), ['/', lessonRoute, '/assessment'])) {
    rows.push({
      metric: `Lighthouse performance #${lh.route} (median of ${lh.performanceRuns.length})`,
      value: lh.performance,
      unit: '',
      budget: 98,
      kind: 'min',
    });
    rows.push({
      metric: `Lighthouse accessibility #${lh.route}`,
      value: lh.accessibility,
      unit: '',
      budget: 100,
      kind: 'min',
    });
    notes.push(
      `Lighthouse #${lh.route}: performance runs ${lh.performanceRuns.join(', ')}; median run FCP ${lh.metrics.fcp} ms, LCP ${lh.metrics.lcp} ms, TBT ${lh.metrics.tbt} ms` +
        (lh.findings.length > 0 ? `; ${lh.findings.join('; ')}` : ''),
    );
  }

  const failures = rows.filter(
    (r) => r.budget !== undefined && (r.kind === 'min' ? r.value < r.budget : r.value > r.budget),
  );
  const W = Math.max(44, ...rows.map((r) => r.metric.length));
  const fmt = (n: number) => (Number.isInteger(n) || Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
  const lines = rows.map((r) => {
    const budget = r.budget === undefined ? '' : `${r.kind === 'min' ? '≥' : '≤'} ${fmt(r.budget)} ${r.unit}`;
    const verdict = r.budget === undefined ? '' : failures.includes(r) ? 'FAIL' : 'ok';
    return `| ${r.metric.padEnd(W)} | ${`${fmt(r.value)} ${r.unit}`.padStart(11)} | ${budget.padEnd(12)} | ${verdict.padEnd(4)} |`;
  });
  console.log(`\n| ${'metric'.padEnd(W)} | ${'value'.padStart(11)} | ${'budget'.padEnd(12)} | ok?  |`);
  console.log(`|${'-'.repeat(W + 2)}|${'-'.repeat(13)}|${'-'.repeat(14)}|------|`);
  console.log(lines.join('\n'));
  console.log(`\ninitial scripts (course): ${course.files.join(', ')}`);
  for (const n of notes) console.log(n);
  const machine = `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  mkdirSync(dist, { recursive: true });
  writeFileSync(
    path.join(dist, 'bench.json'),
    JSON.stringify(
      { date: new Date().toISOString(), machine, rows, failures: failures.map((f) => f.metric), notes },
      null,
      2,
    ),
  );
  console.log(`machine: ${machine}\nwritten: dist/bench.json`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} budget(s) failed: ${failures.map((f) => f.metric).join('; ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

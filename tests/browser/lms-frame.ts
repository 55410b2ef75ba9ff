/**
 * The packaged course as an LMS runs it, for the security gates: the SCORM zips that
 * `npm run package` writes (scorm/package.ts), unpacked under a nested folder, launched in a
 * frame of a host page whose scorm-again run-time is the LMS.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { nextLaunchData, type CmiRecord, type Launch, type LmsVersion } from '../../preview/launch-data.ts';
import { writePackages } from '../../scorm/package.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNTIME = { '1.2': 'scorm-again/scorm12/min', '2004': 'scorm-again/scorm2004/min' } as const;

export interface LmsSite {
  server: StaticServer;
  /** Zip file name (without .zip) per version. */
  packages: Record<LmsVersion, string>;
  close: () => Promise<void>;
}

/**
 * Packages the built course (dist/web, built by global-setup) as `npm run package` does, or takes
 * the zips already written (`zips`), unpacks both and serves them.
 */
export async function startLms(zips?: { version: LmsVersion; file: string }[]): Promise<LmsSite> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gate-lms-'));
  const built = zips ?? (await writePackages(root, path.join(root, 'dist', 'web'), path.join(tmp, 'zips'), { maxBytes: Number.POSITIVE_INFINITY }));
  const packages = {} as Record<LmsVersion, string>;
  for (const p of built) {
    const name = path.basename(p.file, '.zip');
    packages[p.version] = name;
    const dir = path.join(tmp, 'lms', 'content', name);
    for (const [entry, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(p.file))))) {
      mkdirSync(path.dirname(path.join(dir, entry)), { recursive: true });
      writeFileSync(path.join(dir, entry), bytes);
    }
  }
  writeFileSync(
    path.join(tmp, 'lms', 'player.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS player</title></head><body style="margin:0"><iframe id="sco" title="Course" style="width:100%;height:880px;border:0"></iframe></body></html>',
  );
  const server = await serveStatic(tmp, '/');
  return {
    server,
    packages,
    close: async () => {
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the host page, installs the LMS run-time for `launch`'s learner (a first launch, or a
 * return after the `previous` record) and launches the SCO. Returns the course's frame once home has rendered.
 */
export async function launchCourse(
  site: LmsSite,
  context: BrowserContext,
  version: LmsVersion,
  launch: Launch,
  previous: CmiRecord | null = null,
  opts: { record?: boolean } = {},
): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await page.goto(`${site.server.url}lms/player.html`);
  await page.addScriptTag({ path: require.resolve(RUNTIME[version]) });
  const kept = opts.record ? await page.evaluate((k) => localStorage.getItem(k), recordKey(version)) : null;
  await page.evaluate(
    ({ version, data, src, key, record }) => {
      const w = window as unknown as Record<string, unknown>;
      const Api = (version === '1.2' ? w.Scorm12API : w.Scorm2004API) as new (s: object) => Record<string, (...a: unknown[]) => unknown>;
      const rt = new Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
      rt.loadFromJSON!(data as never, '');
      if (!record) {
        w[version === '1.2' ? 'API' : 'API_1484_11'] = rt;
      } else {
        // What an LMS keeps, across tabs: every call but reads, with a flag on a SetValue whose
        // value the LMS already held; and the record after each successful commit.
        const [get, err] = version === '1.2' ? ['LMSGetValue', 'LMSGetLastError'] : ['GetValue', 'GetLastError'];
        const lastSet = new Map<string, string>();
        const calls = JSON.parse(localStorage.getItem(`${key}:calls`) ?? '[]') as { fn: string; args: string[]; result: string; redundant?: boolean }[];
        const api: Record<string, (...a: string[]) => string> = {};
        const names =
          version === '1.2'
            ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
            : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];
        for (const fn of names) {
          api[fn] = (...args: string[]) => {
            let redundant: boolean | undefined;
            if (/SetValue$/.test(fn)) {
              const [element, value] = args as [string, string];
              let before = lastSet.get(element);
              if (before === undefined) {
                const v = String(rt[get]!(element));
                if (String(rt[err]!()) === '0') before = v;
              }
              redundant = before === value;
              lastSet.set(element, value);
            }
            const result = String(rt[fn]!(...args));
            if (!/Get/.test(fn)) {
              calls.push({ fn, args, result, ...(redundant ? { redundant } : {}) });
              localStorage.setItem(`${key}:calls`, JSON.stringify(calls));
            }
            if (/Commit|Finish|Terminate/.test(fn) && result === 'true') {
              localStorage.setItem(key, JSON.stringify((rt.renderCommitCMI!(true) as { cmi: unknown }).cmi));
            }
            return result;
          };
        }
        w[version === '1.2' ? 'API' : 'API_1484_11'] = api;
      }
      (document.getElementById('sco') as HTMLIFrameElement).src = src;
    },
    {
      version,
      data: nextLaunchData(version, previous ?? (kept ? (JSON.parse(kept) as CmiRecord) : null), launch),
      src: `content/${site.packages[version]}/index.html`,
      key: recordKey(version),
      record: Boolean(opts.record),
    },
  );
  await page.frameLocator('#sco').locator('main[data-path="/"] h1').waitFor();
  const frame = page.frames().find((f) => f.url().includes('/lms/content/'));
  if (!frame) throw new Error('the course frame did not load');
  return { page, frame };
}

/** Moves the course in `frame` to a hash route and waits until it has rendered. */
export async function openInFrame(frame: Frame, route: string): Promise<void> {
  await frame.evaluate((r) => (location.hash = `#${r}`), route);
  await frame.waitForFunction(
    (r) => {
      const main = document.querySelector('main[data-path]');
      return main?.getAttribute('data-path') === r && main.querySelector('h1') !== null && !document.querySelector('[role="status"].loading');
    },
    route,
    { timeout: 15_000 },
  );
}

const recordKey = (version: LmsVersion) => `gate-lms:${version}`;

export interface LmsCall {
  fn: string;
  args: string[];
  result: string;
  /** SetValue of the value the LMS already held for that element. */
  redundant?: boolean;
}

/**
 * What a recorded LMS (launchCourse with `record`) has kept so far, across tabs: every call but
 * reads, and the CMI record of the last successful commit (null before the first).
 */
export async function recordedLms(site: LmsSite, context: BrowserContext, version: LmsVersion): Promise<{ calls: LmsCall[]; record: Record<string, unknown> | null }> {
  const page = await context.newPage();
  await page.goto(`${site.server.url}lms/player.html`);
  const [record, calls] = await page.evaluate((k) => [localStorage.getItem(k), localStorage.getItem(`${k}:calls`)], recordKey(version));
  await page.close();
  return { calls: JSON.parse(calls ?? '[]') as LmsCall[], record: JSON.parse(record ?? 'null') as Record<string, unknown> | null };
}

/** The calls a recorded LMS (launchCourse with `record`) has kept so far, across tabs. */
export async function recordedCalls(site: LmsSite, context: BrowserContext, version: LmsVersion): Promise<LmsCall[]> {
  return (await recordedLms(site, context, version)).calls;
}

import { isScorm12Api, isScorm2004Api, type Scorm12Api, type Scorm2004Api, type ScormVersion } from './lms-api.ts';

/**
 * Finds the LMS's run-time API the way ADL's API discovery algorithm does: look in this window,
 * then up its chain of parents, a bounded number of steps (an LMS may nest the SCO a few frames
 * deep; a loop or a hostile page must not keep us searching); if nothing is found, the same in
 * the chain of the window that opened this one (an LMS that launches the course in a pop-up).
 * SCORM 2004 names the object `API_1484_11`, SCORM 1.2 `API`.
 *
 * Frames of another origin throw when read: such a frame is skipped, not fatal.
 */

export type FoundApi = { version: '2004'; api: Scorm2004Api } | { version: '1.2'; api: Scorm12Api };

export interface DiscoveryOptions {
  /**
   * The version the package was built for (see {@link packagedVersion}); it is looked for first,
   * and the other only if it is absent. Without it, 2004 is looked for first.
   */
  prefer?: ScormVersion;
  /** Parent steps to climb in each chain; ADL's sample code uses 500 (2004) and 7 (1.2). */
  maxDepth?: number;
}

/** Parents climbed at most: deeper than any LMS nests a SCO, small enough to end quickly. */
export const MAX_DEPTH = 10;

const API_NAME: Record<ScormVersion, 'API' | 'API_1484_11'> = { '1.2': 'API', '2004': 'API_1484_11' };

/** Reads `win[name]` if it is an API of the version; undefined when absent or not readable. */
function apiIn(win: Window, version: ScormVersion): Scorm12Api | Scorm2004Api | undefined {
  try {
    const candidate: unknown = (win as unknown as Record<string, unknown>)[API_NAME[version]];
    if (version === '2004' ? isScorm2004Api(candidate) : isScorm12Api(candidate)) return candidate as Scorm12Api | Scorm2004Api;
  } catch {
    /* another origin's window */
  }
  return undefined;
}

function parentOf(win: Window): Window | null {
  try {
    return win.parent && win.parent !== win ? win.parent : null;
  } catch {
    return null;
  }
}

function openerOf(win: Window): Window | null {
  try {
    return (win.opener as Window | null) ?? (win.top && win.top !== win ? (win.top.opener as Window | null) : null);
  } catch {
    return null;
  }
}

/** The API in `start` or one of its parents, at most `maxDepth` steps up. */
function scanChain(start: Window, version: ScormVersion, maxDepth: number): Scorm12Api | Scorm2004Api | undefined {
  let win: Window | null = start;
  for (let depth = 0; win && depth <= maxDepth; depth++) {
    const api = apiIn(win, version);
    if (api) return api;
    win = parentOf(win);
  }
  return undefined;
}

function find(win: Window, version: ScormVersion, maxDepth: number): FoundApi | null {
  let api = scanChain(win, version, maxDepth);
  if (!api) {
    const opener = openerOf(win);
    if (opener) api = scanChain(opener, version, maxDepth);
  }
  if (!api) return null;
  return version === '2004' ? { version, api: api as Scorm2004Api } : { version, api: api as Scorm12Api };
}

/** The LMS's API for this window, or null when the course runs without an LMS. */
export function findLmsApi(win: Window, opts: DiscoveryOptions = {}): FoundApi | null {
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  const order: ScormVersion[] = opts.prefer === '1.2' ? ['1.2', '2004'] : ['2004', '1.2'];
  for (const version of order) {
    const found = find(win, version, maxDepth);
    if (found) return found;
  }
  return null;
}

/**
 * The SCORM version the package was built for, from `<meta name="scorm-version" content="1.2">`
 * (the packager writes it into each zip's index.html); undefined in the plain web build.
 */
export function packagedVersion(doc: Document): ScormVersion | undefined {
  const content = doc.querySelector('meta[name="scorm-version"]')?.getAttribute('content');
  return content === '1.2' || content === '2004' ? content : undefined;
}

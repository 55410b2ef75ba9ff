import type { LmsAdapter } from './adapter.ts';
import { findLmsApi, packagedVersion } from './discovery.ts';
import type { ScormAdapterOptions } from './scorm-adapter.ts';

/**
 * The adapter for the LMS this window was launched by, or null when there is none (the caller
 * then keeps progress in the browser and says so). The version the package was built for is
 * looked for first.
 *
 * API discovery is synchronous and cheap; the adapter of the version found (its CMI formats and
 * the checked session over the LMS's API) is imported only then, so a course opened without an
 * LMS never downloads either adapter and one an LMS launched downloads only its own. Rejects when
 * that module cannot be loaded.
 */
export async function connectLms(win: Window, opts: ScormAdapterOptions): Promise<LmsAdapter | null> {
  const prefer = packagedVersion(win.document);
  const found = findLmsApi(win, prefer ? { prefer } : {});
  if (!found) return null;
  if (found.version === '2004') {
    const { createScorm2004Adapter } = await import('./scorm2004/scorm2004-adapter.ts');
    return createScorm2004Adapter(found.api, opts);
  }
  const { createScorm12Adapter } = await import('./scorm12/scorm12-adapter.ts');
  return createScorm12Adapter(found.api, opts);
}

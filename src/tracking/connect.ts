import type { LmsAdapter } from './adapter.ts';
import { findLmsApi, packagedVersion } from './discovery.ts';
import type { ScormAdapterOptions } from './scorm-adapter.ts';
import { createScorm12Adapter } from './scorm12/scorm12-adapter.ts';
import { createScorm2004Adapter } from './scorm2004/scorm2004-adapter.ts';

/**
 * The adapter for the LMS this window was launched by, or null when there is none (the caller
 * then keeps progress in the browser and says so). The version the package was built for is
 * looked for first.
 */
export function connectLms(win: Window, opts: ScormAdapterOptions): LmsAdapter | null {
  const prefer = packagedVersion(win.document);
  const found = findLmsApi(win, prefer ? { prefer } : {});
  if (!found) return null;
  return found.version === '2004' ? createScorm2004Adapter(found.api, opts) : createScorm12Adapter(found.api, opts);
}

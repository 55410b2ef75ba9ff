/**
 * Helpers shared by the quality-gate browser tests (a11y-*, security-*): open any route of the
 * app, whatever its layout, and read what a gate needs from the page.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { compileCourse } from '../../src/content/compile.ts';
import { courseUrl } from './helpers.ts';

export const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

let compiled: ReturnType<typeof compileCourse> | null = null;
/** The compiled course, once per test file. */
export function course(): ReturnType<typeof compileCourse> {
  compiled ??= compileCourse({ root });
  return compiled;
}

/**
 * Opens a hash route and waits until it has rendered: inside the app's layout, until
 * `main[data-path]` names the route and holds an h1; for a route with a layout of its own (a
 * presenter or print view), until an h1 appears that was not on the previous page. Fails at once
 * with the page's message when the route threw (the router's error page).
 */
export async function openRoute(page: Page, route: string, opts: { locale?: string } = {}): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('h1').forEach((h) => h.setAttribute('data-gate-stale', ''))).catch(() => undefined);
  const target = `${courseUrl()}#${route}`;
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  const handle = await page.waitForFunction(
    (r) => {
      const error = document.querySelector('.route-error');
      if (error) return `error: ${error.textContent ?? ''}`;
      const main = document.querySelector('main[data-path]');
      const ready = main
        ? main.getAttribute('data-path') === r && main.querySelector('h1') !== null
        : document.querySelector('h1:not([data-gate-stale])') !== null;
      const loading = document.querySelector('[role="status"].loading');
      return ready && !loading ? 'ok' : false;
    },
    route,
    { timeout: 15_000 },
  );
  const state = await handle.jsonValue();
  if (state !== 'ok') throw new Error(`#${route} failed to render: ${String(state)}`);
  await page.waitForLoadState('networkidle');
  if (opts.locale) await page.waitForFunction((l) => document.documentElement.lang === l, opts.locale);
}

/** Horizontal overflow of the page in CSS px (> 0 means the learner has to scroll sideways). */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    const overflow = el.scrollWidth - el.clientWidth;
    const culprits: string[] = [];
    if (overflow > 0) {
      const width = el.clientWidth;
      for (const node of Array.from(document.body.querySelectorAll('*'))) {
        const r = node.getBoundingClientRect();
        if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
          const id = node.id ? `#${node.id}` : '';
          const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
          culprits.push(`${node.tagName.toLowerCase()}${id}${cls} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
          if (culprits.length >= 8) break;
        }
      }
    }
    return { overflow, culprits };
  });
}

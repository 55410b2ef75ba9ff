/**
 * Keyboard-only helpers for the gates: move with Tab as a learner would, and check at every stop
 * that the focused element shows a visible focus indicator and is not hidden behind other content.
 */
import type { Page } from 'playwright-core';

export interface FocusStop {
  /** tag#id.class "text", for messages. */
  label: string;
  tag: string;
  id: string;
  href: string | null;
  text: string;
  inDialog: boolean;
  isBody: boolean;
  /** Why the focus indicator is not visible, or null when it is. */
  invisible: string | null;
  /** Why the element is hidden by other content, or null when it is not. */
  obscured: string | null;
}

/** What is focused now, and whether a sighted keyboard user can see where focus is. */
export async function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) {
      return { label: 'body', tag: 'body', id: '', href: null, text: '', inDialog: false, isBody: true, invisible: null, obscured: null };
    }
    const cs = getComputedStyle(el);
    const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1 && !transparent(cs.outlineColor);
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    // A control styled with its own :focus border/background counts only if it differs from its unfocused look;
    // here only outline and box-shadow are accepted, as the stylesheet uses them.
    const invisible = outline || shadow ? null : `outline ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}, box-shadow ${cs.boxShadow}`;
    const r = el.getBoundingClientRect();
    let obscured: string | null = null;
    if (r.width === 0 || r.height === 0) obscured = 'has no size';
    else {
      // WCAG 2.4.11: the focused element is not entirely hidden by author content. Probe a few points.
      const points = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 2, r.top + 2],
        [r.right - 2, r.bottom - 2],
      ] as const;
      const visible = points.some(([x, y]) => {
        if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === el || el.contains(hit) || hit.contains(el));
      });
      if (!visible) {
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        obscured = `covered by ${hit ? hit.tagName.toLowerCase() + (hit.className ? '.' + String(hit.className) : '') : 'nothing (off screen)'} at [${Math.round(r.left)},${Math.round(r.top)}]`;
      }
    }
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return {
      label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${text}"`,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href'),
      text,
      inDialog: el.closest('dialog[open]') !== null,
      isBody: false,
      invisible,
      obscured,
    };
  });
}

/** Fails when the focused element's indicator is not visible or the element is covered. */
export function assertVisible(stop: FocusStop, where: string): void {
  if (stop.isBody) return;
  if (stop.invisible) throw new Error(`${where}: focus on ${stop.label} is not visible (${stop.invisible})`);
  if (stop.obscured) throw new Error(`${where}: focused ${stop.label} is hidden (${stop.obscured})`);
}

/**
 * Presses Tab (Shift+Tab with `back`) until `wanted` matches the focused element, checking every
 * stop on the way. Throws with the stops it passed when `max` presses do not reach it.
 */
export async function tabTo(
  page: Page,
  wanted: (s: FocusStop) => boolean,
  where: string,
  opts: { max?: number; back?: boolean } = {},
): Promise<FocusStop> {
  const seen: string[] = [];
  for (let i = 0; i < (opts.max ?? 120); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const stop = await focusStop(page);
    assertVisible(stop, where);
    seen.push(stop.label);
    if (wanted(stop)) return stop;
  }
  throw new Error(`${where}: Tab never reached the wanted element. Stops:\n  ${seen.join('\n  ')}`);
}

/**
 * Tabs through the whole page from where focus is and checks that focus comes round again (to
 * an element already visited, or to the document, whence the next Tab starts over): no keyboard
 * trap. Returns the stops, each checked for a visible indicator.
 */
export async function tabAround(page: Page, where: string): Promise<FocusStop[]> {
  const tabbable = await page.evaluate(
    () =>
      Array.from(
        document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex], iframe, [contenteditable="true"]'),
      ).filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0).length,
  );
  const mark = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return true;
      if (el.hasAttribute('data-gate-visited')) return true;
      el.setAttribute('data-gate-visited', '');
      return false;
    });
  await mark();
  const stops: FocusStop[] = [];
  try {
    for (let i = 0; i < tabbable + 3; i++) {
      await page.keyboard.press('Tab');
      const stop = await focusStop(page);
      assertVisible(stop, where);
      if (await mark()) return stops;
      stops.push(stop);
    }
  } finally {
    await page.evaluate(() => document.querySelectorAll('[data-gate-visited]').forEach((e) => e.removeAttribute('data-gate-visited')));
  }
  throw new Error(
    `${where}: focus did not come round after ${tabbable + 3} Tabs over ${tabbable} tabbable elements (a keyboard trap?). Last stops:\n  ${stops
      .slice(-8)
      .map((s) => s.label)
      .join('\n  ')}`,
  );
}

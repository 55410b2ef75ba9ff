/**
 * States a route can be in beyond its first render, for the gates that check every route
 * (axe, reflow): each names the routes it applies to and how to get there by the UI.
 */
import type { Page } from 'playwright-core';

export interface RouteState {
  name: string;
  applies: (route: string) => boolean;
  enter: (page: Page, ctx: { locale: string; route: string }) => Promise<void>;
  /** Puts the page back so the next route starts clean. */
  leave?: (page: Page) => Promise<void>;
}

export const ROUTE_STATES: RouteState[] = [
  {
    name: 'with the citation panel open',
    applies: (r) => /^\/lesson\/[^/]+$/.test(r),
    enter: async (page) => {
      await page.locator('.lesson-section:not([hidden]) button.cite').first().click();
      await page.locator('dialog.cite-panel[open] .cited').waitFor();
    },
    leave: async (page) => {
      await page.keyboard.press('Escape');
      await page.locator('dialog.cite-panel[open]').waitFor({ state: 'detached' });
    },
  },
];

/**
 * Gate: axe-core finds 0 WCAG 2.2 A/AA violations (tags wcag2a, wcag2aa, wcag21a, wcag21aa,
 * wcag22aa) on every route the router defines, in every UI locale, and in the states a route
 * can be in (citation panel open; quiz items unanswered, answered, reviewed).
 *
 * The routes come from src/app.tsx at test time (tests/browser/route-inventory.ts), so a route
 * that lands later is tested without anyone remembering to list it here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UI_LOCALES } from '../../src/store/types.ts';
import { axe, connect, describeViolations, newLearner, pageErrors } from './helpers.ts';
import { course, openRoute } from './gate-helpers.ts';
import { allRoutes, routePatterns } from './route-inventory.ts';
import { ROUTE_STATES } from './route-states.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser.close();
});

it('reads a route table with the routes every learner needs', () => {
  const patterns = routePatterns();
  for (const p of ['/', '/lesson/:lessonId/:sectionId?', '*']) expect(patterns).toContain(p);
});

it('catches a violation planted in the page (the gate is not blind under the CSP)', async () => {
  const { context, page } = await newLearner(browser);
  await openRoute(page, '/');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    img.id = 'planted';
    document.querySelector('main')!.append(img);
  });
  const violations = await axe(page);
  expect(violations.map((v) => v.id)).toContain('image-alt');
  await context.close();
});

describe.each([...UI_LOCALES])('axe-core, WCAG 2.2 A/AA, every route, UI in %s', (locale) => {
  const routes = allRoutes({ course: course(), locale });
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newLearner(browser, { locale }));
  });
  afterAll(async () => {
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it.each(routes)('%s has no violations', async (route) => {
    await openRoute(page, route, { locale });
    const violations = await axe(page);
    expect(violations, `#${route} [${locale}]\n${describeViolations(violations)}`).toEqual([]);
  });

  const states = ROUTE_STATES.flatMap((s) => routes.filter((r) => s.applies(r)).map((r) => [`${r} ${s.name}`, r, s] as const));
  it.each(states)('%s has no violations', async (_label, route, state) => {
    await openRoute(page, route, { locale });
    await state.enter(page, { locale, route });
    const violations = await axe(page);
    expect(violations, `#${route} (${state.name}) [${locale}]\n${describeViolations(violations)}`).toEqual([]);
    await state.leave?.(page);
  });
});

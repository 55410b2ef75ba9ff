/**
 * Gates: every route the router defines (and every quiz state) runs under the course's
 * Content-Security-Policy with no violation and no request to another origin; the policy is
 * really enforced (a planted inline script is blocked); and no answer key reaches the page, its
 * accessibility tree or the JavaScript it loaded before the learner submits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connect, courseUrl, newLearner, pageErrors } from './helpers.ts';
import { course, openRoute } from './gate-helpers.ts';
import { answerAll, ensureAttempt, submit } from './quiz-driver.ts';
import { plain } from './quiz-key.ts';
import { allRoutes } from './route-inventory.ts';
import { ROUTE_STATES } from './route-states.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser.close();
});

/** Records CSP violations (from the first script on) and requests to other origins. */
async function watch(page: Page): Promise<{ violations: () => Promise<string[]>; foreign: string[] }> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const origin = new URL(courseUrl()).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) foreign.push(r.url());
  });
  return {
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    foreign,
  };
}

describe('the Content-Security-Policy on every route', () => {
  it('is declared without unsafe-inline or unsafe-eval, scripts and styles from the course only', async () => {
    const { context, page } = await newLearner(browser);
    await openRoute(page, '/');
    const csp =
      (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval|hashes)|\*|https?:|data:[^;]*script/);
    await context.close();
  });

  it('blocks an inline script planted in the page (the policy is enforced, not only declared)', async () => {
    const { context, page } = await newLearner(browser);
    const w = await watch(page);
    await openRoute(page, '/');
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.plantedRan = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { plantedRan?: boolean }).plantedRan === true;
    });
    expect(ran).toBe(false);
    expect((await w.violations()).some((v) => v.startsWith('script-src'))).toBe(true);
    await context.close();
  });

  it('runs every route and every route state with no violation and no request to another origin', async () => {
    const { context, page } = await newLearner(browser);
    const w = await watch(page);
    const routes = allRoutes({ course: course(), locale: 'en' });
    const violations: string[] = [];
    for (const route of routes) {
      await openRoute(page, route);
      for (const state of ROUTE_STATES.filter((s) => s.applies(route))) {
        await state.enter(page, { locale: 'en', route });
        await state.leave?.(page);
      }
      violations.push(...(await w.violations()).map((v) => `#${route}: ${v}`));
      await page.evaluate(() => ((window as unknown as { cspViolations: string[] }).cspViolations = []));
    }
    expect(violations).toEqual([]);
    expect(w.foreign).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

/** The text of inline nodes, citations left out. */
/**
 * Strings that give a quiz's answers away: its rubrics as the key chunk stores them, and for each
 * item a run of its explanation (what the review shows) that the public text of the quiz (stems,
 * choices, title) does not contain, in the quiz's English text.
 */
function keySignatures(quizId: string): { rubrics: string[]; explanations: string[] } {
  const quiz = course().quizzes.find((q) => q.definition.id === quizId);
  if (!quiz) throw new Error(`no quiz ${quizId}`);
  const text = quiz.text.en;
  const publicText = [
    text.title,
    ...Object.values(text.items).flatMap((i) => [
      plain(i.stem),
      ...Object.values(i.choices).map((c) => plain(c)),
    ]),
  ].join('\n');
  const explanations: string[] = [];
  for (const f of Object.values(quiz.feedback.en)) {
    // Runs of plain ASCII words: stored as such in the key chunk and shown as such on the page.
    const runs = plain(f.explanation).match(/[A-Za-z][A-Za-z ,]{29,}/g) ?? [];
    const windows = runs.flatMap((r) =>
      Array.from({ length: Math.floor((r.length - 30) / 10) + 1 }, (_, i) => r.slice(i * 10, i * 10 + 30)),
    );
    const distinctive = windows.find((w) => !publicText.includes(w));
    if (distinctive) explanations.push(distinctive);
  }
  // Rubrics as the key chunk stores them (compact JSON, in compile order): only the longer ones, as
  // `{"correct":true}` alone says little about where it came from.
  const rubrics = quiz.definition.items.map((i) => JSON.stringify(i.rubric)).filter((r) => r.length >= 24);
  return { rubrics, explanations };
}

describe('answer keys before the learner submits', () => {
  const quizzes = (course().index.quizzes ?? []).filter(
    (q) => (q.kind === 'formative' && q.lesson === course().index.lessons[0]!.id) || q.kind === 'final',
  );

  it('checks the first lesson formative check and the final assessment', () => {
    expect(quizzes.map((q) => q.kind).sort()).toEqual(['final', 'formative']);
  });

  it.each(quizzes.map((q) => [q.kind === 'final' ? '/assessment' : `/quiz/${q.id}`, q.id] as const))(
    '%s: no key in the page, its accessibility tree or its loaded scripts until submitted',
    async (route, quizId) => {
      const { context, page } = await newLearner(browser);
      const loaded: { url: string; body: string }[] = [];
      page.on('response', async (r) => {
        const type = r.request().resourceType();
        if (type === 'script' || type === 'fetch' || type === 'xhr')
          loaded.push({ url: r.url(), body: await r.text().catch(() => '') });
      });
      await openRoute(page, route);
      await ensureAttempt(page, route);
      await answerAll(page);
      await page.waitForLoadState('networkidle');
      const sig = keySignatures(quizId);
      expect(sig.explanations.length, 'explanations to look for').toBeGreaterThan(3);
      expect(sig.rubrics.length, 'rubrics to look for').toBeGreaterThan(1);

      const html = await page.content();
      const aria = await page.locator('body').ariaSnapshot();
      const scripts = loaded.map((l) => l.body).join('\n');
      const leaks = (where: string, text: string) => [
        ...sig.rubrics.filter((r) => text.includes(r)).map((r) => `${where}: rubric ${r}`),
        ...sig.explanations.filter((e) => text.includes(e)).map((e) => `${where}: "${e}"`),
      ];
      expect([
        ...leaks('page HTML', html),
        ...leaks('accessibility tree', aria),
        ...leaks('loaded scripts', scripts),
      ]).toEqual([]);

      // After submitting, the key is loaded and the review shows the explanations: the signatures
      // above do find a key when there is one.
      await submit(page);
      await page.waitForLoadState('networkidle');
      const after = loaded.map((l) => l.body).join('\n');
      // Every rubric of the quiz, not only the items drawn: the key chunk holds the whole quiz.
      expect(sig.rubrics.filter((r) => !after.includes(r))).toEqual([]);
      expect(sig.explanations.some((e) => after.includes(e))).toBe(true);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    },
  );
});

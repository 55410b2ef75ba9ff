/**
 * States a route can be in beyond its first render, for the gates that check every route
 * (axe, reflow): each names the routes it applies to and how to get there by the UI.
 */
import type { Page } from 'playwright-core';
import type { UiLocale } from '../../src/store/types.ts';
import { answerAll, checkFirst, ensureAttempt, submit } from './quiz-driver.ts';
import { answerCorrectly } from './quiz-key.ts';
import { course } from './gate-helpers.ts';

export interface RouteState {
  name: string;
  applies: (route: string) => boolean;
  enter: (page: Page, ctx: { locale: string; route: string }) => Promise<void>;
  /** Puts the page back so the next route starts clean. */
  leave?: (page: Page) => Promise<void>;
}

const isQuizRoute = (r: string) => /^\/(quiz\/[^/]+|assessment)$/.test(r);

/**
 * In this order for one learner: each quiz state carries on from the one before (a new attempt,
 * the same attempt answered, then submitted), so a final assessment spends one attempt.
 */
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
  {
    name: 'with an attempt open, items unanswered',
    applies: isQuizRoute,
    enter: async (page, { route }) => ensureAttempt(page, route),
  },
  {
    name: 'asking to confirm a submission with unanswered items',
    applies: isQuizRoute,
    enter: async (page, { route }) => {
      await ensureAttempt(page, route);
      await page.locator('form.quiz-form button[type="submit"]').click();
      await page.locator('.quiz-confirm').waitFor();
    },
  },
  {
    name: 'with every item answered (and one checked, in a formative quiz)',
    applies: isQuizRoute,
    enter: async (page, { route }) => {
      await ensureAttempt(page, route);
      await answerAll(page);
      await checkFirst(page);
    },
  },
  {
    name: 'submitted, showing the review',
    applies: isQuizRoute,
    enter: async (page, { route }) => {
      await ensureAttempt(page, route);
      await answerAll(page);
      await submit(page);
    },
  },
  {
    name: 'after passing the final assessment, with a name typed',
    applies: (r) => r === '/certificate',
    enter: async (page, { locale }) => {
      const final = (course().index.quizzes ?? []).find((q) => q.kind === 'final');
      if (!final) throw new Error('#/certificate is in the router but the course has no final assessment');
      await page.goto(page.url().replace(/#.*$/, '#/assessment'));
      await page.locator('main[data-path="/assessment"] article.quiz').waitFor();
      await ensureAttempt(page, '/assessment');
      await answerCorrectly(page, final.id, locale as UiLocale);
      await submit(page);
      await page.locator('.quiz-results .quiz-score.is-passed').waitFor();
      await page.goto(page.url().replace(/#.*$/, '#/certificate'));
      await page.locator('main[data-path="/certificate"] .certificate').waitFor();
      const name = page.locator('.certificate-page input[type="text"]');
      if ((await name.count()) > 0) await name.fill('Ana Ramírez');
    },
  },
];

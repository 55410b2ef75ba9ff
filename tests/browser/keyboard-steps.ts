/**
 * Keyboard journey steps after the lesson: the formative check, the final assessment and the
 * certificate. Each is added here when its route lands in the router; until then the journey's
 * last test reports the route it could not reach.
 */
import type { Page } from 'playwright-core';
import type { LessonMeta } from '../../src/content/model.ts';
import type { FocusStop, tabAround as TabAround, tabTo as TabTo } from './keyboard.ts';
import type { openRoute as OpenRoute } from './gate-helpers.ts';

export interface StepTools {
  lesson: LessonMeta;
  tabTo: typeof TabTo;
  tabAround: typeof TabAround;
  waitPath: (p: string | RegExp) => Promise<unknown>;
  openRoute: typeof OpenRoute;
  path: () => Promise<string>;
}

export interface KeyboardStep {
  name: string;
  run: (page: Page, tools: StepTools) => Promise<void>;
}

export type { FocusStop };

export const KEYBOARD_STEPS: KeyboardStep[] = [];

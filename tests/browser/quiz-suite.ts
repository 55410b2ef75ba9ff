/**
 * Setup shared by the test files of the quiz screens (quiz, cbm): the compiled quizzes, one
 * browser connection for the file, and the folder their screenshots go to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { QuizDefinition } from '../../src/content/quiz-model.ts';
import { course, root } from './gate-helpers.ts';
import { connect } from './helpers.ts';

/** Where the quiz screens' screenshots go. */
export const shots = path.join(root, 'dist/screenshots/quiz');

/** The compiled definition of quiz `id` (`final` for the assessment). */
export function quizDefinition(id: string): QuizDefinition {
  const quiz = course().quizzes.find((q) => q.definition.id === id);
  if (!quiz) throw new Error(`no compiled quiz ${id}`);
  return quiz.definition;
}

/**
 * Connects to the shared Chromium before the file's tests (making the screenshot folder) and
 * closes the connection after them. Returns the browser, for use inside the tests.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await connect();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is connected in beforeAll: use it inside a test');
    return browser;
  };
}

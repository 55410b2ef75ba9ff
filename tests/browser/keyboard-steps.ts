/**
 * Keyboard journey steps after the lesson: the formative check, the final assessment and the
 * certificate. A step is added here when its route lands in the router; until then the
 * journey's last test names the learner route it could not reach.
 *
 * Quizzes are answered with keys only (Tab, Space, arrows, typing, Enter), from the answer key
 * the compiler produces, so the learner passes and reaches what comes after.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LessonMeta } from '../../src/content/model.ts';
import type { QuizItem } from '../../src/content/quiz-model.ts';
import { course } from './gate-helpers.ts';
import { itemFor, norm, quizKey } from './quiz-key.ts';
import { assertVisible, focusStop, type tabAround as TabAround, type tabTo as TabTo } from './keyboard.ts';

export interface StepTools {
  lesson: LessonMeta;
  tabTo: typeof TabTo;
  tabAround: typeof TabAround;
  waitPath: (p: string | RegExp) => Promise<unknown>;
}

export interface KeyboardStep {
  name: string;
  run: (page: Page, tools: StepTools) => Promise<void>;
}

/** What the focused quiz control is, in terms of the item it belongs to. */
interface Control {
  kind: 'radio' | 'checkbox' | 'select' | 'text' | 'move' | 'check' | 'submit' | 'other';
  /** Attributes that carry the item id (`q-<item id>…`). */
  refs: string[];
  itemIndex: number;
  value: string;
  checked: boolean;
  /** Move buttons: this button's index among the item's move buttons; the steps' text in order. */
  moveIndex: number;
  steps: string[];
  options: string[];
}

async function control(page: Page): Promise<Control> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const li = el.closest('form.quiz-form li.quiz-item');
    const items = Array.from(document.querySelectorAll('form.quiz-form li.quiz-item'));
    const refs = li
      ? Array.from(li.querySelectorAll('[name^="q-"], [id^="q-"]')).map((e) => e.getAttribute('name') ?? e.id)
      : [];
    const input = el as HTMLInputElement;
    let kind: Control['kind'] = 'other';
    if (el.tagName === 'INPUT' && input.type === 'radio') kind = 'radio';
    else if (el.tagName === 'INPUT' && input.type === 'checkbox') kind = 'checkbox';
    else if (el.tagName === 'INPUT') kind = 'text';
    else if (el.tagName === 'SELECT') kind = 'select';
    else if (el.classList.contains('quiz-move')) kind = 'move';
    else if (el.closest('.quiz-check')) kind = 'check';
    else if (el.matches('form.quiz-form button[type="submit"]')) kind = 'submit';
    const moves = li ? Array.from(li.querySelectorAll('.quiz-move')) : [];
    return {
      kind,
      refs: el.id ? [el.id, ...refs] : (input.name ? [input.name, ...refs] : refs),
      itemIndex: li ? items.indexOf(li) : -1,
      value: (el as HTMLInputElement).value ?? '',
      checked: Boolean(input.checked),
      moveIndex: moves.indexOf(el),
      steps: li ? Array.from(li.querySelectorAll('.quiz-step')).map((s) => s.textContent ?? '') : [],
      options: el.tagName === 'SELECT' ? Array.from((el as HTMLSelectElement).options).map((o) => o.value) : [],
    };
  });
}

async function press(page: Page, key: string, where: string): Promise<Control> {
  await page.keyboard.press(key);
  assertVisible(await focusStop(page), where);
  return control(page);
}

/**
 * Puts a sequencing item in the key's order with its Move up buttons, reaching each button with
 * Tab / Shift+Tab (focus follows the moved step, as the widget promises).
 */
async function sortByKeyboard(page: Page, item: QuizItem & { kind: 'sequencing' }, text: (i: string, c: string) => string, where: string) {
  let c = await control(page);
  const target = item.rubric.order.map((id) => text(item.id, id));
  for (let pos = 0; pos < target.length; pos++) {
    c = await control(page);
    const from = c.steps.findIndex((s) => norm(s) === target[pos]);
    if (from < 0) throw new Error(`${where}: step "${target[pos]}" not on the page (${c.steps.join(' | ')})`);
    if (from === pos) continue;
    // Up button of step `from` is move button 2 * from.
    let at = c.moveIndex;
    while (at !== 2 * from) {
      c = await press(page, at < 2 * from ? 'Tab' : 'Shift+Tab', where);
      at = c.moveIndex;
      if (at < 0) throw new Error(`${where}: Tab left the sequencing item`);
    }
    for (let k = from; k > pos; k--) c = await press(page, 'Enter', where);
  }
  c = await control(page);
  if (c.steps.map(norm).join('|') !== target.join('|')) throw new Error(`${where}: order after moving is ${c.steps.join(' | ')}`);
}

/**
 * Answers every item of the open attempt by keyboard, as the key says, presses Check on the
 * first item when the quiz has that button, then submits with Enter. Focus must start before the
 * form (on the Start button's place or above).
 */
async function takeQuizByKeyboard(page: Page, quizId: string, where: string): Promise<void> {
  const { items, choiceText } = quizKey(quizId);
  const done = new Set<number>();
  let checked = false;
  const total = await page.locator('form.quiz-form li.quiz-item').count();
  for (let presses = 0; presses < 40 * total + 50; presses++) {
    let c = await press(page, 'Tab', where);
    if (c.kind === 'other' || (c.itemIndex >= 0 && done.has(c.itemIndex) && c.kind !== 'check')) continue;
    if (c.kind === 'submit') {
      if (done.size < total) throw new Error(`${where}: reached Submit with ${done.size} of ${total} items answered`);
      await page.keyboard.press('Enter');
      await page.locator('.quiz-results').waitFor();
      return;
    }
    if (c.kind === 'check') {
      if (!checked) {
        await page.keyboard.press('Enter');
        await page.locator('form.quiz-form .quiz-feedback-region .quiz-verdict').first().waitFor();
        checked = true;
      }
      continue;
    }
        if (c.kind === 'radio' && c.refs[0]?.startsWith('cbm-')) {
      // "How sure are you?": the focused level will do; the item is done with its answer.
      if (!c.checked) await press(page, 'Space', where);
      continue;
    }
    const item = itemFor(c.refs, items);
    switch (item.kind) {
      case 'single':
      case 'true-false': {
        const want = item.kind === 'single' ? item.rubric.correct : String(item.rubric.correct);
        for (let k = 0; c.value !== want || !c.checked; k++) {
          if (k > 12) throw new Error(`${where}: arrows never reached choice ${want} of ${item.id}`);
          c = await press(page, c.value === want ? 'Space' : 'ArrowDown', where);
        }
        break;
      }
      case 'multiple': {
        const want = item.rubric.correct.includes(c.value);
        if (want !== c.checked) await press(page, 'Space', where);
        // Every box of the item is its own Tab stop: the item is done at its last box.
        const boxes = await page.locator('form.quiz-form li.quiz-item').nth(c.itemIndex).locator('input[type="checkbox"]').count();
        const index = await page.evaluate(() => {
          const el = document.activeElement!;
          return Array.from(el.closest('li.quiz-item')!.querySelectorAll('input[type="checkbox"]')).indexOf(el);
        });
        if (index < boxes - 1) continue;
        break;
      }
      case 'matching': {
        const premise = c.refs[0]!.slice(`q-${item.id}-`.length);
        const want = item.rubric.pairs[premise]!;
        for (let k = 0; c.value !== want; k++) {
          if (k > c.options.length) throw new Error(`${where}: arrows never selected ${want} for ${item.id}/${premise}`);
          c = await press(page, c.options.indexOf(c.value) < c.options.indexOf(want) ? 'ArrowDown' : 'ArrowUp', where);
        }
        const selects = await page.locator('form.quiz-form li.quiz-item').nth(c.itemIndex).locator('select').count();
        const index = await page.evaluate(() => {
          const el = document.activeElement!;
          return Array.from(el.closest('li.quiz-item')!.querySelectorAll('select')).indexOf(el as HTMLSelectElement);
        });
        if (index < selects - 1) continue;
        break;
      }
      case 'numeric':
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(String(item.rubric.value));
        break;
      case 'fill-in':
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(item.rubric.accepted.en[0]!);
        break;
      case 'sequencing':
        await sortByKeyboard(page, item, choiceText, `${where}, ${item.id}`);
        break;
    }
    done.add(c.itemIndex);
  }
  throw new Error(`${where}: never reached the Submit button`);
}

/** Fails unless the results say passed with full marks (every item was answered as the key says). */
async function expectFullMarks(page: Page, where: string): Promise<void> {
  const line = norm((await page.locator('.quiz-results .quiz-score').textContent()) ?? '');
  const passed = await page.locator('.quiz-results .quiz-score.is-passed').count();
  if (passed !== 1 || !/100\s*%/.test(line)) throw new Error(`${where}: expected a pass with 100 %, the page says "${line}"`);
}

/** Tabs to the quiz's Start button and presses Enter; the attempt's form must appear. */
async function startAttempt(page: Page, tabTo: typeof TabTo, where: string): Promise<void> {
  const stop = await tabTo(page, (s) => s.tag === 'button' && s.label.includes('button.button.primary'), `${where} intro → Start`);
  await page.keyboard.press('Enter');
  try {
    await page.locator('form.quiz-form').waitFor({ timeout: 10_000 });
  } catch {
    const now = await focusStop(page);
    const main = norm((await page.locator('main').innerText()).slice(0, 300));
    throw new Error(`${where}: Enter on ${stop.label} opened no attempt; focus now on ${now.label}; the page shows: ${main}`);
  }
}

const firstFormative = (lesson: LessonMeta) =>
  (course().index.quizzes ?? []).find((q) => q.kind === 'formative' && q.lesson === lesson.id);

export const KEYBOARD_STEPS: KeyboardStep[] = [
  {
    name: "takes the lesson's formative check from the lesson's last section, by keyboard, and passes",
    run: async (page, { lesson, tabTo, tabAround, waitPath }) => {
      const quiz = firstFormative(lesson);
      if (!quiz) throw new Error(`lesson ${lesson.id} has no formative check`);
      await tabTo(page, (s) => s.href === `#/quiz/${quiz.id}`, 'last section → formative check');
      await page.keyboard.press('Enter');
      await waitPath(`/quiz/${quiz.id}`);
      await startAttempt(page, tabTo, `#/quiz/${quiz.id}`);
      await takeQuizByKeyboard(page, quiz.id, `#/quiz/${quiz.id}`);
      await expectFullMarks(page, `#/quiz/${quiz.id}`);
      await tabAround(page, `#/quiz/${quiz.id} results`);
    },
  },
  {
    name: 'goes to the final assessment from the navigation, takes it by keyboard and passes',
    run: async (page, { tabTo, tabAround, waitPath }) => {
      await tabTo(page, (s) => s.href === '#/assessment', 'results → assessment link', { back: true, max: 200 });
      await page.keyboard.press('Enter');
      await waitPath('/assessment');
      const final = (course().index.quizzes ?? []).find((q) => q.kind === 'final');
      if (!final) throw new Error('the course has no final assessment');
      await startAttempt(page, tabTo, '#/assessment');
      await takeQuizByKeyboard(page, final.id, '#/assessment');
      await expectFullMarks(page, '#/assessment');
      await tabAround(page, '#/assessment results');
    },
  },
  {
    name: 'goes home, opens the certificate, types a name and reaches Print, by keyboard',
    run: async (page, { tabTo, tabAround, waitPath }) => {
      await tabTo(page, (s) => s.href === '#/' && s.tag === 'a', 'results → home', { back: true, max: 200 });
      await page.keyboard.press('Enter');
      await waitPath('/');
      await page.locator('main a[href="#/certificate"]').waitFor();
      await tabTo(page, (s) => s.href === '#/certificate', 'home → certificate');
      await page.keyboard.press('Enter');
      await waitPath('/certificate');
      // No LMS here, so no name from it: the learner types one.
      await tabTo(page, (s) => s.tag === 'input', 'certificate → name field');
      await page.keyboard.type('Ana Ramírez');
      await tabTo(page, (s) => s.tag === 'button' && /Print/.test(s.text), 'name field → Print');
      expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement).disabled)).toBe(false);
      expect(norm((await page.locator('.certificate-name').textContent()) ?? '')).toBe('Ana Ramírez');
      await tabAround(page, '#/certificate');
    },
  },
];

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node as YamlNode, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ContentLocale, Inline } from './model.ts';
import { CONTENT_LOCALES } from './model.ts';
import type { Diagnostics } from './diagnostics.ts';
import { formatParagraphList } from './diagnostics.ts';
import { KEBAB } from './frontmatter.ts';
import { compileInlineText, type MdContext, type ParagraphRange } from './markdown.ts';
import { readParagraphList } from './paragraph-list.ts';
import type { Pos } from './positions.ts';
import {
  FILL_IN_MAX_LENGTH,
  GRADING_METHODS,
  ITEM_KINDS,
  hashString,
  normalizeAnswer,
  sequenceHash,
  type Choice,
  type CompiledQuiz,
  type GradingMethod,
  type ItemFeedback,
  type ItemKind,
  type ItemText,
  type QuizItem,
  type QuizKind,
  type QuizMeta,
  type QuizSettings,
  type QuizStats,
  type QuizText,
} from './quiz-model.ts';
import { readSourceFile } from './source-file.ts';
import { YamlSource } from './yaml-source.ts';

/**
 * Compiles `quizzes/<quiz-id>.yaml` (format in quizzes/README.md). One file per quiz holds the
 * structure, the ONE answer key and the es/en/zh text of every stem, choice and explanation as
 * inline per-locale maps, so a translation can never drift from the key it belongs to and a
 * missing translation is reported at the item it belongs to. Every problem becomes a
 * diagnostic; nothing throws.
 */

export const QUIZ_DIR = 'quizzes';

/** What the quiz checks need to know about a compiled lesson. */
export interface LessonInfo {
  id: string;
  /** Number of learning objectives (items point at one, 1-based). */
  objectives: number;
  /** Paragraphs the lesson teaches. */
  paragraphs: readonly number[];
}

export interface QuizzesResult {
  quizzes: CompiledQuiz[];
  meta: QuizMeta[];
  stats: QuizStats[];
}

/** Fewest choices per kind; more than {@link MAX_CHOICES} cannot be stored in the resume record. */
const MIN_CHOICES = { single: 3, multiple: 3, premises: 2, steps: 3 } as const;
const MAX_CHOICES = 36;
/** Items per attempt of a final assessment when the file does not say. */
export const DEFAULT_FINAL_DRAW = 20;

const QUIZ_FIELDS = ['kind', 'lesson', 'title', 'draw', 'pass-mark', 'attempts', 'grading', 'cbm', 'items'];
const COMMON_ITEM_FIELDS = ['id', 'kind', 'lesson', 'objective', 'paragraphs', 'stem', 'explanation'];
const KIND_FIELDS: Record<ItemKind, string[]> = {
  single: ['choices', 'answer', 'shuffle'],
  multiple: ['choices', 'answer', 'shuffle'],
  'true-false': ['answer'],
  matching: ['premises', 'responses', 'answer'],
  sequencing: ['steps', 'answer'],
  numeric: ['answer', 'tolerance', 'unit'],
  'fill-in': ['answer'],
};
const LOCALE_KEYS: readonly string[] = CONTENT_LOCALES;

interface Env {
  root: string;
  diags: Diagnostics;
  paragraphs: ParagraphRange;
  lessons: ReadonlyMap<string, LessonInfo>;
  glossary: ReadonlySet<string> | null;
  /** Item id → where it was first defined, across every quiz. */
  itemIds: Map<string, string>;
}

/** Reads every quiz under quizzes/, sorted by file name. */
export function compileQuizzes(
  root: string,
  diags: Diagnostics,
  paragraphs: ParagraphRange,
  lessons: ReadonlyMap<string, LessonInfo>,
  glossary: ReadonlySet<string> | null,
): QuizzesResult {
  const dir = path.join(root, QUIZ_DIR);
  const out: QuizzesResult = { quizzes: [], meta: [], stats: [] };
  if (!fs.existsSync(dir)) return out;
  const env: Env = { root, diags, paragraphs, lessons, glossary, itemIds: new Map() };
  const names = fs
    .readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  for (const name of names) {
    const file = `${QUIZ_DIR}/${name}`;
    let text: string;
    try {
      text = readSourceFile(path.join(dir, name));
    } catch (e) {
      diags.unreadable(file, e);
      continue;
    }
    const compiled = compileQuizFile(env, file, name.replace(/\.ya?ml$/, ''), text);
    if (!compiled) continue;
    out.quizzes.push(compiled);
    const d = compiled.definition;
    out.meta.push({
      id: d.id,
      kind: d.kind,
      ...(d.lesson ? { lesson: d.lesson } : {}),
      items: d.items.length,
      draw: d.draw,
      passMark: d.passMark,
      attempts: d.attempts,
      grading: d.grading,
      cbm: d.cbm,
      titles: Object.fromEntries(CONTENT_LOCALES.map((l) => [l, compiled.text[l].title])) as Record<
        ContentLocale,
        string
      >,
    });
    const byKind: Partial<Record<ItemKind, number>> = {};
    const byLesson: Record<string, number> = {};
    for (const item of d.items) {
      byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
      byLesson[item.lesson] = (byLesson[item.lesson] ?? 0) + 1;
    }
    out.stats.push({ id: d.id, kind: d.kind, items: d.items.length, draw: d.draw, byKind, byLesson });
  }
  return out;
}

/** The position of a map's field (its value, or the key when the value is empty), or `at`. */
function fieldPos(ys: YamlSource, map: YAMLMap, key: string, at: Pos): Pos {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) return at;
  return ys.pos(pair.value ?? pair.key, at);
}

function keysOf(map: YAMLMap): { key: string; node: unknown }[] {
  return map.items.map((p) => ({ key: isScalar(p.key) ? String(p.key.value) : '', node: p.key }));
}

/** QUIZ011 (a warning: the field is ignored) for each key of `map` that `allowed` does not list. */
function warnUnknownFields(
  env: Env,
  ys: YamlSource,
  file: string,
  map: YAMLMap,
  allowed: readonly string[],
  unknown: (key: string) => string,
): void {
  for (const { key, node } of keysOf(map))
    if (!allowed.includes(key))
      env.diags.warn(file, ys.pos(node), 'QUIZ011', `${unknown(key)} (allowed: ${allowed.join(', ')})`);
}

function isEmpty(node: unknown): boolean {
  return (
    node === undefined || node === null || (isScalar(node) && (node.value === null || node.value === ''))
  );
}

/** The usual cause: a citation in flow style (`{en: Yes [¶1]}`) or text starting with `[`. */
function hintFor(message: string): string {
  return /flow|indent/i.test(message)
    ? ' (text with a citation [¶N] must not sit inside {…} flow maps, and text that starts with "[" must be quoted)'
    : '';
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v ?? null));

/** `source` is normalised ({@link readSourceFile}). */
function compileQuizFile(env: Env, file: string, id: string, source: string): CompiledQuiz | null {
  const { diags } = env;
  const ys = new YamlSource(source);
  // Only the first YAML error: the rest usually follow from it.
  const yamlError = ys.errors[0];
  if (yamlError) {
    diags.error(
      file,
      yamlError.pos,
      'QUIZ001',
      `not valid YAML: ${yamlError.message}${hintFor(yamlError.message)}`,
    );
    return null;
  }
  const top: unknown = ys.doc.contents;
  const origin: Pos = { line: 1, column: 1 };
  if (!isMap(top)) {
    diags.error(file, ys.pos(top), 'QUIZ001', 'a quiz file must be a map with kind, title and items');
    return null;
  }
  if (!KEBAB.test(id))
    diags.error(
      file,
      origin,
      'QUIZ001',
      `quiz file name "${id}" must be kebab-case (e.g. 04-tpnw.yaml, final.yaml)`,
    );
  warnUnknownFields(env, ys, file, top, QUIZ_FIELDS, (key) => `unknown quiz field "${key}"`);

  const kindValue = top.get('kind');
  let kind: QuizKind = 'formative';
  if (kindValue === 'formative' || kindValue === 'final') kind = kindValue;
  else
    diags.error(
      file,
      fieldPos(ys, top, 'kind', origin),
      'QUIZ001',
      `quiz kind ${show(kindValue)} must be "formative" (a lesson check) or "final" (the assessment)`,
    );

  let lesson: string | undefined;
  if (kind === 'formative') {
    const l = top.get('lesson');
    const at = fieldPos(ys, top, 'lesson', origin);
    if (typeof l !== 'string' || l === '') {
      diags.error(file, at, 'QUIZ010', 'a formative quiz needs "lesson: <lesson-id>", the lesson it checks');
    } else {
      lesson = l;
      if (!env.lessons.has(l))
        diags.error(
          file,
          at,
          'QUIZ010',
          `unknown lesson "${l}": there is no lessons/${l}/ with a compiled lesson`,
        );
      if (l !== id)
        diags.error(
          file,
          at,
          'QUIZ013',
          `a formative quiz is named after its lesson: rename the file to quizzes/${l}.yaml`,
        );
    }
  } else if (top.has('lesson')) {
    diags.error(
      file,
      fieldPos(ys, top, 'lesson', origin),
      'QUIZ010',
      'a final assessment spans lessons: give each item its own "lesson" instead',
    );
  }

  const title = localeFields(env, ys, file, top, origin).plain('title', 'title of the quiz');

  // Items first: the settings check the draw against the bank.
  const itemsNode = top.get('items', true);
  const items: QuizItem[] = [];
  const texts = Object.fromEntries(CONTENT_LOCALES.map((l) => [l, {} as Record<string, ItemText>])) as Record<
    ContentLocale,
    Record<string, ItemText>
  >;
  const feedback = Object.fromEntries(
    CONTENT_LOCALES.map((l) => [l, {} as Record<string, ItemFeedback>]),
  ) as Record<ContentLocale, Record<string, ItemFeedback>>;
  if (!isSeq(itemsNode)) {
    diags.error(file, fieldPos(ys, top, 'items', origin), 'QUIZ001', 'items must be a list of items');
  } else {
    for (const node of itemsNode.items) {
      const r = compileItem(env, ys, file, node, kind, lesson);
      if (!r) continue;
      items.push(r.item);
      for (const l of CONTENT_LOCALES) {
        texts[l][r.item.id] = r.text[l];
        feedback[l][r.item.id] = r.feedback[l];
      }
    }
  }

  const settings = readSettings(env, ys, file, top, kind, lesson, items);
  const text = Object.fromEntries(
    CONTENT_LOCALES.map((l) => [l, { title: title[l], items: texts[l] }]),
  ) as Record<ContentLocale, QuizText>;
  return { definition: { id, ...settings, items }, text, feedback };
}

function readSettings(
  env: Env,
  ys: YamlSource,
  file: string,
  top: YAMLMap,
  kind: QuizKind,
  lesson: string | undefined,
  items: QuizItem[],
): QuizSettings {
  const { diags } = env;
  const origin: Pos = { line: 1, column: 1 };
  const at = (k: string) => fieldPos(ys, top, k, origin);
  const final = kind === 'final';

  let draw = final ? DEFAULT_FINAL_DRAW : items.length;
  if (top.has('draw')) {
    const v = top.get('draw');
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) draw = v;
    else
      diags.error(
        file,
        at('draw'),
        'QUIZ012',
        `draw must be a positive whole number of items, got ${show(v)}`,
      );
  }
  if (items.length < draw) {
    diags.error(
      file,
      at(top.has('draw') ? 'draw' : 'items'),
      'QUIZ008',
      `the bank has ${items.length} item${items.length === 1 ? '' : 's'}, fewer than the ${draw} drawn per attempt`,
    );
  }
  if (final) {
    // Stratified by lesson: a lesson missing from the bank is never assessed.
    const inBank = new Set(items.map((i) => i.lesson));
    const missing = [...env.lessons.keys()].filter((l) => !inBank.has(l));
    if (missing.length > 0 && items.length > 0)
      diags.warn(
        file,
        at('items'),
        'QUIZ014',
        `no item assesses lesson${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`,
      );
  }

  let passMark = 0.8;
  if (top.has('pass-mark')) {
    const v = top.get('pass-mark');
    if (typeof v === 'number' && v > 0 && v <= 100) passMark = v / 100;
    else
      diags.error(file, at('pass-mark'), 'QUIZ012', `pass-mark is a percentage in (0, 100], got ${show(v)}`);
  }

  let attempts: number | null = final ? 3 : null;
  if (top.has('attempts')) {
    const v = top.get('attempts');
    if (v === 'unlimited') attempts = null;
    else if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 9) attempts = v;
    else
      diags.error(
        file,
        at('attempts'),
        'QUIZ012',
        `attempts must be a whole number from 1 to 9 or "unlimited", got ${show(v)}`,
      );
  }

  let grading: GradingMethod = 'highest';
  if (top.has('grading')) {
    const v = top.get('grading');
    if (typeof v === 'string' && (GRADING_METHODS as readonly string[]).includes(v))
      grading = v as GradingMethod;
    else
      diags.error(
        file,
        at('grading'),
        'QUIZ012',
        `grading must be one of ${GRADING_METHODS.join(', ')}, got ${show(v)}`,
      );
  }

  let cbm = false;
  if (top.has('cbm')) {
    const v = top.get('cbm');
    if (typeof v !== 'boolean')
      diags.error(file, at('cbm'), 'QUIZ012', `cbm must be true or false, got ${show(v)}`);
    else if (v && final)
      // The final's grade and pass mark are a percentage of points, which certainty marks do not
      // change, and its three kept attempts would outgrow the resume-state budget with them.
      diags.error(
        file,
        at('cbm'),
        'QUIZ012',
        'cbm is for formative checks only: the final assessment is graded by the percentage of points; remove "cbm: true"',
      );
    else cbm = v;
  }

  return {
    kind,
    ...(lesson ? { lesson } : {}),
    draw,
    passMark,
    attempts,
    grading,
    feedback: final ? 'end' : 'immediate',
    cbm,
  };
}

interface ItemResult {
  item: QuizItem;
  text: Record<ContentLocale, ItemText>;
  feedback: Record<ContentLocale, ItemFeedback>;
}

/** A list of `{id, es, en, zh, fixed?, feedback?}` entries (choices, premises, responses, steps). */
interface Entry {
  id: string;
  pos: Pos;
  text: Record<ContentLocale, Inline[]>;
  fixed: boolean;
  feedback: Record<ContentLocale, Inline[]> | null;
}

function compileItem(
  env: Env,
  ys: YamlSource,
  file: string,
  node: unknown,
  quizKind: QuizKind,
  quizLesson: string | undefined,
): ItemResult | null {
  const { diags } = env;
  if (!isMap(node)) {
    diags.error(
      file,
      ys.pos(node),
      'QUIZ001',
      'an item must be a map with id, kind, objective, paragraphs, stem, answer and explanation',
    );
    return null;
  }
  const at = ys.pos(node);
  const pos = (k: string) => fieldPos(ys, node, k, at);
  const id = node.get('id');
  if (typeof id !== 'string' || !KEBAB.test(id)) {
    diags.error(file, pos('id'), 'QUIZ001', `item id ${show(id ?? null)} must be a kebab-case string`);
    return null;
  }
  const first = env.itemIds.get(id);
  if (first) {
    diags.error(file, pos('id'), 'QUIZ005', `duplicate item id "${id}" (first defined at ${first})`);
    return null;
  }
  env.itemIds.set(id, `${file}:${pos('id').line}`);

  const kindValue = node.get('kind');
  if (typeof kindValue !== 'string' || !(ITEM_KINDS as readonly string[]).includes(kindValue)) {
    diags.error(
      file,
      pos('kind'),
      'QUIZ001',
      `item "${id}": kind ${show(kindValue ?? null)} must be one of ${ITEM_KINDS.join(', ')}`,
    );
    return null;
  }
  const kind = kindValue as ItemKind;
  const allowed = [...COMMON_ITEM_FIELDS, ...KIND_FIELDS[kind]];
  warnUnknownFields(env, ys, file, node, allowed, (key) => `unknown field "${key}" for a ${kind} item`);

  // Lesson and objective.
  let lesson = quizLesson ?? '';
  const lessonValue = node.get('lesson');
  if (quizKind === 'formative') {
    if (node.has('lesson') && lessonValue !== quizLesson)
      diags.error(
        file,
        pos('lesson'),
        'QUIZ010',
        `item "${id}" names lesson ${show(lessonValue)} but the quiz checks "${quizLesson ?? ''}"`,
      );
  } else if (typeof lessonValue !== 'string' || lessonValue === '') {
    diags.error(
      file,
      pos('lesson'),
      'QUIZ010',
      `item "${id}" needs "lesson: <lesson-id>", the lesson it assesses`,
    );
  } else {
    lesson = lessonValue;
    if (!env.lessons.has(lessonValue))
      diags.error(file, pos('lesson'), 'QUIZ010', `item "${id}": unknown lesson "${lessonValue}"`);
  }
  const info = env.lessons.get(lesson);
  const objective = node.get('objective');
  let objectiveNumber = 1;
  if (typeof objective !== 'number' || !Number.isInteger(objective) || objective < 1) {
    diags.error(
      file,
      pos('objective'),
      'QUIZ010',
      `item "${id}": objective must be the 1-based number of a learning objective of the lesson, got ${show(objective ?? null)}`,
    );
  } else {
    objectiveNumber = objective;
    if (info && objective > info.objectives)
      diags.error(
        file,
        pos('objective'),
        'QUIZ010',
        `item "${id}": lesson "${lesson}" has ${info.objectives} objectives, there is no objective ${objective}`,
      );
  }

  // Paragraphs.
  let paragraphs: number[] = [];
  const pNode = node.get('paragraphs', true);
  if (isEmpty(pNode) || (isSeq(pNode) && pNode.items.length === 0)) {
    diags.error(
      file,
      pos('paragraphs'),
      'QUIZ002',
      `item "${id}" cites no paragraphs: list the paragraphs that answer it, e.g. [25, 27-28]`,
    );
  } else {
    paragraphs =
      readParagraphList(pNode, ys, file, diags, 'QUIZ002', env.paragraphs, `paragraphs of "${id}"`) ?? [];
    const outside = info ? paragraphs.filter((n) => !info.paragraphs.includes(n)) : [];
    if (outside.length > 0)
      diags.warn(
        file,
        ys.pos(pNode),
        'QUIZ014',
        `item "${id}" cites ${formatParagraphList(outside)}, outside lesson "${lesson}" (${formatParagraphList(info!.paragraphs)})`,
      );
  }

  const fields = localeFields(env, ys, file, node, at);
  const stem = fields.inline('stem', `stem of "${id}"`);
  const explanationCites = Object.fromEntries(CONTENT_LOCALES.map((l) => [l, new Set<number>()])) as Record<
    ContentLocale,
    Set<number>
  >;
  const explanation = fields.inline('explanation', `explanation of "${id}"`, explanationCites);
  if (node.has('explanation') && isMap(node.get('explanation', true))) {
    for (const l of CONTENT_LOCALES) {
      if (explanation[l].length === 0) continue;
      const cited = [...explanationCites[l]];
      const lnode = (node.get('explanation', true) as unknown as YAMLMap).get(l, true);
      const lpos = ys.pos(lnode, pos('explanation'));
      if (cited.length === 0)
        diags.error(
          file,
          lpos,
          'QUIZ009',
          `the ${l} explanation of "${id}" cites no paragraph: say why, citing where the answer is, e.g. [¶${paragraphs[0] ?? 1}]`,
        );
      else if (paragraphs.length > 0 && cited.some((n) => !paragraphs.includes(n)))
        diags.warn(
          file,
          lpos,
          'QUIZ009',
          `the ${l} explanation of "${id}" cites ${formatParagraphList(cited.filter((n) => !paragraphs.includes(n)))}, not listed in its paragraphs (${formatParagraphList(paragraphs)})`,
        );
    }
  }

  const base = { id, lesson, objective: objectiveNumber, paragraphs };
  const text = Object.fromEntries(
    CONTENT_LOCALES.map((l) => [l, { stem: stem[l], choices: {} as Record<string, Inline[]> }]),
  ) as Record<ContentLocale, ItemText>;
  const fb = Object.fromEntries(
    CONTENT_LOCALES.map((l) => [l, { explanation: explanation[l], choices: {} as Record<string, Inline[]> }]),
  ) as Record<ContentLocale, ItemFeedback>;
  const addTexts = (entries: Entry[]) => {
    for (const e of entries)
      for (const l of CONTENT_LOCALES) {
        text[l].choices[e.id] = e.text[l];
        if (e.feedback) fb[l].choices[e.id] = e.feedback[l];
      }
  };
  const answerNode = node.get('answer', true);
  const answerPos = pos('answer');
  const answer = node.get('answer');
  const noAnswer = () => {
    diags.error(file, answerPos, 'QUIZ004', `item "${id}" has no answer`);
  };
  /** QUIZ004 at the answer: the key does not fit the item. */
  const wrongAnswer = (message: string) => {
    diags.error(file, answerPos, 'QUIZ004', `item "${id}": ${message}`);
  };
  /** The ids an answer lists, in its order, less those not `known` (QUIZ004) or listed again (QUIZ005). */
  const listedIds = (
    answerList: YAMLSeq,
    known: ReadonlySet<string>,
    unknown: (v: unknown) => string,
    repeated: (v: string) => string,
  ): string[] => {
    const out: string[] = [];
    for (const a of answerList.items) {
      const v = isScalar(a) ? a.value : undefined;
      if (typeof v !== 'string' || !known.has(v))
        diags.error(file, ys.pos(a), 'QUIZ004', `item "${id}": ${unknown(v)}`);
      else if (out.includes(v)) diags.error(file, ys.pos(a), 'QUIZ005', `item "${id}": ${repeated(v)}`);
      else out.push(v);
    }
    return out;
  };
  /** Ids in one namespace per item: texts are keyed by them. */
  const seenIds = new Map<string, Pos>();

  switch (kind) {
    case 'single':
    case 'multiple': {
      const choices = readEntries(env, ys, file, node, 'choices', id, seenIds, true);
      addTexts(choices);
      checkCount(env, file, pos('choices'), id, 'choices', choices.length, MIN_CHOICES[kind]);
      const shuffleValue = node.get('shuffle');
      if (node.has('shuffle') && typeof shuffleValue !== 'boolean')
        diags.error(
          file,
          pos('shuffle'),
          'QUIZ001',
          `item "${id}": shuffle must be true or false, got ${show(shuffleValue)}`,
        );
      const keepOrder = shuffleValue === false;
      const list: Choice[] = choices.map((c) =>
        keepOrder || c.fixed ? { id: c.id, fixed: true } : { id: c.id },
      );
      const ids = new Set(choices.map((c) => c.id));
      if (kind === 'single') {
        if (answerNode === undefined) noAnswer();
        else if (typeof answer !== 'string')
          wrongAnswer(`the answer of a single-choice item is one choice id, got ${show(answer)}`);
        else if (!ids.has(answer))
          wrongAnswer(`the answer "${answer}" is not one of its choices (${[...ids].join(', ')})`);
        return {
          item: {
            ...base,
            kind,
            choices: list,
            rubric: { correct: typeof answer === 'string' ? answer : '' },
          },
          text,
          feedback: fb,
        };
      }
      let picked: string[] = [];
      if (answerNode === undefined) noAnswer();
      else if (!isSeq(answerNode) || answerNode.items.length === 0)
        wrongAnswer(`the answer of a multiple-choice item is a list of one or more choice ids`);
      else
        picked = listedIds(
          answerNode,
          ids,
          (v) => `the answer ${show(v)} is not one of its choices (${[...ids].join(', ')})`,
          (v) => `"${v}" is listed twice in the answer`,
        );
      if (picked.length > 0 && picked.length === choices.length)
        diags.warn(
          file,
          answerPos,
          'QUIZ004',
          `item "${id}": every choice is correct, so ticking all of them always wins; add a wrong choice`,
        );
      return { item: { ...base, kind, choices: list, rubric: { correct: picked } }, text, feedback: fb };
    }
    case 'true-false': {
      if (answerNode === undefined) noAnswer();
      else if (typeof answer !== 'boolean')
        wrongAnswer(`the answer of a true-false item is true or false, got ${show(answer)}`);
      return { item: { ...base, kind, rubric: { correct: answer === true } }, text, feedback: fb };
    }
    case 'matching': {
      const premises = readEntries(env, ys, file, node, 'premises', id, seenIds, false);
      const responses = readEntries(env, ys, file, node, 'responses', id, seenIds, false);
      addTexts(premises);
      addTexts(responses);
      checkCount(env, file, pos('premises'), id, 'premises', premises.length, MIN_CHOICES.premises);
      if (responses.length < premises.length)
        diags.error(
          file,
          pos('responses'),
          'QUIZ006',
          `item "${id}" has ${responses.length} responses for ${premises.length} premises: every premise needs a response`,
        );
      else checkCount(env, file, pos('responses'), id, 'responses', responses.length, MIN_CHOICES.premises);
      const pairs: Record<string, string> = {};
      const pIds = premises.map((p) => p.id);
      const rIds = new Set(responses.map((r) => r.id));
      if (answerNode === undefined) noAnswer();
      else if (!isMap(answerNode))
        wrongAnswer(`the answer of a matching item maps each premise id to a response id`);
      else {
        for (const pair of answerNode.items) {
          const k = isScalar(pair.key) ? String(pair.key.value) : '';
          const v = isScalar(pair.value) ? pair.value.value : undefined;
          if (!pIds.includes(k))
            diags.error(
              file,
              ys.pos(pair.key),
              'QUIZ004',
              `item "${id}": "${k}" in the answer is not one of its premises (${pIds.join(', ')})`,
            );
          else if (typeof v !== 'string' || !rIds.has(v))
            diags.error(
              file,
              ys.pos(pair.value ?? pair.key),
              'QUIZ004',
              `item "${id}": ${show(v)} matched to "${k}" is not one of its responses (${[...rIds].join(', ')})`,
            );
          else pairs[k] = v;
        }
        for (const p of pIds)
          if (!answerNode.has(p)) wrongAnswer(`the answer gives no response for premise "${p}"`);
      }
      return {
        item: { ...base, kind, premises: pIds, responses: responses.map((r) => r.id), rubric: { pairs } },
        text,
        feedback: fb,
      };
    }
    case 'sequencing': {
      const steps = readEntries(env, ys, file, node, 'steps', id, seenIds, false);
      addTexts(steps);
      checkCount(env, file, pos('steps'), id, 'steps', steps.length, MIN_CHOICES.steps);
      const sIds = steps.map((s) => s.id);
      let order: string[] = [];
      if (answerNode === undefined) noAnswer();
      else if (!isSeq(answerNode))
        wrongAnswer(`the answer of a sequencing item lists every step id in the right order`);
      else {
        order = listedIds(
          answerNode,
          new Set(sIds),
          (v) => `${show(v)} in the answer is not one of its steps (${sIds.join(', ')})`,
          (v) => `step "${v}" is listed twice in the answer`,
        );
        const left = sIds.filter((s) => !order.includes(s));
        if (left.length > 0)
          wrongAnswer(`the answer leaves out step${left.length === 1 ? '' : 's'} ${left.join(', ')}`);
      }
      // The public order is derived from the ids, never the authored order (usually the key).
      const canonical = [...sIds].sort(
        (a, b) => hashString(`${id}:${a}`) - hashString(`${id}:${b}`) || (a < b ? -1 : 1),
      );
      return {
        item: { ...base, kind, steps: canonical, keyHash: sequenceHash(order), rubric: { order } },
        text,
        feedback: fb,
      };
    }
    case 'numeric': {
      let value = 0;
      if (answerNode === undefined) noAnswer();
      else if (typeof answer !== 'number' || !Number.isFinite(answer))
        wrongAnswer(`the answer of a numeric item is a number, got ${show(answer)}`);
      else value = answer;
      let tolerance = 0;
      if (node.has('tolerance')) {
        const t = node.get('tolerance');
        if (typeof t !== 'number' || !Number.isFinite(t))
          diags.error(
            file,
            pos('tolerance'),
            'QUIZ007',
            `item "${id}": tolerance must be a number ≥ 0, got ${show(t)}`,
          );
        else if (t < 0)
          diags.error(
            file,
            pos('tolerance'),
            'QUIZ007',
            `item "${id}": tolerance ${t} is negative; write the absolute margin, e.g. ${-t}`,
          );
        else tolerance = t;
      }
      if (node.has('unit')) {
        const unit = fields.plain('unit', `unit of "${id}"`);
        for (const l of CONTENT_LOCALES) if (unit[l]) text[l].unit = unit[l];
      }
      return { item: { ...base, kind, rubric: { value, tolerance } }, text, feedback: fb };
    }
    case 'fill-in': {
      const accepted = { es: [], en: [], zh: [] } as Record<ContentLocale, string[]>;
      if (answerNode === undefined) noAnswer();
      else if (!isMap(answerNode))
        wrongAnswer(`the answer of a fill-in item lists accepted answers per locale (es, en, zh)`);
      else {
        checkLocaleKeys(env, ys, file, answerNode, `answer of "${id}"`);
        for (const l of CONTENT_LOCALES) {
          const v = answerNode.get(l, true);
          const list = isSeq(v) ? v.items : v === undefined ? [] : [v];
          if (list.length === 0) {
            diags.error(file, answerPos, 'QUIZ003', `item "${id}": the answer has no accepted ${l} text`);
            continue;
          }
          for (const a of list) {
            const s = isScalar(a) ? a.value : undefined;
            const norm = typeof s === 'string' || typeof s === 'number' ? normalizeAnswer(String(s)) : '';
            if (norm === '')
              diags.error(
                file,
                ys.pos(a, answerPos),
                'QUIZ015',
                `item "${id}": accepted ${l} answer ${show(s)} is empty once normalised`,
              );
            else if (norm.length > FILL_IN_MAX_LENGTH)
              diags.error(
                file,
                ys.pos(a, answerPos),
                'QUIZ015',
                `item "${id}": accepted ${l} answer "${norm}" is longer than ${FILL_IN_MAX_LENGTH} characters; ask for a shorter answer`,
              );
            else if (!accepted[l].some((x) => normalizeAnswer(x) === norm)) accepted[l].push(String(s).trim());
          }
        }
      }
      return { item: { ...base, kind, rubric: { accepted } }, text, feedback: fb };
    }
  }
}

function checkCount(env: Env, file: string, at: Pos, id: string, what: string, n: number, min: number): void {
  if (n < min)
    env.diags.error(file, at, 'QUIZ006', `item "${id}" has ${n} ${what}; at least ${min} are needed`);
  else if (n > MAX_CHOICES)
    env.diags.error(
      file,
      at,
      'QUIZ006',
      `item "${id}" has ${n} ${what}; at most ${MAX_CHOICES} fit in the saved attempt`,
    );
}

function readEntries(
  env: Env,
  ys: YamlSource,
  file: string,
  item: YAMLMap,
  field: string,
  itemId: string,
  seen: Map<string, Pos>,
  choiceFields: boolean,
): Entry[] {
  const { diags } = env;
  const at = ys.pos(item);
  const node = item.get(field, true);
  if (!isSeq(node)) {
    diags.error(
      file,
      fieldPos(ys, item, field, at),
      'QUIZ001',
      `item "${itemId}": ${field} must be a list of {id, es, en, zh} entries`,
    );
    return [];
  }
  const allowed = ['id', ...LOCALE_KEYS, ...(choiceFields ? ['fixed', 'feedback'] : [])];
  const out: Entry[] = [];
  for (const e of node.items) {
    if (!isMap(e)) {
      diags.error(
        file,
        ys.pos(e),
        'QUIZ001',
        `item "${itemId}": each of its ${field} is a map with id, es, en and zh`,
      );
      continue;
    }
    const epos = ys.pos(e);
    const id = e.get('id');
    const idPos = fieldPos(ys, e, 'id', epos);
    if (typeof id !== 'string' || !KEBAB.test(id)) {
      diags.error(
        file,
        idPos,
        'QUIZ001',
        `item "${itemId}": ${field} id ${show(id ?? null)} must be a kebab-case string`,
      );
      continue;
    }
    const prev = seen.get(id);
    if (prev) {
      diags.error(
        file,
        idPos,
        'QUIZ005',
        `item "${itemId}": duplicate id "${id}" (first used on line ${prev.line})`,
      );
      continue;
    }
    seen.set(id, idPos);
    const where = `${field} "${id}" of "${itemId}"`;
    warnUnknownFields(env, ys, file, e, allowed, (key) => `unknown field "${key}" in ${where}`);
    const text = Object.fromEntries(
      CONTENT_LOCALES.map((l) => [l, readInline(env, ys, file, e.get(l, true), l, where, epos)]),
    ) as Record<ContentLocale, Inline[]>;
    const fixedValue = e.get('fixed');
    if (e.has('fixed') && typeof fixedValue !== 'boolean')
      diags.error(
        file,
        fieldPos(ys, e, 'fixed', epos),
        'QUIZ001',
        `"${id}" of "${itemId}": fixed must be true or false`,
      );
    const feedback = e.has('feedback')
      ? localeFields(env, ys, file, e, epos).inline('feedback', `feedback on "${id}" of "${itemId}"`)
      : null;
    out.push({ id, pos: epos, text, fixed: fixedValue === true, feedback });
  }
  return out;
}

function checkLocaleKeys(env: Env, ys: YamlSource, file: string, map: YAMLMap, what: string): void {
  for (const { key, node } of keysOf(map))
    if (!LOCALE_KEYS.includes(key))
      env.diags.error(
        file,
        ys.pos(node),
        'QUIZ003',
        `${what}: "${key}" is not a content locale (es, en, zh)`,
      );
}

/** One locale's text compiled as inline markdown (citations, terms, emphasis). */
function readInline(
  env: Env,
  ys: YamlSource,
  file: string,
  node: unknown,
  locale: ContentLocale,
  what: string,
  fallback: Pos,
  cites: Set<number> = new Set(),
): Inline[] {
  if (isEmpty(node)) {
    env.diags.error(file, fallback, 'QUIZ003', `${what} has no ${locale} text`);
    return [];
  }
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    env.diags.error(file, ys.pos(node, fallback), 'QUIZ001', `${what}: the ${locale} text must be a string`);
    return [];
  }
  const value = String(node.value);
  const locate = typeof node.value === 'string' ? ys.locator(node as Scalar) : () => ys.pos(node, fallback);
  const ctx: MdContext = {
    file,
    diags: env.diags,
    source: value,
    locate,
    locale,
    paragraphs: env.paragraphs,
    glossary: env.glossary,
    cites,
  };
  return compileInlineText(ctx);
}

/**
 * Readers of the `{es, en, zh}` fields of `parent` (a quiz, an item, a choice), which starts at
 * `at`. Each reports a missing field, a value that is not a map, keys that are not content
 * locales and locales without text.
 */
function localeFields(env: Env, ys: YamlSource, file: string, parent: YAMLMap, at: Pos) {
  /** The field's map and position, or null (reported) when there is no map to read. */
  const localeMap = (key: string, what: string): { map: YAMLMap; at: Pos } | null => {
    const node: unknown = parent.get(key, true);
    const fallback = fieldPos(ys, parent, key, at);
    if (isEmpty(node)) {
      env.diags.error(file, fallback, 'QUIZ003', `${what} has no text (expected es, en and zh)`);
      return null;
    }
    if (!isMap(node)) {
      env.diags.error(
        file,
        ys.pos(node as YamlNode, fallback),
        'QUIZ001',
        `${what} must be a map with es, en and zh`,
      );
      return null;
    }
    checkLocaleKeys(env, ys, file, node, what);
    return { map: node, at: ys.pos(node, fallback) };
  };
  return {
    /** Inline markdown per locale; the paragraphs each locale cites are added to `cites`. */
    inline(
      key: string,
      what: string,
      cites?: Record<ContentLocale, Set<number>>,
    ): Record<ContentLocale, Inline[]> {
      const out = { es: [], en: [], zh: [] } as Record<ContentLocale, Inline[]>;
      const m = localeMap(key, what);
      if (m)
        for (const l of CONTENT_LOCALES)
          out[l] = readInline(env, ys, file, m.map.get(l, true), l, what, m.at, cites?.[l]);
      return out;
    },
    /** Plain text per locale (titles, units). */
    plain(key: string, what: string): Record<ContentLocale, string> {
      const out = { es: '', en: '', zh: '' } as Record<ContentLocale, string>;
      const m = localeMap(key, what);
      if (m)
        for (const l of CONTENT_LOCALES) {
          const v = m.map.get(l);
          if (typeof v === 'string' && v.trim() !== '') out[l] = v.trim();
          else env.diags.error(file, m.at, 'QUIZ003', `${what} has no ${l} text`);
        }
      return out;
    },
  };
}

/**
 * Every route the app defines, read from the router table in src/app.tsx at test time, and a
 * concrete URL (or several) for each, so the quality gates cannot forget a route: a route added
 * to the router is tested the next time the gates run, and a route whose parameters this file
 * cannot fill fails with a message naming the parameter, instead of being skipped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { CompileResult as CompiledCourse } from '../../src/content/compile.ts';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ROUTER_FILE = path.join(root, 'src/app.tsx');

/**
 * The full path patterns of the router table (`'/'`, `'/lesson/:lessonId/:sectionId?'`, `'*'`…),
 * in the order they are declared. Walks every `createHashRouter([...])` / `createBrowserRouter`
 * call in `file`, joining nested `path`s and treating `index: true` as its parent's path.
 * Throws when the table is built from something it cannot read statically (a spread, a variable,
 * a computed path), so a route cannot hide from the gates.
 */
export function routePatterns(file = ROUTER_FILE): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const where = (node: ts.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `${path.relative(root, file)}:${line + 1}:${character + 1}`;
  };
  const out: string[] = [];
  const join = (base: string, seg: string) =>
    seg.startsWith('/') ? seg : seg === '*' && base === '/' ? '*' : `${base.replace(/\/$/, '')}/${seg}`;

  const walkArray = (arr: ts.Expression, base: string) => {
    if (!ts.isArrayLiteralExpression(arr)) {
      throw new Error(`${where(arr)} route list is not an array literal: list the routes inline, or teach tests/browser/route-inventory.ts to follow it`);
    }
    for (const el of arr.elements) {
      if (!ts.isObjectLiteralExpression(el)) {
        throw new Error(`${where(el)} route entry is not an object literal (spread or variable): tests/browser/route-inventory.ts cannot see the routes in it`);
      }
      let own: string | null = null;
      let isIndex = false;
      let children: ts.Expression | null = null;
      for (const prop of el.properties) {
        if (!ts.isPropertyAssignment(prop) || !prop.name || !ts.isIdentifier(prop.name)) continue;
        if (prop.name.text === 'path') {
          if (!ts.isStringLiteralLike(prop.initializer)) throw new Error(`${where(prop)} route path is not a string literal`);
          own = prop.initializer.text;
        } else if (prop.name.text === 'index' && prop.initializer.kind === ts.SyntaxKind.TrueKeyword) {
          isIndex = true;
        } else if (prop.name.text === 'children') {
          children = prop.initializer;
        }
      }
      const full = own === null ? base : join(base, own);
      if (isIndex || (own !== null && !children)) out.push(full);
      if (children) walkArray(children, full);
    }
  };

  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      /^create(Hash|Browser|Memory)Router$/.test(node.expression.text) &&
      node.arguments[0]
    ) {
      walkArray(node.arguments[0], '/');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (out.length === 0) throw new Error(`${path.relative(root, file)}: no createHashRouter([...]) route table found`);
  return out;
}

/** What a route's parameters can be filled with. */
export interface RouteContext {
  course: CompiledCourse;
  /** The UI locale under test (for routes that take a locale parameter). */
  locale: string;
}

type Resolver = (ctx: RouteContext) => string[];

const firstLesson = (c: RouteContext) => c.course.index.lessons[0]!;
/**
 * The first lesson's formative check (the final assessment has a route of its own, #/assessment),
 * or the first quiz there is.
 */
const quizIds = (c: RouteContext): string[] => {
  const quizzes = c.course.index.quizzes ?? [];
  const pick = quizzes.find((q) => q.kind === 'formative' && q.lesson === firstLesson(c).id) ?? quizzes[0];
  return pick ? [pick.id] : [];
};

/**
 * Values for a parameter, keyed by `<static segment before it>/:<name>` first, then `:<name>`.
 * Extend this table when a route with a new parameter lands; until then that route fails the
 * gates with a message saying so.
 */
const RESOLVERS: Record<string, Resolver> = {
  ':lessonId': (c) => [firstLesson(c).id],
  ':lesson': (c) => [firstLesson(c).id],
  ':sectionId': (c) => [firstLesson(c).sectionIds[firstLesson(c).sectionIds.length - 1]!],
  'source/:n': () => ['25'],
  ':termId': (c) => [c.course.glossary[0]?.id ?? 'npt'],
  ':quizId': (c) => quizIds(c).slice(0, 1),
  'quiz/:id': (c) => quizIds(c).slice(0, 1),
  ':locale': (c) => [c.locale],
  ':lang': (c) => [c.locale],
};

/**
 * Concrete hash routes for one pattern: an optional parameter gives one URL without it and one
 * with it; `*` gives a path no route matches.
 */
export function concreteRoutes(pattern: string, ctx: RouteContext): string[] {
  if (pattern === '*') return ['/no-such-page'];
  let routes = [''];
  const segments = pattern.split('/').filter(Boolean);
  segments.forEach((seg, i) => {
    if (!seg.startsWith(':')) {
      if (seg === '*') throw new Error(`route ${pattern}: a splat inside a path needs a value in tests/browser/route-inventory.ts`);
      routes = routes.map((r) => `${r}/${seg}`);
      return;
    }
    const optional = seg.endsWith('?');
    const name = optional ? seg.slice(0, -1) : seg;
    const before = segments[i - 1];
    const resolver = (before && RESOLVERS[`${before}/${name}`]) || RESOLVERS[name];
    if (!resolver) {
      throw new Error(
        `route ${pattern}: no value for parameter ${name}; add one to RESOLVERS in tests/browser/route-inventory.ts so the accessibility, reflow and security gates open this route`,
      );
    }
    const values = resolver(ctx);
    if (values.length === 0) throw new Error(`route ${pattern}: parameter ${name} has no value in this course (no data for it yet?)`);
    routes = routes.flatMap((r) => [...(optional ? [r] : []), ...values.map((v) => `${r}/${encodeURIComponent(v)}`)]);
  });
  return routes.map((r) => r || '/');
}

/** Every concrete hash route of the app, once each. */
export function allRoutes(ctx: RouteContext): string[] {
  return [...new Set(routePatterns().flatMap((p) => concreteRoutes(p, ctx)))];
}

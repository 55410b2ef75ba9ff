import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/content/compile.ts';
import { allRoutes, concreteRoutes, routePatterns } from '../../browser/route-inventory.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'routes-'));
function table(body: string): string {
  const file = path.join(tmp, `app-${Math.random().toString(36).slice(2)}.tsx`);
  writeFileSync(file, `import { createHashRouter } from 'react-router';\nexport const router = createHashRouter(${body});\n`);
  return file;
}
const root = path.resolve(import.meta.dirname, '../../..');
const course = compileCourse({ root });

describe('the route inventory the accessibility, reflow and security gates walk', () => {
  it('joins nested paths, counts index routes and keeps declaration order', () => {
    const file = table(`[{ path: '/', element: <L />, children: [
      { index: true, element: <H /> },
      { path: 'quiz/:quizId', lazy: x },
      { path: 'instructor', children: [{ path: 'results', lazy: y }, { index: true, lazy: z }] },
      { path: '*', lazy: w },
    ] }, { path: '/present/:lesson', lazy: p }]`);
    expect(routePatterns(file)).toEqual(['/', '/quiz/:quizId', '/instructor/results', '/instructor', '*', '/present/:lesson']);
  });

  it('refuses a route list it cannot read, naming the line', () => {
    const file = table(`[{ path: '/', children: [...instructorRoutes] }]`);
    expect(() => routePatterns(file)).toThrow(/:2:\d+ route entry is not an object literal/);
  });

  it('fails on a parameter it has no value for instead of skipping the route', () => {
    expect(() => concreteRoutes('/report/:chapter', { course, locale: 'en' })).toThrow(/no value for parameter :chapter/);
  });

  it('opens an optional parameter both without and with a value', () => {
    expect(concreteRoutes('/source/:n?', { course, locale: 'en' })).toEqual(['/source', '/source/25']);
    expect(concreteRoutes('/print/:locale', { course, locale: 'ar' })).toEqual(['/print/ar']);
  });

  it('covers every route of the real router, with the catch-all as an unknown page', () => {
    const routes = allRoutes({ course, locale: 'en' });
    expect(routes[0]).toBe('/');
    expect(routes).toContain('/no-such-page');
    expect(routes).toContain(`/lesson/${course.index.lessons[0]!.id}`);
  });
});

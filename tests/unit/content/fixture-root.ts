import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { compileCourse } from '../../../src/content/index.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/content');
const REAL_REPORT = path.join(REPO_ROOT, 'lessons/source/report.zh.md');

/**
 * Copies a golden-fixture case to a temporary project root, adding the real report when the case
 * brings none, so fixtures stay small and the citation range is the real 1–91.
 */
export function fixtureRoot(name: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `content-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  const report = path.join(root, 'lessons/source/report.zh.md');
  if (!fs.existsSync(report)) {
    fs.mkdirSync(path.dirname(report), { recursive: true });
    fs.copyFileSync(REAL_REPORT, report);
  }
  return root;
}

export function removeRoot(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/**
 * Golden-fixture cases for one test file (or one describe block, when called in it): `root`
 * copies a case to a temporary root, `compile` compiles such a copy; every copy is removed after
 * the tests.
 */
export function fixtureRoots(): {
  root: (name: string) => string;
  compile: (name: string) => ReturnType<typeof compileCourse>;
} {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeRoot));
  const root = (name: string) => {
    const dir = fixtureRoot(name);
    roots.push(dir);
    return dir;
  };
  return { root, compile: (name) => compileCourse({ root: root(name) }) };
}

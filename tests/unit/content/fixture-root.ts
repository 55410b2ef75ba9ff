import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

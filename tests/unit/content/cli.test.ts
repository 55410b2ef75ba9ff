import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, fixtureRoot, removeRoot } from './fixture-root.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeRoot));

function check(fixture: string, ...flags: string[]) {
  const root = fixtureRoot(fixture);
  roots.push(root);
  const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
  return spawnSync(
    tsx,
    [path.join(REPO_ROOT, 'src/content/cli.ts'), 'check', '--content-only', '--root', root, ...flags],
    {
      encoding: 'utf8',
      cwd: REPO_ROOT,
    },
  );
}

describe('npm run check (content only)', () => {
  it('prints one JSON object with the diagnostics and exits 1 when there are errors', () => {
    const run = check('cite003-reversed', '--json');
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as {
      ok: boolean;
      types: { ok: boolean; output: string };
      lint: { ok: boolean; output: string };
      stats: { lessonsPerLocale: Record<string, number> };
      diagnostics: { code: string; formatted: string }[];
      summary: { errors: number; warnings: number; text: string };
    };
    expect(out.ok).toBe(false);
    expect(out.types.ok).toBe(true);
    expect(out.lint.ok).toBe(true);
    expect(out.stats.lessonsPerLocale).toEqual({ es: 1, en: 1, zh: 1 });
    expect(out.diagnostics.map((d) => d.formatted)).toEqual([
      'lessons/01-intro/en.md:26:52 error CITE003 reversed range [¶2-1]: write [¶1-2]',
    ]);
    expect(out.summary).toEqual({ errors: 1, warnings: 0, text: '1 error, 0 warnings' });
  }, 20_000);

  it('prints a human summary and exits 0 for a valid course', () => {
    const run = check('valid');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('paragraphs:  es 2/91, en 2/91, zh 2/91 covered');
    expect(run.stdout).toContain('quiz items:  2');
    expect(run.stdout.trimEnd().endsWith('0 errors, 0 warnings')).toBe(true);
  }, 20_000);
});

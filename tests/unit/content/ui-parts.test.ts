import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INSTRUCTOR_GROUPS, uiPart } from '../../../src/content/ui-parts.ts';
import { UI_LOCALES } from '../../../src/content/ui-strings.ts';

const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
type Strings = Record<string, unknown>;
const read = (locale: string) => JSON.parse(fs.readFileSync(path.join(root, 'locales', locale, 'ui.json'), 'utf8')) as Strings;

function flatten(o: Strings, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? flatten(v as Strings, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** Files that learner pages load: their t('…') keys must be in the learner part. */
const LEARNER_FILES = [
  'src/ui',
  'src/routes/home.tsx',
  'src/routes/lesson.tsx',
  'src/routes/quiz.tsx',
  'src/routes/source.tsx',
  'src/routes/glossary.tsx',
  'src/routes/timeline.tsx',
  'src/routes/settings.tsx',
  'src/routes/certificate.tsx',
  'src/routes/not-found.tsx',
  'src/instructor/certificate-link.tsx',
];

function sources(rel: string): string[] {
  const full = path.join(root, rel);
  if (fs.statSync(full).isFile()) return [fs.readFileSync(full, 'utf8')];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => fs.readFileSync(path.join(full, f), 'utf8'));
}

describe('UI strings in a learner part and an instructor part', () => {
  it.each(UI_LOCALES)('puts every key of locales/%s/ui.json in exactly one part', (locale) => {
    const all = read(locale);
    const learner = flatten(uiPart(all, 'learner'));
    const instructor = flatten(uiPart(all, 'instructor'));
    expect([...learner, ...instructor].sort()).toEqual(flatten(all).sort());
    expect(learner.filter((k) => instructor.includes(k))).toEqual([]);
    expect(learner).toContain('instructor.footerLink');
    expect(instructor.every((k) => INSTRUCTOR_GROUPS.includes(k.split('.')[0]!))).toBe(true);
  });

  it('keeps the instructor views’ groups out of the learner part, which is much the smaller', () => {
    const en = read('en');
    const learner = uiPart(en, 'learner');
    expect(Object.keys(learner).filter((g) => INSTRUCTOR_GROUPS.includes(g))).toEqual(['instructor']);
    expect(JSON.stringify(learner).length).toBeLessThan(JSON.stringify(uiPart(en, 'instructor')).length);
  });

  it('has in the learner part every key that learner pages ask for', () => {
    const learner = new Set(flatten(uiPart(read('en'), 'learner')));
    const plural = /_(zero|one|two|few|many|other)$/;
    const bases = new Set([...learner].map((k) => k.replace(plural, '')));
    const asked = new Set<string>();
    for (const rel of LEARNER_FILES) {
      for (const code of sources(rel)) {
        for (const m of code.matchAll(/\bt\(\s*(['`])([a-zA-Z0-9_.-]+)(\$\{)?/g)) asked.add(m[3] ? `${m[2]}*` : m[2]!);
      }
    }
    expect(asked.size).toBeGreaterThan(50);
    const missing = [...asked].filter((k) =>
      k.endsWith('*') ? ![...learner].some((l) => l.startsWith(k.slice(0, -1))) : !learner.has(k) && !bases.has(k),
    );
    expect(missing).toEqual([]);
  });
});

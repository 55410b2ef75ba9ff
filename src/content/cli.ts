/**
 * `npm run check`: type-check, lint, then compile the course content and print every problem as
 * `path:line:col severity CODE message`. Exit code 1 when anything is an error.
 *
 *   tsx src/content/cli.ts check [--json] [--content-only] [--root <dir>]
 *
 * `--content-only` skips tsc and eslint (fast, for authors and tests); `--json` prints one JSON
 * object and nothing else on stdout.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compileCourse, formatDiagnostic, type CompileResult } from './compile.ts';
import { CONTENT_LOCALES } from './model.ts';

export interface ToolResult {
  ok: boolean;
  output: string;
  /** True when the step did not run (`--content-only`). */
  skipped?: boolean;
}

const ESLINT_CONFIGS = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

function run(root: string, bin: string, args: string[]): Promise<ToolResult> {
  const exe = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${bin}.cmd` : bin);
  if (!fs.existsSync(exe))
    return Promise.resolve({
      ok: false,
      output: `${bin} is not installed (${exe} not found): run npm install`,
    });
  return new Promise((resolve) => {
    const child = spawn(exe, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (e) => resolve({ ok: false, output: `${bin} could not start: ${e.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output: output.trim() }));
  });
}

function lint(root: string): Promise<ToolResult> {
  if (!ESLINT_CONFIGS.some((f) => fs.existsSync(path.join(root, f)))) {
    return Promise.resolve({
      ok: false,
      output: 'no eslint.config.js found in the project root: lint cannot run',
    });
  }
  return run(root, 'eslint', ['.']);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

function humanReport(
  result: CompileResult,
  types: ToolResult,
  lintResult: ToolResult,
  errors: number,
  warnings: number,
): string {
  const { stats } = result;
  const total = result.index.paragraphCount;
  const perLocale = (f: (l: (typeof CONTENT_LOCALES)[number]) => string) =>
    CONTENT_LOCALES.map((l) => `${l} ${f(l)}`).join(', ');
  const status = (t: ToolResult) => (t.skipped ? 'skipped' : t.ok ? 'ok' : 'failed');
  const lines = [
    'Course check',
    `  lessons:     ${perLocale((l) => String(stats.lessonsPerLocale[l]))}`,
    `  paragraphs:  ${perLocale((l) => `${stats.paragraphsCoveredPerLocale[l]}/${total}`)} covered`,
    `  glossary:    ${plural(stats.glossaryTerms, 'term')}`,
    `  timeline:    ${plural(stats.timelineEvents, 'event')}`,
    `  quiz items:  ${stats.quizItems}`,
    ...stats.quizzes.map(
      (q) =>
        `    ${q.id} (${q.kind}): ${q.kind === 'final' ? `bank ${q.items}, draw ${q.draw}` : plural(q.items, 'item')}; ` +
        Object.entries(q.byKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') +
        (q.kind === 'final'
          ? `; by lesson ${Object.entries(q.byLesson)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([l, n]) => `${l.slice(0, 2)}:${n}`)
              .join(' ')}`
          : ''),
    ),
    `  compile:     ${stats.compileMs} ms`,
    `  types:       ${status(types)}`,
  ];
  if (!types.ok && types.output) lines.push(indent(types.output));
  lines.push(`  lint:        ${status(lintResult)}`);
  if (!lintResult.ok && lintResult.output) lines.push(indent(lintResult.output));
  if (result.diagnostics.length > 0) lines.push('', ...result.diagnostics.map(formatDiagnostic));
  lines.push('', `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const json = args.includes('--json');
  const contentOnly = args.includes('--content-only');
  const rootFlag = args.indexOf('--root');
  const root = path.resolve(rootFlag !== -1 && args[rootFlag + 1] ? args[rootFlag + 1]! : process.cwd());
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--root');
  if (positional.length > 0 && positional[0] !== 'check') {
    process.stderr.write(
      `Unknown command "${positional[0]}". Usage: tsx src/content/cli.ts check [--json] [--content-only] [--root <dir>]\n`,
    );
    return 2;
  }

  const skipped: ToolResult = { ok: true, output: '', skipped: true };
  const [types, lintResult] = contentOnly
    ? [skipped, skipped]
    : await Promise.all([run(root, 'tsc', ['-p', '.', '--noEmit', '--pretty', 'false']), lint(root)]);
  const result = compileCourse({ root });
  const contentErrors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - contentErrors;
  const ok = contentErrors === 0 && types.ok && lintResult.ok;

  if (json) {
    const payload = {
      ok,
      types,
      lint: lintResult,
      stats: result.stats,
      diagnostics: result.diagnostics.map((d) => ({ ...d, formatted: formatDiagnostic(d) })),
      summary: {
        errors: contentErrors,
        warnings,
        text: `${plural(contentErrors, 'error')}, ${plural(warnings, 'warning')}`,
      },
    };
    process.stdout.write(`${JSON.stringify(payload)}\n`);
  } else {
    process.stdout.write(`${humanReport(result, types, lintResult, contentErrors, warnings)}\n`);
  }
  return ok ? 0 : 1;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`check failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);

/**
 * `npm run export-questions -- --format moodle-xml|gift --locale es|en|zh --out FILE`
 *
 * Writes every item of quizzes/ (each lesson's check and the final assessment's bank) in a format
 * Moodle's question bank imports: Moodle XML or GIFT, one category per lesson and quiz, feedback
 * and paragraph references kept (src/instructor/question-export). The course is compiled first;
 * content with errors is not exported.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileCourse } from '../src/content/compile.ts';
import { CONTENT_LOCALES, type ContentLocale } from '../src/content/model.ts';
import { ExportError, exportBank } from '../src/instructor/question-export/bank.ts';
import { toGift } from '../src/instructor/question-export/gift.ts';
import { toMoodleXml } from '../src/instructor/question-export/moodle-xml.ts';

export const FORMATS = ['moodle-xml', 'gift'] as const;
export type ExportFormat = (typeof FORMATS)[number];

const USAGE = 'usage: npm run export-questions -- --format moodle-xml|gift --locale es|en|zh --out FILE';

/** The export as text, from the project at `root`. Throws with a message a person can act on. */
export function exportQuestions(root: string, format: ExportFormat, locale: ContentLocale): { text: string; items: number } {
  const course = compileCourse({ root });
  const errors = course.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new ExportError(
      `the course content has ${errors.length} error(s); fix them first (npm run check):\n${errors
        .slice(0, 10)
        .map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)
        .join('\n')}`,
    );
  }
  const ui = JSON.parse(readFileSync(path.join(root, 'locales', locale, 'ui.json'), 'utf8')) as { app: { shortTitle: string } };
  const bank = exportBank(course.quizzes, course.index.lessons, locale, ui.app.shortTitle);
  if (bank.items.length === 0) throw new ExportError('quizzes/ holds no items to export');
  return { text: format === 'gift' ? toGift(bank) : toMoodleXml(bank), items: bank.items.length };
}

function main(argv: string[]): number {
  let values: { format?: string; locale?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { format: { type: 'string' }, locale: { type: 'string' }, out: { type: 'string' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  if (!FORMATS.includes(values.format as ExportFormat)) problems.push(`--format must be ${FORMATS.join(' or ')}${values.format ? `, not "${values.format}"` : ''}`);
  if (!(CONTENT_LOCALES as readonly string[]).includes(values.locale ?? '')) problems.push(`--locale must be one of ${CONTENT_LOCALES.join(', ')}${values.locale ? `, not "${values.locale}"` : ''}`);
  if (!values.out) problems.push('--out FILE is missing');
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  try {
    const { text, items } = exportQuestions(root, values.format as ExportFormat, values.locale as ContentLocale);
    const out = path.resolve(process.cwd(), values.out!);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, text);
    console.log(`${path.relative(process.cwd(), out)}: ${items} questions, ${values.format}, ${values.locale}`);
    return 0;
  } catch (e) {
    console.error(`export-questions: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));

/**
 * `npm run package`: builds the course (dist/web) and writes one zip per SCORM version:
 *
 *     dist/packages/<course>-scorm12.zip     SCORM 1.2
 *     dist/packages/<course>-scorm2004.zip   SCORM 2004 4th edition
 *
 * and, printed from the same build, the briefing books and facilitator guides as PDF
 * (scorm/print-pdfs.ts).
 *
 * Each holds the web build, imsmanifest.xml and the official schema files at its root. The
 * manifest is validated offline before anything is written (validate.ts); a problem stops the
 * build with every problem listed. `--no-build` packages the dist/web already there.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCourse } from '../src/content/compile.ts';
import { CONTENT_LOCALES } from '../src/content/model.ts';
import { COURSE_ID } from '../src/course-config.ts';
import { buildManifest, METADATA_12, metadata12, type CourseInfo, type PackageVersion } from './manifest.ts';
import { schemaFiles } from './schemas.ts';
import { formatProblems, validatePackage } from './validate.ts';
import { deflateCache, writeZip } from './zip.ts';

/** Largest zip an LMS administrator should have to upload. */
export const MAX_PACKAGE_BYTES = 600 * 1024;

/** A fixed time for every zip entry, so the same build gives the same zip. */
const ZIP_TIME = new Date('2020-04-27T00:00:00Z');

const DESCRIPTIONS: Record<string, string> = {
  es: 'Curso sobre desarme nuclear y no proliferación basado en el informe de México a la Conferencia de Examen del TNP de 2020 sobre las medidas nacionales adoptadas en relación con la medida 20 del plan de acción de 2010: 91 párrafos, citados uno por uno.',
  en: "A course on nuclear disarmament and non-proliferation built from Mexico's report to the 2020 NPT Review Conference on national measures under Action 20: 91 paragraphs, each one cited.",
  zh: '根据墨西哥就第20项行动下所采取国家措施向2020年《不扩散核武器条约》缔约国审议大会提交的报告编写的核裁军与不扩散课程：共91段，逐段引证。',
};

export interface BuiltPackage {
  version: PackageVersion;
  file: string;
  bytes: number;
  entries: string[];
  manifest: string;
}

/** Title per UI language (locales/<l>/ui.json app.title), description and objectives. */
export function courseInfo(root: string): CourseInfo {
  const course = compileCourse({ root });
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const title: Record<string, string> = {};
  for (const locale of readdirSync(path.join(root, 'locales')).sort()) {
    try {
      const ui = JSON.parse(readFileSync(path.join(root, 'locales', locale, 'ui.json'), 'utf8')) as { app?: { title?: string } };
      if (ui.app?.title) title[locale] = ui.app.title;
    } catch {
      /* a locale folder without UI strings has no title to give */
    }
  }
  const final = course.quizzes.map((q) => q.definition).find((q) => q.kind === 'final');
  return {
    id: COURSE_ID,
    version: pkg.version,
    title,
    description: DESCRIPTIONS,
    languages: [...CONTENT_LOCALES],
    passMark: final?.passMark ?? 0.8,
    objectives: course.index.lessons.map((l) => l.id),
  };
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
    });
}

/** index.html says which API to look for first: the packaged version. */
export function markVersion(html: string, version: PackageVersion): string {
  const meta = `<meta name="scorm-version" content="${version}" />`;
  if (!/<meta charset="UTF-8" \/>/i.test(html)) throw new Error('index.html has no <meta charset="UTF-8" /> to put the SCORM version after');
  return html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${meta}`);
}

/**
 * Builds, checks and writes both packages from `webDir`; throws with every problem found. A zip
 * over `maxBytes` is a problem too (tests that check behaviour, not size, may lift it).
 */
export async function writePackages(root: string, webDir: string, outDir: string, { maxBytes = MAX_PACKAGE_BYTES } = {}): Promise<BuiltPackage[]> {
  const info = courseInfo(root);
  const content = listFiles(webDir);
  if (!content.includes('index.html')) throw new Error(`${webDir} has no index.html: build the course first (npm run build)`);
  mkdirSync(outDir, { recursive: true });
  const built: BuiltPackage[] = [];
  const failures: string[] = [];
  const cache = deflateCache();
  for (const version of ['1.2', '2004'] as const) {
    const schemas = schemaFiles(version);
    const support = [...(version === '1.2' ? [METADATA_12] : []), ...schemas.map((s) => s.name)];
    const manifest = buildManifest(version, info, { content, support });
    const zipName = `${info.id}-scorm${version === '1.2' ? '12' : '2004'}.zip`;
    const entries: Record<string, Uint8Array> = {};
    for (const file of content) {
      const bytes = readFileSync(path.join(webDir, file));
      entries[file] = file === 'index.html' ? new TextEncoder().encode(markVersion(bytes.toString('utf8'), version)) : new Uint8Array(bytes);
    }
    for (const s of schemas) entries[s.name] = s.contents;
    if (version === '1.2') entries[METADATA_12] = new TextEncoder().encode(metadata12(info));
    entries['imsmanifest.xml'] = new TextEncoder().encode(manifest);
    const problems = await validatePackage(version, manifest, Object.keys(entries), schemas, entries);
    if (problems.length > 0) {
      failures.push(formatProblems(zipName, problems));
      continue;
    }
    const zip = await writeZip(entries, { mtime: ZIP_TIME, cache });
    if (zip.length > maxBytes) {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      failures.push(`${zipName}: ${kb(zip.length)}, over the ${kb(maxBytes)} an LMS upload may take; the web build (${content.length} files) is what has grown`);
      continue;
    }
    const file = path.join(outDir, zipName);
    writeFileSync(file, zip);
    built.push({ version, file, bytes: zip.length, entries: Object.keys(entries), manifest });
  }
  if (failures.length > 0) throw new Error(`The SCORM packages were not written:\n${failures.join('\n')}`);
  return built;
}

async function main() {
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  const webDir = path.join(root, 'dist', 'web');
  if (!process.argv.includes('--no-build')) {
    const { build } = await import('vite');
    await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  try {
    for (const p of await writePackages(root, webDir, path.join(root, 'dist', 'packages'))) {
      console.log(`${path.relative(root, p.file)}  ${(p.bytes / 1024).toFixed(1)} KB, ${p.entries.length} files, manifest valid`);
    }
    // The briefing books and facilitator guides, printed to PDF beside the zips (scorm/print-pdfs.ts).
    const { writePrintPdfs } = await import('./print-pdfs.ts');
    for (const p of await writePrintPdfs(webDir, path.join(root, 'dist', 'packages'))) {
      console.log(`${path.relative(root, p.file)}  ${p.pages} pages, ${(p.bytes / 1024).toFixed(0)} KB`);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

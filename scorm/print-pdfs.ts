/**
 * The briefing book and the facilitator guide of each content language as PDF, printed by
 * headless Chromium from the built course (the #/print/... routes):
 *
 *     dist/packages/<course>-briefing-book-<locale>.pdf
 *     dist/packages/<course>-facilitator-guide-<locale>.pdf
 *
 * The route's print CSS sets A4, the margins, a running header per chapter and page numbers
 * (@page margin boxes and named pages); Chromium tags the PDF and builds its outline from the
 * headings. The contents list page numbers: a first print is read
 * back with pdfinfo (poppler-utils), whose named destinations give the page each chapter starts
 * on, and the document is printed again with those numbers (`?pages=`) until they stand still.
 * Without pdfinfo the contents are printed without numbers, and a warning says how to get them.
 *
 * `npm run package` calls this after writing the SCORM zips; `npm run pdf` runs it alone
 * (`-- --no-build` prints the dist/web already there).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CONTENT_LOCALES, type ContentLocale } from '../src/content/model.ts';
import { COURSE_ID } from '../src/course-config.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { serveStatic } from '../tests/support/static-server.ts';

export type PrintKind = 'briefing' | 'guide';

export interface PrintedPdf {
  kind: PrintKind;
  locale: ContentLocale;
  file: string;
  pages: number;
  bytes: number;
  /** Chapter id -> first page, as printed in the contents (empty without pdfinfo). */
  chapterPages: Map<string, number>;
}

const FILE_NAMES: Record<PrintKind, string> = { briefing: 'briefing-book', guide: 'facilitator-guide' };

/** True when poppler's pdfinfo can be run. */
export function hasPdfinfo(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function withPdfFile<T>(pdf: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'print-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Named destinations of a PDF and their pages, from `pdfinfo -dests`. Chromium makes one for
 * each element a link points to, so every chapter (linked from the contents) has one, named
 * by its id.
 */
export function parseDests(output: string): Map<string, number> {
  const dests = new Map<string, number>();
  for (const line of output.split('\n')) {
    const m = /^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$/.exec(line);
    if (m) dests.set(m[2]!, Number(m[1]));
  }
  return dests;
}

/** Number of pages and the page of each chapter of a printed document. */
export function chapterPagesOf(pdf: Uint8Array, chapterIds: string[]): { pages: number; chapters: Map<string, number> } {
  return withPdfFile(pdf, (file) => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const dests = parseDests(execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }));
    const chapters = new Map<string, number>();
    for (const id of chapterIds) {
      const page = dests.get(id);
      if (page === undefined) throw new Error(`chapter ${id} has no destination in the printed PDF (is it linked from the contents?)`);
      chapters.set(id, page);
    }
    return { pages, chapters };
  });
}

/** Loads a print route and prints it; paper size, margins, running headers and page numbers come from its CSS. */
async function printOnce(page: Page, url: string): Promise<Uint8Array> {
  // A new document each time: going from one #/print/… route to another in the same document
  // would find the previous document's content still there for a moment.
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('.print-book[data-ready]');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  return page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
}

/**
 * Prints one document from a served course (`baseUrl` ends with the course folder's `/`):
 * first as is, then with its contents' page numbers until they stand still.
 */
export async function printDocument(
  page: Page,
  baseUrl: string,
  kind: PrintKind,
  locale: string,
  numbered = hasPdfinfo(),
): Promise<{ pdf: Uint8Array; pages: number; chapterPages: Map<string, number> }> {
  const route = `${baseUrl}#/print/${kind}/${locale}`;
  let pdf = await printOnce(page, route);
  if (!numbered) return { pdf, pages: 0, chapterPages: new Map() };
  const ids = await page.$$eval('[data-chapter]', (els) => els.map((e) => e.getAttribute('data-chapter')!));
  let { pages, chapters: chapterPages } = chapterPagesOf(pdf, ids);
  for (let pass = 0; pass < 3; pass++) {
    const param = [...chapterPages].map(([id, n]) => `${id}:${n}`).join(',');
    pdf = await printOnce(page, `${route}?pages=${encodeURIComponent(param)}`);
    const again = chapterPagesOf(pdf, ids);
    const same = [...again.chapters].every(([id, n]) => chapterPages.get(id) === n);
    ({ pages, chapters: chapterPages } = again);
    if (same) break;
  }
  return { pdf, pages, chapterPages };
}

/** Prints every document in every content language to `outDir`; returns what was written. */
export async function writePrintPdfs(
  webDir: string,
  outDir: string,
  { locales = CONTENT_LOCALES as readonly ContentLocale[], kinds = ['briefing', 'guide'] as PrintKind[], log = console.warn } = {},
): Promise<PrintedPdf[]> {
  const numbered = hasPdfinfo();
  if (!numbered) log('pdfinfo was not found (apt-get install -y poppler-utils): the contents are printed without page numbers.');
  mkdirSync(outDir, { recursive: true });
  const server = await serveStatic(webDir, '/course/');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const written: PrintedPdf[] = [];
  try {
    for (const locale of locales) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      for (const kind of kinds) {
        const { pdf, pages, chapterPages } = await printDocument(page, server.url, kind, locale, numbered);
        if (errors.length > 0) throw new Error(`#/print/${kind}/${locale} raised page errors:\n${errors.join('\n')}`);
        const file = path.join(outDir, `${COURSE_ID}-${FILE_NAMES[kind]}-${locale}.pdf`);
        writeFileSync(file, pdf);
        written.push({ kind, locale, file, pages, bytes: pdf.length, chapterPages });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

async function main() {
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  const args = process.argv.slice(2);
  const webDir = path.resolve(root, args.find((a) => a.startsWith('--web='))?.slice(6) ?? 'dist/web');
  const outDir = path.resolve(root, args.find((a) => a.startsWith('--out='))?.slice(6) ?? 'dist/packages');
  if (!args.includes('--no-build')) {
    const { build } = await import('vite');
    await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDir } });
  }
  try {
    for (const p of await writePrintPdfs(webDir, outDir)) {
      console.log(`${path.relative(root, p.file)}  ${p.pages} pages, ${(p.bytes / 1024).toFixed(0)} KB`);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

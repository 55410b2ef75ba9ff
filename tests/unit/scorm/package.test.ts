import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest, type CourseInfo } from '../../../scorm/manifest.ts';
import { markVersion, writePackages } from '../../../scorm/package.ts';
import { schemaFiles } from '../../../scorm/schemas.ts';
import { formatProblems, validatePackage } from '../../../scorm/validate.ts';

const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const fixture = (name: string) => readFileSync(path.join(root, 'tests/fixtures/scorm', name), 'utf8');

const course: CourseInfo = {
  id: 'demo-course',
  version: '1.0.0',
  title: { en: 'Demo & "course"', es: 'Curso de demostración', zh: '演示课程' },
  description: { en: 'A <small> course.', es: 'Un curso pequeño.' },
  languages: ['es', 'en', 'zh'],
  passMark: 0.8,
  objectives: ['01-intro', '02-next'],
};

describe('SCORM manifests', () => {
  it.each(['1.2', '2004'] as const)('writes a %s manifest that the official schemas accept, listing every file', async (version) => {
    const schemas = schemaFiles(version);
    const support = [...(version === '1.2' ? ['course-metadata.xml'] : []), ...schemas.map((s) => s.name)];
    const content = ['index.html', 'assets/app.js', 'assets/app.css'];
    const manifest = buildManifest(version, course, { content, support });
    const problems = await validatePackage(version, manifest, ['imsmanifest.xml', ...content, ...support], schemas);
    expect(problems).toEqual([]);
    expect(manifest).toContain('Demo &amp; &quot;course&quot;');
    if (version === '1.2') {
      expect(manifest).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
      expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    } else {
      expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
      expect(manifest).toContain('<imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>');
      expect(manifest).toContain('<imsss:objective objectiveID="02-next"/>');
      expect(manifest).toContain('<language>zh</language>');
    }
  });

  it('reports every problem of a broken 1.2 manifest, with its line', async () => {
    const problems = await validatePackage('1.2', fixture('broken-scorm12.xml'), ['imsmanifest.xml', 'index.html', 'extra.txt'], schemaFiles('1.2'));
    expect(formatProblems('broken.zip', problems).split('\n')).toEqual([
      'broken.zip: imsmanifest.xml:0 UNLISTED "extra.txt" is in the package but no resource lists it',
      'broken.zip: imsmanifest.xml:12 REF item refers to resource "res-missing", which the manifest does not define',
      'broken.zip: imsmanifest.xml:14 VALUE adlcp:masteryscore "eighty" is not a number from 0 to 100',
      "broken.zip: imsmanifest.xml:19 XSD Schemas validity error : Element '{http://www.imsproject.org/xsd/imscp_rootv1p1p2}resource', attribute '{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype': [facet 'enumeration'] The value 'lesson' is not an element of the set {'asset', 'sco'}.",
      'broken.zip: imsmanifest.xml:21 FILE "assets/gone.js" is referenced but is not in the package',
    ]);
  });

  it('reports a 2004 manifest whose SCO has no launch file and whose sequencing is malformed', async () => {
    const problems = await validatePackage('2004', fixture('broken-scorm2004.xml'), ['imsmanifest.xml', 'index.html'], schemaFiles('2004'));
    expect(problems.map((p) => `${p.line} ${p.code}`)).toEqual(['13 REF', '17 XSD']);
    expect(problems[1]!.message).toContain("attribute 'satisfiedByMeasure': 'maybe' is not a valid value of the atomic type 'xs:boolean'");
  });
});

describe('npm run package', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'scorm-package-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const web = path.join(tmp, 'web');
  mkdirSync(path.join(web, 'assets'), { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><head>\n    <meta charset="UTF-8" />\n<title>x</title></head><body><script type="module" src="./assets/a.js"></script></body></html>');
  writeFileSync(path.join(web, 'assets', 'a.js'), 'console.log(1)');

  it('writes both zips with the manifest, the schemas at the root and index.html marked with its version', async () => {
    const built = await writePackages(root, web, path.join(tmp, 'out'));
    expect(built.map((b) => path.basename(b.file))).toEqual(['mx-action20-scorm12.zip', 'mx-action20-scorm2004.zip']);
    for (const b of built) {
      const files = unzipSync(new Uint8Array(readFileSync(b.file)));
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['imsmanifest.xml', 'index.html', 'assets/a.js', b.version === '1.2' ? 'imscp_rootv1p1p2.xsd' : 'imsss_v1p0.xsd']));
      expect(strFromU8(files['index.html']!)).toContain(`<meta name="scorm-version" content="${b.version}" />`);
      const manifest = strFromU8(files['imsmanifest.xml']!);
      for (const f of Object.keys(files).filter((f) => f !== 'imsmanifest.xml')) expect(manifest).toContain(`<file href="${f}"/>`);
      expect(b.bytes).toBeLessThan(600 * 1024);
    }
    // Zopfli deflates the XSD schemas of both zips: about 5 s on two busy cores, so not the default 5 s.
  }, 30_000);

  it('refuses a web build whose index.html it cannot mark', () => {
    expect(() => markVersion('<html><head></head></html>', '1.2')).toThrow('index.html has no <meta charset="UTF-8" /> to put the SCORM version after');
  });
});

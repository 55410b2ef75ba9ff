/**
 * imsmanifest.xml for the course as one SCO, in SCORM 1.2 and in SCORM 2004 4th edition.
 * Templates in code, not files: every value is escaped here, and the structure is checked
 * against the official schemas by validate.ts before anything is zipped.
 */

export type PackageVersion = '1.2' | '2004';

export interface CourseInfo {
  /** Stable id: the manifest identifier is built from it. */
  id: string;
  version: string;
  /** Title per language; `en` is the one LMSs show in their course lists. */
  title: Record<string, string>;
  description: Record<string, string>;
  /** Languages the learner can read the content in (LOM general.language). */
  languages: string[];
  /** Fraction 0-1 needed to pass (1.2 adlcp:masteryscore, 2004 minNormalizedMeasure). */
  passMark: number;
  /** One objective per lesson (2004 imsss:objective), by lesson id. */
  objectives: string[];
}

export interface PackageFiles {
  /** Files of the web build, relative to the package root, `/` separated. */
  content: string[];
  /** Files of the package itself at its root: schemas (and the 1.2 metadata file). */
  support: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fileList = (files: string[], indent: string) => files.map((f) => `${indent}<file href="${esc(f)}"/>`).join('\n');

/** The default title: English, else the first one given. */
const mainTitle = (c: CourseInfo) => c.title.en ?? Object.values(c.title)[0] ?? c.id;

/**
 * The two resources of both manifests: the SCO (the web build, launched at index.html) and an
 * asset holding the package's own files. Only the attribute's spelling differs between versions:
 * `adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004.
 */
const resources = (c: CourseInfo, files: PackageFiles, typeAttribute: 'scormtype' | 'scormType') => `  <resources>
    <resource identifier="res-${esc(c.id)}" type="webcontent" adlcp:${typeAttribute}="sco" href="index.html">
${fileList(files.content, '      ')}
    </resource>
    <resource identifier="res-package" type="webcontent" adlcp:${typeAttribute}="asset">
${fileList(files.support, '      ')}
    </resource>
  </resources>`;

/** SCORM 1.2 metadata file (IMS Metadata 1.2.1), referenced from the manifest by adlcp:location. */
export const METADATA_12 = 'course-metadata.xml';

/**
 * The IMS Metadata 1.2.1 record of the 1.2 package. It is a file of its own because libxml2
 * cannot compile imsmd_rootv1p2p1.xsd (its content models are not deterministic), and an inline
 * record would make the whole manifest unverifiable; this way the manifest is checked fully and
 * this file for well-formedness and its fields (see validate.ts).
 */
export function metadata12(c: CourseInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd">
  <general>
    <title>
${Object.entries(c.title).map(([l, t]) => `      <langstring xml:lang="${esc(l)}">${esc(t)}</langstring>`).join('\n')}
    </title>
${c.languages.map((l) => `    <language>${esc(l)}</language>`).join('\n')}
    <description>
${Object.entries(c.description).map(([l, t]) => `      <langstring xml:lang="${esc(l)}">${esc(t)}</langstring>`).join('\n')}
    </description>
  </general>
</lom>
`;
}

function manifest12(c: CourseInfo, files: PackageFiles): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(c.id)}-scorm12" version="${esc(c.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <adlcp:location>${METADATA_12}</adlcp:location>
  </metadata>
  <organizations default="org-${esc(c.id)}">
    <organization identifier="org-${esc(c.id)}">
      <title>${esc(mainTitle(c))}</title>
      <item identifier="item-${esc(c.id)}" identifierref="res-${esc(c.id)}" isvisible="true">
        <title>${esc(mainTitle(c))}</title>
        <adlcp:masteryscore>${Math.round(c.passMark * 100)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
${resources(c, files, 'scormtype')}
</manifest>
`;
}

function manifest2004(c: CourseInfo, files: PackageFiles): string {
  const lom = 'http://ltsc.ieee.org/xsd/LOM';
  const langString = (m: Record<string, string>, indent: string) => Object.entries(m).map(([l, t]) => `${indent}<string language="${esc(l)}">${esc(t)}</string>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(c.id)}-scorm2004" version="${esc(c.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <lom xmlns="${lom}">
      <general>
        <title>
${langString(c.title, '          ')}
        </title>
${c.languages.map((l) => `        <language>${esc(l)}</language>`).join('\n')}
        <description>
${langString(c.description, '          ')}
        </description>
      </general>
    </lom>
  </metadata>
  <organizations default="org-${esc(c.id)}">
    <organization identifier="org-${esc(c.id)}" adlseq:objectivesGlobalToSystem="false">
      <title>${esc(mainTitle(c))}</title>
      <item identifier="item-${esc(c.id)}" identifierref="res-${esc(c.id)}" isvisible="true">
        <title>${esc(mainTitle(c))}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${esc(c.id)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${c.passMark}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
${c.objectives.map((o) => `            <imsss:objective objectiveID="${esc(o)}"/>`).join('\n')}
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
${resources(c, files, 'scormType')}
</manifest>
`;
}

/** The manifest of one package version. */
export function buildManifest(version: PackageVersion, course: CourseInfo, files: PackageFiles): string {
  return version === '1.2' ? manifest12(course, files) : manifest2004(course, files);
}

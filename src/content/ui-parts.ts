import fs from 'node:fs';
import type { Plugin } from 'vite';

/**
 * UI strings in two parts, so a learner's first load carries only what learner pages say.
 * `locales/<l>/ui.json` stays one file per language for translators and for `npm run check`;
 * the build serves `ui.json?part=learner` and `ui.json?part=instructor` as two modules.
 *
 * The instructor part is the top-level groups that only the instructor views (hub, class
 * results, presenter, briefing book and guide) use: in English it is about 60 % of the file.
 */
export const UI_PARTS = ['learner', 'instructor'] as const;
export type UiPart = (typeof UI_PARTS)[number];

/** Top-level groups of ui.json that only instructor views use. */
export const INSTRUCTOR_GROUPS: readonly string[] = ['results', 'print', 'present', 'instructor'];

/** Keys inside those groups that a learner page shows (the footer's link to the instructor hub). */
export const LEARNER_KEYS: readonly string[] = ['instructor.footerLink'];

type Strings = Record<string, unknown>;

/** The part of a locale's UI strings (nested as in ui.json) that `part` holds. */
export function uiPart(strings: Strings, part: UiPart): Strings {
  const out: Strings = {};
  for (const [group, value] of Object.entries(strings)) {
    if (!INSTRUCTOR_GROUPS.includes(group)) {
      if (part === 'learner') out[group] = value;
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      if (part === 'instructor') out[group] = value;
      continue;
    }
    const kept = Object.entries(value as Strings).filter(([key]) => LEARNER_KEYS.includes(`${group}.${key}`) === (part === 'learner'));
    if (kept.length > 0) out[group] = Object.fromEntries(kept);
  }
  return out;
}

const PART_REQUEST = /[\\/]locales[\\/][^\\/]+[\\/]ui\.json\?part=([a-z]+)$/;

/** Serves `locales/<l>/ui.json?part=<part>` as a module whose default export is that part. */
export function uiPartsPlugin(): Plugin {
  return {
    name: 'ui-string-parts',
    enforce: 'pre',
    load(id) {
      const m = PART_REQUEST.exec(id);
      if (!m) return null;
      const part = m[1] as UiPart;
      if (!UI_PARTS.includes(part)) this.error(`Unknown UI strings part "${part}" in ${id} (known: ${UI_PARTS.join(', ')})`);
      const file = id.slice(0, id.lastIndexOf('?'));
      this.addWatchFile(file);
      const strings = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Strings;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(uiPart(strings, part)))});\n`;
    },
  };
}

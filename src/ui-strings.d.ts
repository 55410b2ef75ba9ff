/**
 * `locales/<l>/ui.json?part=learner|instructor`: one part of a locale's UI strings, served by the
 * build (src/content/ui-parts.ts).
 */
declare module '*ui.json?part=learner' {
  const strings: Record<string, unknown>;
  export default strings;
}
declare module '*ui.json?part=instructor' {
  const strings: Record<string, unknown>;
  export default strings;
}

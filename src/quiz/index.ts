/**
 * The pure quiz engine: scoring per item kind, seeded draws and shuffles, attempts, grading,
 * pass/fail and the compact attempt codec. No React, DOM, i18n, store or tracking here.
 */
export * from './attempt.ts';
export * from './cbm.ts';
export * from './codec.ts';
export * from './draw.ts';
export * from './log.ts';
export * from './key.ts';
export * from './normalize.ts';
export * from './random.ts';
export * from './score.ts';
export { validateSingle } from './kinds/single/validate-single.ts';
export { validateMultiple } from './kinds/multiple/validate-multiple.ts';
export { validateTrueFalse } from './kinds/true-false/validate-true-false.ts';
export { validateMatching } from './kinds/matching/validate-matching.ts';
export { validateSequencing } from './kinds/sequencing/validate-sequencing.ts';
export { validateNumeric } from './kinds/numeric/validate-numeric.ts';
export { validateFillIn } from './kinds/fill-in/validate-fill-in.ts';

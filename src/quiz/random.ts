/**
 * Seeded randomness. The engine never calls Math.random: an attempt's seed (a 32-bit unsigned
 * integer chosen once by the caller) determines which items are drawn and in which order their
 * choices appear, so storing the seed is enough to restore the attempt exactly.
 */
import { hashString } from '../content/quiz-model.ts';

/** FNV-1a, defined with the quiz types because the compiler hashes sequencing keys too. */
export { hashString };

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An independent seed for one purpose (`"draw"`, an item id) derived from the attempt seed, so
 * adding an item to a quiz does not reshuffle the choices of every other item.
 */
export function deriveSeed(seed: number, salt: string): number {
  let h = (seed >>> 0) ^ hashString(salt);
  // murmur3 fmix32
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A deterministic permutation of `items` for `seed` (Fisher–Yates); the input is not changed. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Shuffles choices but keeps every `fixed` one at its authored index ("all of the above" stays
 * last). Only the free choices move, among the free positions.
 */
export function shuffleWithFixed<T extends { fixed?: boolean }>(items: readonly T[], seed: number): T[] {
  const free = items.filter((c) => !c.fixed);
  const moved = shuffle(free, seed);
  let k = 0;
  return items.map((c) => (c.fixed ? c : moved[k++]!));
}

/** Largest 32-bit seed + 1: seeds are integers in [0, SEED_RANGE). */
export const SEED_RANGE = 2 ** 32;

/** True for an integer in [0, 2^32): the only seeds the attempt codec can store. */
export function isSeed(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < SEED_RANGE;
}

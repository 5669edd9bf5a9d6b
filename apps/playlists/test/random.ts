import { mulberry32, randInt } from '@chorus/test-kit';

/** A seeded PRNG (mulberry32): random tests that fail say their seed, and rerun the same way. */
export function seeded(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => randInt(next, min, max),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

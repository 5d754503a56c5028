import { requireSeed, requireWholeNumber } from "../core/checks";

/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same
 * sequence on every machine, which Math.random cannot promise.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [low, high). */
  uniform(low: number, high: number): number;
  /** A whole number in [0, n). */
  int(n: number): number;
}

/** A seeded random-number generator. */
export function createRng(seed: number): Rng {
  let state = requireSeed("createRng", seed) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    int: (n) => {
      requireWholeNumber("Rng.int", "n", n, 1);
      return Math.floor(next() * n);
    },
  };
}

/** A new seed drawn from a generator (for handing independent streams to sub-tasks). */
export function nextSeed(rng: Rng): number {
  return Math.floor(rng.next() * 4294967296) >>> 0;
}

/** The numbers 0..n-1 in a seeded random order (Fisher–Yates). */
export function permutation(n: number, seed: number): Int32Array {
  requireWholeNumber("permutation", "n", n, 0, "Pass the number of examples.");
  const rng = createRng(requireSeed("permutation", seed));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order;
}

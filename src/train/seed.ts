import { requireSeed } from "../core/checks";
import { createRng } from "../data/random";

/**
 * tfjs has no global seed: every random op without an explicit seed (weight initialisers,
 * dropout masks, tf.util.shuffle) draws its seed from Math.random. setSeed replaces
 * Math.random with a seeded generator, so that what follows — building a model, fit,
 * dropout, augmentation — repeats exactly on the same backend. clearSeed() restores it.
 *
 * What stays not reproducible: results across backends (wasm, cpu, tfjs-node sum in
 * different orders, so float rounding differs) and code that uses crypto randomness.
 */
let savedRandom: (() => number) | undefined;

export function setSeed(seed: number): void {
  requireSeed("setSeed", seed);
  if (!savedRandom) savedRandom = Math.random;
  Math.random = createRng(seed).next;
}

/** Gives Math.random back its own (unseeded) generator. */
export function clearSeed(): void {
  if (savedRandom) Math.random = savedRandom;
  savedRandom = undefined;
}

/**
 * Runs fn with Math.random seeded, then restores whatever Math.random was before
 * (used by fit({ seed }) so dropout masks repeat without changing the caller's state).
 */
export async function withSeededRandom<T>(seed: number, fn: () => Promise<T>): Promise<T> {
  requireSeed("withSeededRandom", seed);
  const before = Math.random;
  Math.random = createRng(seed).next;
  try {
    return await fn();
  } finally {
    Math.random = before;
  }
}

import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../src/backend";

/** The project folder (tests are compiled to build-test/test/...). */
export const projectRoot = path.resolve(__dirname, "..", "..");

/** Switches tfjs to a backend by name, loading wasm on demand. */
export async function useBackend(name: "cpu" | "wasm"): Promise<void> {
  // wasm is first started the way learners get it (threaded, with our kernels); later calls switch back to it.
  if (name === "wasm") await initBackend({ backend: "wasm", quiet: true });
  if (!(await tf.setBackend(name))) throw new Error(`could not start the ${name} backend`);
  await tf.ready();
}

/** Runs fn and asserts that it left no tensor behind. */
export async function expectNoLeak<T>(fn: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  const after = tf.memory().numTensors;
  if (after !== before) throw new Error(`tensor leak: ${after - before} tensors left behind (before ${before}, after ${after})`);
  return result;
}

/** CS231n's relative error: max|x−y| / max(1e-8, |x|+|y|), over all elements. */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`relError: lengths differ (${a.length} vs ${b.length})`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-8, Math.abs(a[i]) + Math.abs(b[i])));
  }
  return worst;
}

/** Largest absolute difference between two arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`maxAbsDiff: lengths differ (${a.length} vs ${b.length})`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

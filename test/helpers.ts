// The helpers every test folder shares: backends, leak checks, differences, seeded random data,
// tfjs versions of the ops' layouts, and running the same computation on cpu and on wasm.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../src/backend";
import { FilterBank } from "../src/ops/conv-multi";
import { Volume } from "../src/core/checks";
import { createRng } from "../src/data/random";

/** The project folder (tests are compiled to build-test/test/...). */
export const projectRoot = path.resolve(__dirname, "..", "..");

// ---- Backends and leaks ----

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
  if (after !== before)
    throw new Error(`tensor leak: ${after - before} tensors left behind (before ${before}, after ${after})`);
  return result;
}

// ---- Differences ----

/** CS231n's relative error: max|x−y| / max(1e-8, |x|+|y|), over all elements. */
const tempDirs: string[] = [];
process.on("exit", () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp folder (convnet-<prefix>-…), removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `convnet-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

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

/**
 * Largest difference relative to the size of the expected values: float32 sums of many
 * terms differ in their last bits when the order of additions differs.
 */
export function scaledDiff(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 1e-6;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  return maxAbsDiff(actual, expected) / scale;
}

/** Largest absolute difference between two nested arrays of the same shape (throws if shapes differ). */
export function nestedMaxDiff(a: unknown, b: unknown, at = ""): number {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b);
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
    throw new Error(
      `shapes differ at ${at || "top"}: ${Array.isArray(a) ? a.length : a} vs ${Array.isArray(b) ? b.length : b}`,
    );
  }
  return a.reduce((worst: number, v, i) => Math.max(worst, nestedMaxDiff(v, b[i], `${at}[${i}]`)), 0);
}

// ---- Seeded random data (the library's one generator, so a failing case can be re-run) ----

/** A seeded stream of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  return createRng(seed >>> 0).next;
}

/** A whole number in [low, high]. */
export function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Small whole numbers in [-3, 3] keep float32 sums exact. */
export function randomVolume(random: () => number, channels: number, rows: number, cols: number): Volume {
  return Array.from({ length: channels }, () =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => randomInt(random, -3, 3))),
  );
}

/** Seeded floats in [-1, 1). */
export function randomValues(size: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, () => 2 * random() - 1);
}

// ---- Layouts: the ops' plain arrays and tfjs tensors ----

/** CHW arrays → a [1, H, W, C] tensor (what tfjs ops take). */
export function chwToBatch(volume: Volume): tf.Tensor4D {
  return tf.tidy(() => (tf.tensor3d(volume).transpose([1, 2, 0]) as tf.Tensor3D).expandDims(0) as tf.Tensor4D);
}

/** [F][C][kh][kw] filters → tfjs's [kh, kw, C, F]. */
export function filtersToTf(filters: FilterBank): tf.Tensor4D {
  return tf.tidy(() => tf.tensor4d(filters).transpose([2, 3, 1, 0]) as tf.Tensor4D);
}

/** A [1, H, W, C] tensor's values as CHW arrays. */
export function batchToChw(tensor: tf.Tensor4D): Volume {
  const [, h, w, c] = tensor.shape;
  const data = tensor.dataSync();
  return Array.from({ length: c }, (_, ch) =>
    Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, col) => data[(r * w + col) * c + ch])),
  );
}

// ---- The same computation on cpu and on wasm ----

/** Plain data that can cross from one backend to another. */
export interface Plain {
  values: number[];
  shape: number[];
  dtype?: "float32" | "int32";
}

export function randomPlain(shape: number[], seed: number): Plain {
  return { values: randomValues(tf.util.sizeFromShape(shape), seed), shape };
}

export function toTensor(plain: Plain): tf.Tensor {
  return tf.tensor(plain.values, plain.shape, plain.dtype ?? "float32");
}

export async function toPlain(t: tf.Tensor): Promise<Plain> {
  return { values: Array.from(await t.data()), shape: t.shape, dtype: t.dtype as "float32" | "int32" };
}

/** Asserts two lists of plain tensors agree in shape and (scaled) value. */
export function assertClose(actual: Plain[], expected: Plain[], tolerance: number, label: string): void {
  if (actual.length !== expected.length) throw new Error(`${label}: ${actual.length} results vs ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (JSON.stringify(a.shape) !== JSON.stringify(e.shape)) {
      throw new Error(
        `${label}, result ${i}: shape ${JSON.stringify(a.shape)} on wasm vs ${JSON.stringify(e.shape)} on cpu`,
      );
    }
    const diff = scaledDiff(a.values, e.values);
    if (!(diff <= tolerance)) {
      throw new Error(
        `${label}, result ${i}: wasm differs from cpu by ${diff.toExponential(2)} of the largest value (tolerance ${tolerance})`,
      );
    }
  }
}

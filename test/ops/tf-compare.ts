// Helpers shared by the ops tests: seeded random data, and tfjs versions of the ops to compare with.
import * as tf from "@tensorflow/tfjs";
import { FilterBank } from "../../src/ops/conv-multi";
import { Volume } from "../../src/core/checks";
import { createRng } from "../../src/data/random";

/** A small seeded generator (mulberry32), so a failing case can be re-run. */
export function seededRandom(seed: number): () => number {
  return createRng(seed).next;
}

/** A whole number in [low, high]. */
export function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Small whole numbers in [-3, 3] keep float32 sums exact. */
export function randomVolume(random: () => number, channels: number, rows: number, cols: number): Volume {
  return Array.from({ length: channels }, () => Array.from({ length: rows }, () => Array.from({ length: cols }, () => randomInt(random, -3, 3))));
}

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
  return Array.from({ length: c }, (_, ch) => Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, col) => data[(r * w + col) * c + ch])));
}

/** Largest absolute difference between two nested arrays of the same shape (throws if shapes differ). */
export function nestedMaxDiff(a: unknown, b: unknown, path = ""): number {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b);
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
    throw new Error(`shapes differ at ${path || "top"}: ${Array.isArray(a) ? a.length : a} vs ${Array.isArray(b) ? b.length : b}`);
  }
  return a.reduce((worst: number, v, i) => Math.max(worst, nestedMaxDiff(v, b[i], `${path}[${i}]`)), 0);
}

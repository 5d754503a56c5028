import * as tf from "@tensorflow/tfjs";
import { maxAbsDiff, useBackend } from "../helpers";
import { registerWasmTrainingKernels } from "../../src/backend";

/** Plain data that can cross from one backend to another. */
export interface Plain {
  values: number[];
  shape: number[];
  dtype?: "float32" | "int32";
}

/** Deterministic pseudo-random numbers in [-1, 1) (a linear congruential generator). */
export function randomValues(size: number, seed: number): number[] {
  const out = new Array<number>(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 31 - 1;
  }
  return out;
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

let registered = false;

/** Switches to wasm with convnet-lab's kernels (registered once per test process). */
export async function useWasmWithKernels(): Promise<void> {
  await useBackend("wasm");
  if (!registered) {
    registerWasmTrainingKernels();
    registered = true;
  }
}

/** Runs fn on cpu and on wasm (with our kernels) with the same plain inputs. */
export async function onBothBackends<T>(fn: () => Promise<T>): Promise<{ cpu: T; wasm: T }> {
  await useBackend("cpu");
  const cpu = await fn();
  await useWasmWithKernels();
  const wasm = await fn();
  return { cpu, wasm };
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

/** Asserts two lists of plain tensors agree in shape and (scaled) value. */
export function assertClose(actual: Plain[], expected: Plain[], tolerance: number, label: string): void {
  if (actual.length !== expected.length) throw new Error(`${label}: ${actual.length} results vs ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (JSON.stringify(a.shape) !== JSON.stringify(e.shape)) {
      throw new Error(`${label}, result ${i}: shape ${JSON.stringify(a.shape)} on wasm vs ${JSON.stringify(e.shape)} on cpu`);
    }
    const diff = scaledDiff(a.values, e.values);
    if (!(diff <= tolerance)) {
      throw new Error(`${label}, result ${i}: wasm differs from cpu by ${diff.toExponential(2)} of the largest value (tolerance ${tolerance})`);
    }
  }
}

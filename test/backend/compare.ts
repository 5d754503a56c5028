import * as fs from "fs";
import * as path from "path";
import { test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { maxAbsDiff, projectRoot, useBackend } from "../helpers";
import { initBackend } from "../../src/backend";
import { NATIVE_ADDON_PATH } from "../../src/backend/native/addon";

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

/** The two ways convnet-lab runs on wasm: its wasm kernels alone, and with the native addon taking the heavy ones. */
export interface WasmVariant {
  label: string;
  native: boolean;
}

export const WASM_ONLY: WasmVariant = { label: "wasm", native: false };
export const WASM_NATIVE: WasmVariant = { label: "wasm + native", native: true };

/**
 * Why the native variant cannot run here, or undefined when it can. CONVNET_NATIVE=1 (CI) never
 * skips: there a missing addon fails the tests instead.
 */
export function nativeSkipReason(): string | undefined {
  if (process.env.CONVNET_NATIVE === "1") return undefined;
  if (process.env.CONVNET_NATIVE === "0") return "CONVNET_NATIVE=0 turns the native accelerator off";
  if (!fs.existsSync(path.join(projectRoot, NATIVE_ADDON_PATH))) {
    return `the native accelerator is not built (${NATIVE_ADDON_PATH} is missing; \`npm run build:native\` builds it)`;
  }
  return undefined;
}

let current: WasmVariant = WASM_ONLY;

/**
 * Defines the test once per wasm variant ("name [wasm]", "name [wasm + native]"); inside it,
 * useWasmWithKernels and onBothBackends use that variant. The native one is skipped, with the
 * reason, only when the addon is not built.
 */
export function variantTest(name: string, fn: () => Promise<void>): void {
  for (const variant of [WASM_ONLY, WASM_NATIVE]) {
    const skip = variant.native ? nativeSkipReason() : undefined;
    test(`${name} [${variant.label}]`, { skip }, async () => {
      current = variant;
      try {
        await fn();
      } finally {
        current = WASM_ONLY;
      }
    });
  }
}

/** Switches to wasm with convnet-lab's kernels, with or without the native addon (the current variant's choice). */
export async function useWasmWithKernels(variant: WasmVariant = current): Promise<void> {
  await useBackend("wasm");
  await initBackend({ backend: "wasm", native: variant.native, quiet: true });
}

/** Runs fn on cpu and on wasm (with our kernels, in the current variant) with the same plain inputs. */
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

// The wasm-kernel tests run twice: on convnet-lab's wasm kernels alone and with the native accelerator
// taking the heavy ones. The shared comparison helpers live in test/helpers.ts (re-exported here).
import * as fs from "fs";
import * as path from "path";
import { test } from "node:test";
import { projectRoot, useBackend } from "../helpers";
import { initBackend } from "../../src/backend";
import { NATIVE_ADDON_PATH } from "../../src/backend/native/addon";

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

export { assertClose, randomPlain, randomValues, scaledDiff, toPlain, toTensor } from "../helpers";
export type { Plain } from "../helpers";

import * as fs from "fs";
import * as path from "path";

/** What the compiled addon (native/src/module.cc) exports. */
export interface NativeAddon {
  describe(): { onednn: string; isa: string; threads: number };
  setThreads(threads: number): void;
  convForward(heap: Uint8Array, params: Float64Array): void;
  convBackwardData(heap: Uint8Array, params: Float64Array): void;
  convBackwardFilter(heap: Uint8Array, params: Float64Array): void;
  matMul(heap: Uint8Array, params: Float64Array): void;
  maxPoolGrad(heap: Uint8Array, params: Float64Array): void;
  batchNormTraining(heap: Uint8Array, params: Float64Array): void;
  batchNormTrainingGrad(heap: Uint8Array, params: Float64Array): void;
  reluGrad(heap: Uint8Array, params: Float64Array): void;
  adamUpdate(heap: Uint8Array, params: Float64Array): void;
}

/** The addon and what it reports, or why it is not used. */
export type NativeStatus =
  | { loaded: true; addon: NativeAddon; library: string; version: string; isa: string; threads: number }
  | { loaded: false; reason: string };

/** The file `npm install` (scripts/build-native.js) writes when a compiler and oneDNN are present. */
export const NATIVE_ADDON_PATH = path.join("native", "build", "convnet_native.node");

/** The project folder: the nearest parent of this file holding the addon's sources. */
function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, "native", "src", "module.cc"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, "..", "..", "..");
    dir = parent;
  }
}

export type NativeRequest = "auto" | "on" | "off";

/**
 * Whether to use the native accelerator: the option, else CONVNET_NATIVE ("0" off, "1" required),
 * else "auto" (used when it was built).
 */
export function nativeRequest(option?: boolean): NativeRequest {
  if (option !== undefined) {
    if (typeof option !== "boolean") {
      throw new Error(
        `initBackend: native is ${JSON.stringify(option)}, but it must be true (require the native accelerator), ` +
          "false (wasm only) or left out (use it when it was built).",
      );
    }
    return option ? "on" : "off";
  }
  const fromEnv = process.env.CONVNET_NATIVE;
  if (fromEnv === undefined || fromEnv === "") return "auto";
  if (fromEnv === "0") return "off";
  if (fromEnv === "1") return "on";
  throw new Error(
    `initBackend: CONVNET_NATIVE is ${JSON.stringify(fromEnv)}, but it must be "0" (wasm only) or "1" (require the ` +
      "native accelerator). Unset it to use the accelerator when it was built.",
  );
}

const loaded = new Map<string, NativeAddon>();

/**
 * Loads the addon (once per file; `file` defaults to the one `npm install` builds) and sets its
 * thread count; never throws, says why instead.
 */
export function loadNativeAddon(threads: number, file = path.join(projectRoot(), NATIVE_ADDON_PATH)): NativeStatus {
  const shown = path.relative(projectRoot(), file) || file;
  let addon = loaded.get(file);
  if (!addon) {
    if (!fs.existsSync(file)) {
      return {
        loaded: false,
        reason: `it is not built (${shown} is missing; \`npm run build:native\` says what it needs)`,
      };
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires -- a compiled addon loads only through require
      addon = require(file) as NativeAddon;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return {
        loaded: false,
        reason: `${shown} did not load (${text.split("\n")[0]}); rebuild it with \`npm run build:native\``,
      };
    }
    loaded.set(file, addon);
  }
  addon.setThreads(threads);
  const info = addon.describe();
  return { loaded: true, addon, library: "oneDNN", version: info.onednn, isa: info.isa, threads: info.threads };
}

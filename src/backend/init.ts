import * as tf from "@tensorflow/tfjs";
import { NativeRequest, loadNativeAddon, nativeRequest } from "./native/addon";
import { registerWasmTrainingKernels, wasmTrainingKernelsRegistered } from "./wasm-training-kernels";
import { registerLeanGradients } from "./lean-gradients";
import { activeWasmThreads, disableWasmThreads, startWasmWithThreads, wasmThreadCount } from "./wasm-threads";

/** The engines the library can run on, best first. */
export type BackendName = "tensorflow" | "wasm" | "cpu";

export interface BackendInfo {
  /** tfjs's own name for the active backend. */
  name: BackendName;
  /** Version of the package that provides it. */
  version: string;
  /** Whether conv nets can be trained (forward and backward) on it. */
  canTrain: boolean;
  /**
   * Threads of XNNPACK's pool (wasm; 1 when the native accelerator runs the heavy kernels on its own
   * threads, see `native`); tfjs-node and cpu report 1, their own choice.
   */
  threads: number;
  /** The native accelerator under wasm: what runs it, or why it is not used. */
  native: NativeReport;
  /** One paragraph a learner can read: what this means for speed. */
  speed: string;
  /** Why better backends were passed over (empty when the best one loaded). */
  fallbacks: string[];
}

/** The native accelerator (oneDNN kernels on the wasm heap) when used, or why not. */
export type NativeReport =
  { used: true; library: string; version: string; isa: string; threads: number } | { used: false; reason: string };

let active: BackendInfo | undefined;
/** Threads the native accelerator uses (CONVNET_WASM_THREADS / the option / cores, read at start). */
let nativeThreads = 1;

// Only statements that stay true: `npm run bench` prints this machine's numbers.
const SPEED: Record<BackendName, string> = {
  tensorflow:
    "tfjs-node (native libtensorflow). Not measured by convnet-lab (it could not be installed where the " +
    "course was built); run `npm run bench` to compare it with wasm and cpu on this machine.",
  wasm:
    "tfjs WebAssembly (XNNPACK with SIMD, one thread per core; CONVNET_WASM_THREADS changes that) plus " +
    "convnet-lab's own training kernels, so conv nets train on it, hundreds of times faster than stock tfjs-cpu. " +
    "Run `npm run bench` for this machine's numbers.",
  cpu:
    "tfjs pure-JavaScript CPU backend: correct but hundreds of times slower than wasm with convnet-lab's " +
    "kernels; lessons will run, but shrink their sizes.",
};

const NATIVE_SPEED =
  " The native accelerator runs convolutions, matrix products, batch norm and Adam in oneDNN or native code, " +
  "with the CPU's full vector width, directly on the wasm memory, several times faster than wasm alone on conv " +
  "nets; XNNPACK keeps the light ops on one thread (CONVNET_NATIVE=0 turns the accelerator off).";

function packageVersion(pkg: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}

async function tryTensorflow(): Promise<void> {
  // Optional dependency: absent wherever libtensorflow could not be downloaded at install time.
  require("@tensorflow/tfjs-node");
  if (!(await tf.setBackend("tensorflow"))) throw new Error("tf.setBackend('tensorflow') returned false");
}

async function setWasm(): Promise<void> {
  if (!(await tf.setBackend("wasm"))) throw new Error("tf.setBackend('wasm') returned false");
}

/** How a backend attempt is set up: read and checked before any attempt. */
interface AttemptSettings {
  wasmThreads: number;
  native: NativeRequest;
}

async function tryWasm({ wasmThreads, native }: AttemptSettings, fallbacks: string[]): Promise<void> {
  require("@tensorflow/tfjs-backend-wasm");
  // With the native accelerator, the heavy kernels run on its threads and XNNPACK keeps the light
  // ones on the main thread: its idle workers spin and took cores from oneDNN's (measured: small VGG
  // and ResNet steps slower with both pools than with oneDNN's alone).
  const threads = native !== "off" && loadNativeAddon(wasmThreads).loaded ? 1 : wasmThreads;
  if (threads === 1) {
    await setWasm();
  } else {
    try {
      await startWasmWithThreads(threads, setWasm);
    } catch (error) {
      fallbacks.push(`wasm with ${threads} threads did not start (${firstLine(error)}), so it runs on one thread`);
      disableWasmThreads();
      await setWasm();
    }
  }
  registerWasmTrainingKernels();
}

async function tryCpu(): Promise<void> {
  if (!(await tf.setBackend("cpu"))) throw new Error("tf.setBackend('cpu') returned false");
}

const ATTEMPTS: Record<BackendName, (settings: AttemptSettings, fallbacks: string[]) => Promise<void>> = {
  tensorflow: tryTensorflow,
  wasm: tryWasm,
  cpu: tryCpu,
};

const ORDER: BackendName[] = ["tensorflow", "wasm", "cpu"];

const PACKAGE: Record<BackendName, string> = {
  tensorflow: "@tensorflow/tfjs-node",
  wasm: "@tensorflow/tfjs-backend-wasm",
  cpu: "@tensorflow/tfjs-core",
};

export interface InitBackendOptions {
  /**
   * Force one backend instead of the best that loads (e.g. "cpu" to compare speeds).
   * Defaults to the environment variable CONVNET_BACKEND, else automatic choice.
   */
  backend?: BackendName;
  /** Print the one-line report (default true). */
  quiet?: boolean;
  /**
   * Threads for the wasm backend, 1 to 8 (the native accelerator's when it is used; XNNPACK's
   * otherwise). Defaults to the environment variable CONVNET_WASM_THREADS, else one per core.
   * Only read when wasm starts.
   */
  wasmThreads?: number;
  /**
   * The native accelerator under wasm (oneDNN kernels, built by `npm install` when a compiler and
   * oneDNN are present): true requires it, false turns it off. Defaults to the environment variable
   * CONVNET_NATIVE ("0" off, "1" required), else used when it was built.
   */
  native?: boolean;
}

const OPTION_KEYS = ["backend", "quiet", "wasmThreads", "native"];

function checkOptionKeys(options: InitBackendOptions): void {
  for (const key of Object.keys(options)) {
    if (OPTION_KEYS.includes(key)) continue;
    const near = OPTION_KEYS.find((k) => k.toLowerCase().startsWith(key.toLowerCase().slice(0, 3)));
    throw new Error(
      `initBackend: unknown option ${JSON.stringify(key)}${near ? ` (did you mean "${near}"?)` : ""}. ` +
        `The options are ${OPTION_KEYS.join(", ")}.`,
    );
  }
}

/**
 * Switches the wasm kernels to the native addon or back. "on" fails when the addon cannot be used;
 * "auto" falls back to wasm alone and says why.
 */
function applyNative(request: NativeRequest, threads: number, byOption: boolean): NativeReport {
  if (request === "off") {
    registerWasmTrainingKernels(null);
    return { used: false, reason: `turned off (${byOption ? "native: false" : "CONVNET_NATIVE=0"})` };
  }
  const status = loadNativeAddon(threads);
  if (!status.loaded) {
    if (request === "on") {
      throw new Error(
        `initBackend: the native accelerator was required (${byOption ? "native: true" : "CONVNET_NATIVE=1"}), but ${status.reason}. ` +
          "Build it, or unset CONVNET_NATIVE to run on wasm alone.",
      );
    }
    registerWasmTrainingKernels(null);
    return { used: false, reason: status.reason };
  }
  registerWasmTrainingKernels(status.addon);
  return { used: true, library: status.library, version: status.version, isa: status.isa, threads: status.threads };
}

/**
 * Chooses the best tensor backend that loads — tfjs-node, then wasm, then cpu —
 * and returns what was chosen and why. Safe to call many times: later calls only
 * switch when a different backend is asked for.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  checkOptionKeys(options);
  // An empty CONVNET_BACKEND (e.g. `CONVNET_BACKEND= npm test`) means "choose automatically".
  const requested = options.backend ?? ((process.env.CONVNET_BACKEND || undefined) as BackendName | undefined);
  if (requested !== undefined && !ORDER.includes(requested)) {
    throw new Error(
      `initBackend: backend ${JSON.stringify(requested)} is not one of ${ORDER.join(", ")}. ` +
        `Pass one of those names (or unset CONVNET_BACKEND to choose automatically).`,
    );
  }
  // Read (and checked) before any attempt: a bad value is the caller's mistake, not a reason to fall back.
  const native = nativeRequest(options.native);
  if (active && (requested === undefined || requested === active.name)) {
    // Only an explicit `native` option switches the accelerator of a running wasm backend.
    if (active.name === "wasm" && options.native !== undefined && options.native !== active.native.used) {
      if (tf.getBackend() !== "wasm") await tf.setBackend("wasm");
      const report = applyNative(native, nativeThreads, true);
      active = { ...active, native: report, speed: SPEED.wasm + (report.used ? NATIVE_SPEED : "") };
      if (!options.quiet) console.log(describeBackend(active));
    }
    return active;
  }
  const candidates = requested ? [requested] : ORDER;
  const wasmThreads = candidates.includes("wasm") ? wasmThreadCount(options.wasmThreads) : 1;
  const fallbacks: string[] = [];
  for (const name of candidates) {
    try {
      await ATTEMPTS[name]({ wasmThreads, native }, fallbacks);
      await tf.ready();
    } catch (error) {
      fallbacks.push(`${PACKAGE[name]} did not load: ${firstLine(error)}`);
      continue;
    }
    registerLeanGradients();
    const threads = name === "wasm" ? activeWasmThreads() : 1;
    nativeThreads = wasmThreads;
    // Outside the try: a required accelerator that cannot load is an error, not a reason to try cpu.
    const report: NativeReport =
      name === "wasm"
        ? applyNative(native, wasmThreads, options.native !== undefined)
        : { used: false, reason: `it runs under wasm only, not ${name}` };
    active = {
      name,
      version: packageVersion(PACKAGE[name]),
      canTrain: name !== "wasm" || wasmCanTrainConv(),
      threads,
      native: report,
      speed: SPEED[name] + (report.used ? NATIVE_SPEED : ""),
      fallbacks,
    };
    if (!options.quiet) console.log(describeBackend(active));
    return active;
  }
  throw new Error(
    `initBackend: no backend could be started (${fallbacks.join("; ")}). ` +
      "Run `npm install` in the project folder to restore @tensorflow/tfjs and its wasm backend.",
  );
}

/** Every kernel a training step needs on wasm is ours and registered (see wasm-training-kernels.ts). */
function wasmCanTrainConv(): boolean {
  return wasmTrainingKernelsRegistered();
}

/** The report of the active backend, or throws if initBackend has not run. */
export function backendInfo(): BackendInfo {
  if (!active) {
    throw new Error("backendInfo: no backend chosen yet. Call `await initBackend()` first.");
  }
  return active;
}

/** A short human-readable report, e.g. for the first cell of a lesson. */
export function describeBackend(info: BackendInfo): string {
  const plural = (n: number) => `${n} thread${n === 1 ? "" : "s"}`;
  const threads =
    info.name !== "wasm" ? "" : info.native.used ? `, XNNPACK on ${plural(info.threads)}` : `, ${plural(info.threads)}`;
  const native = info.native.used
    ? ` + native (${info.native.library} ${info.native.version}, ${plural(info.native.threads)})`
    : "";
  const lines = [`Backend: ${info.name}${native} (${PACKAGE[info.name]} ${info.version}${threads}) — ${info.speed}`];
  if (info.name === "wasm" && !info.native.used) lines.push(`Native accelerator not used: ${info.native.reason}.`);
  if (!info.canTrain) lines.push("Note: this backend can run models but cannot train convolutions.");
  for (const reason of info.fallbacks) lines.push(`Fell back because ${reason}`);
  return lines.join("\n");
}

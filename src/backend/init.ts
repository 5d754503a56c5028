import * as tf from "@tensorflow/tfjs";
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
  /** Threads doing the work (wasm: XNNPACK's pool; tfjs-node and cpu report 1, their own choice). */
  threads: number;
  /** One paragraph a learner can read: what this means for speed. */
  speed: string;
  /** Why better backends were passed over (empty when the best one loaded). */
  fallbacks: string[];
}

let active: BackendInfo | undefined;

// Only measured statements: `npm run bench` on an idle 2-core machine (AMD EPYC), 2026-12-02 04:59 UTC.
const SPEED: Record<BackendName, string> = {
  tensorflow:
    "tfjs-node (native libtensorflow). Not measured by convnet-lab (it could not be installed where the " +
    "course was built); run `npm run bench` to compare it with wasm and cpu on this machine.",
  wasm:
    "tfjs WebAssembly (XNNPACK with SIMD, one thread per core; CONVNET_WASM_THREADS changes that) plus " +
    "convnet-lab's own training kernels, so conv nets train on it. Measured with `npm run bench` on an idle " +
    "2-core machine with 2 threads: LeNet-5 trained at 3,100–3,700 samples/s (over 200x stock tfjs-cpu; " +
    "about 2,400–3,000 on one thread) and a small VGG with batch norm at about 150 samples/s (over 600x). " +
    "Run `npm run bench` for this machine's numbers.",
  cpu:
    "tfjs pure-JavaScript CPU backend: correct but slow. Measured with `npm run bench` on an idle 2-core " +
    "machine: LeNet-5 trained at about 17 samples/s, about 220x slower than wasm with convnet-lab's kernels; " +
    "lessons will run, but shrink their sizes.",
};

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

async function tryWasm(threads: number, fallbacks: string[]): Promise<void> {
  require("@tensorflow/tfjs-backend-wasm");
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

const ATTEMPTS: Record<BackendName, (wasmThreads: number, fallbacks: string[]) => Promise<void>> = {
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
   * Threads for the wasm backend, 1 to 8. Defaults to the environment variable
   * CONVNET_WASM_THREADS, else one per core. Only read when wasm starts.
   */
  wasmThreads?: number;
}

/**
 * Chooses the best tensor backend that loads — tfjs-node, then wasm, then cpu —
 * and returns what was chosen and why. Safe to call many times: later calls only
 * switch when a different backend is asked for.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  // An empty CONVNET_BACKEND (e.g. `CONVNET_BACKEND= npm test`) means "choose automatically".
  const requested = options.backend ?? ((process.env.CONVNET_BACKEND || undefined) as BackendName | undefined);
  if (requested !== undefined && !ORDER.includes(requested)) {
    throw new Error(
      `initBackend: backend ${JSON.stringify(requested)} is not one of ${ORDER.join(", ")}. ` +
        `Pass one of those names (or unset CONVNET_BACKEND to choose automatically).`,
    );
  }
  if (active && (requested === undefined || requested === active.name)) return active;
  const candidates = requested ? [requested] : ORDER;
  // Read (and checked) before any attempt: a bad thread count is the caller's mistake, not a reason to fall back.
  const wasmThreads = candidates.includes("wasm") ? wasmThreadCount(options.wasmThreads) : 1;
  const fallbacks: string[] = [];
  for (const name of candidates) {
    try {
      await ATTEMPTS[name](wasmThreads, fallbacks);
      await tf.ready();
      registerLeanGradients();
      active = {
        name,
        version: packageVersion(PACKAGE[name]),
        canTrain: name !== "wasm" || wasmCanTrainConv(),
        threads: name === "wasm" ? activeWasmThreads() : 1,
        speed: SPEED[name],
        fallbacks,
      };
      if (!options.quiet) console.log(describeBackend(active));
      return active;
    } catch (error) {
      fallbacks.push(`${PACKAGE[name]} did not load: ${firstLine(error)}`);
    }
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
  const threads = info.name === "wasm" ? `, ${info.threads} thread${info.threads === 1 ? "" : "s"}` : "";
  const lines = [`Backend: ${info.name} (${PACKAGE[info.name]} ${info.version}${threads}) — ${info.speed}`];
  if (!info.canTrain) lines.push("Note: this backend can run models but cannot train convolutions.");
  for (const reason of info.fallbacks) lines.push(`Fell back because ${reason}`);
  return lines.join("\n");
}

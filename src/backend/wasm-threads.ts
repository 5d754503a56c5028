import os = require("os");
import * as path from "path";
import * as tf from "@tensorflow/tfjs";

/** XNNPACK's thread pool in tfjs-backend-wasm holds at most 8 threads (8 pre-started workers). */
export const MAX_WASM_THREADS = 8;

/**
 * How many threads the wasm backend should use: `requested` (an option), else the environment
 * variable CONVNET_WASM_THREADS, else one per core the process may use (capped at 8).
 */
export function wasmThreadCount(requested?: number): number {
  const fromEnv = process.env.CONVNET_WASM_THREADS;
  const source = requested !== undefined ? "wasmThreads" : "CONVNET_WASM_THREADS";
  const value = requested ?? (fromEnv ? Number(fromEnv) : Math.min(os.availableParallelism(), MAX_WASM_THREADS));
  if (!Number.isInteger(value) || value < 1 || value > MAX_WASM_THREADS) {
    const shown = requested !== undefined ? String(requested) : JSON.stringify(fromEnv);
    throw new Error(
      `initBackend: ${source} is ${shown}, but it must be a whole number from 1 to ${MAX_WASM_THREADS} ` +
        `(tfjs-backend-wasm's thread pool holds at most ${MAX_WASM_THREADS}). ` +
        "Use 1 for a single thread, or leave it unset for one thread per core.",
    );
  }
  return value;
}

interface WasmModuleExports {
  setThreadsCount(count: number): void;
}

/**
 * Sets up tfjs-backend-wasm to start XNNPACK with `threads` threads under Node, then runs
 * `start` (which must call tf.setBackend('wasm')) and undoes the temporary patches.
 *
 * tfjs turns wasm threads off under Node (tfjs issue #3830) because its worker script is
 * handed over as a browser Blob URL. Three things make them work:
 *  - the flag WASM_HAS_MULTITHREAD_SUPPORT is set to true, so the threaded SIMD build loads;
 *  - while it starts, URL.createObjectURL returns our worker file (wasm-thread-worker.js)
 *    for tfjs's worker Blob, so Node's worker_threads can open it;
 *  - tfjs caps its pool at half the logical cores (it assumes two hyper-threads per core),
 *    which is one thread on a 2-core machine; while it starts, os.cpus() lists each core twice.
 */
export async function startWasmWithThreads(threads: number, start: () => Promise<void>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- loaded only when wasm is chosen: importing it registers the backend
  const wasm = require("@tensorflow/tfjs-backend-wasm") as WasmModuleExports;
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", true);
  wasm.setThreadsCount(threads);
  const workerFile = path.join(__dirname, "wasm-thread-worker.js");
  const createObjectURL = URL.createObjectURL;
  const cpus = os.cpus;
  URL.createObjectURL = (object: Blob | MediaSource) =>
    object instanceof Blob && object.type === "application/javascript" ? workerFile : createObjectURL(object);
  os.cpus = () => [...cpus(), ...cpus()];
  try {
    await start();
    unrefWorkers();
  } finally {
    URL.createObjectURL = createObjectURL;
    os.cpus = cpus;
  }
}

/**
 * Emscripten keeps a Node worker referenced while its thread runs, and XNNPACK's pool threads
 * run (waiting for work) for the life of the process, so Node would never exit by itself.
 */
function unrefWorkers(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const pthreads = (tf.backend() as any)?.wasm?.PThread;
  if (!pthreads) return;
  for (const worker of [...pthreads.runningWorkers, ...pthreads.unusedWorkers]) worker.unref();
}

/** Turns the threaded build off again, e.g. after it failed to start. */
export function disableWasmThreads(): void {
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- loaded only when wasm is chosen: importing it registers the backend
  const wasm = require("@tensorflow/tfjs-backend-wasm") as WasmModuleExports;
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  wasm.setThreadsCount(1);
}

/** Threads in the running wasm backend's XNNPACK pool (1 when single-threaded). */
export function activeWasmThreads(): number {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const backend = tf.backend() as any;
  const count = backend?.wasm?.tfjs?.getThreadsCount?.();
  return typeof count === "number" && count > 0 ? count : 1;
}

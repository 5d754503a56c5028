import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

interface WasmModule {
  HEAPU8: Uint8Array;
  /** Present in the threaded build: the shared memory itself, current even after another thread grew it. */
  wasmMemory?: WebAssembly.Memory;
}

let view: Uint8Array | undefined;

/**
 * All of the wasm backend's memory as bytes, for the addon to address tensors by offset.
 * Take it after the last makeOutput of a kernel: an allocation may grow (and replace) the buffer.
 */
export function heapBytes(backend: BackendWasm): Uint8Array {
  const wasm = backend.wasm as unknown as WasmModule;
  const buffer = wasm.wasmMemory?.buffer ?? wasm.HEAPU8.buffer;
  if (view === undefined || view.buffer !== buffer) view = new Uint8Array(buffer);
  return view;
}

/** Byte offset of a tensor's data on the wasm heap. */
export function heapOffset(backend: BackendWasm, info: tf.TensorInfo): number {
  return backend.getMemoryOffset(info.dataId);
}

/** One reusable parameter block per kernel kind (the addon reads it synchronously). */
export function paramBlock(size: number): Float64Array {
  return new Float64Array(size);
}

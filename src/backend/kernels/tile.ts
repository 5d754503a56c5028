import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "./wasm-kernel-utils";

const NAME = "Tile";

type Numbers = Float32Array | Int32Array | Uint8Array;

/**
 * Tile by block copies: each dimension is filled once, then doubled with copyWithin.
 * Stock wasm Tile computes every output index separately, which made it the hotspot
 * of the batch-norm gradient (it tiles a [1,1,1,C] vector to the activation's shape).
 */
export function tileValues(x: Numbers, shape: readonly number[], reps: readonly number[], out: Numbers): void {
  const rank = shape.length;
  if (rank === 0) {
    out[0] = x[0];
    return;
  }
  const outStrides = new Array<number>(rank);
  const inStrides = new Array<number>(rank);
  outStrides[rank - 1] = 1;
  inStrides[rank - 1] = 1;
  for (let d = rank - 2; d >= 0; d--) {
    outStrides[d] = outStrides[d + 1] * shape[d + 1] * reps[d + 1];
    inStrides[d] = inStrides[d + 1] * shape[d + 1];
  }
  const fill = (d: number, inOffset: number, outOffset: number): void => {
    const block = shape[d] * outStrides[d];
    if (d === rank - 1) {
      out.set(x.subarray(inOffset, inOffset + shape[d]), outOffset);
    } else {
      for (let i = 0; i < shape[d]; i++) fill(d + 1, inOffset + i * inStrides[d], outOffset + i * outStrides[d]);
    }
    const total = block * reps[d];
    for (let filled = block; filled < total; filled *= 2) {
      out.copyWithin(outOffset + filled, outOffset, outOffset + Math.min(filled, total - filled));
    }
  };
  fill(0, 0, 0);
}

export function tile(args: KernelArgs): tf.TensorInfo {
  const backend = wasmBackendOf(args, NAME);
  const x = inputOf(args, "x", NAME);
  const reps = (args.attrs as unknown as tf.TileAttrs).reps;
  const outShape = x.shape.map((n, i) => n * reps[i]);
  if (x.dtype === "string") {
    // Strings live outside the wasm heap (stock wasm aborts on them): tile their indices.
    const strings = backend.readSync(x.dataId) as unknown as Uint8Array[];
    const order = new Int32Array(tf.util.sizeFromShape(outShape));
    tileValues(Int32Array.from(strings.keys()), x.shape, reps, order);
    return backend.makeOutput(
      outShape,
      "string",
      undefined,
      Array.from(order, (i) => strings[i]) as unknown as tf.backend_util.BackendValues,
    );
  }
  const out = backend.makeOutput(outShape, x.dtype);
  if (tf.util.sizeFromShape(outShape) > 0) {
    // Views are taken after makeOutput, which may grow (and so move) the wasm heap.
    tileValues(backend.typedArrayFromHeap(x), x.shape, reps, backend.typedArrayFromHeap(out));
  }
  return out;
}

export const tileConfig: tf.KernelConfig = {
  kernelName: NAME,
  backendName: "wasm",
  kernelFunc: tile as unknown as tf.KernelFunc,
};

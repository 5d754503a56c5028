import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "./wasm-kernel-utils";

const NAME = "UnsortedSegmentSum";

/**
 * out[segmentIds[i], ...] += x[i, ...]; rows whose id is negative or >= numSegments are
 * dropped, as in TensorFlow. The gradient of gather (embedding layers) needs it.
 */
export function unsortedSegmentSum(args: KernelArgs): tf.TensorInfo {
  const backend = wasmBackendOf(args, NAME);
  const x = inputOf(args, "x", NAME);
  const segmentIds = inputOf(args, "segmentIds", NAME);
  const { numSegments } = args.attrs as unknown as tf.UnsortedSegmentSumAttrs;
  if (x.dtype !== "float32" && x.dtype !== "int32") {
    throw new Error(`${NAME}: x has dtype ${x.dtype}; only float32 and int32 are supported. Cast x first.`);
  }
  const rowShape = x.shape.slice(segmentIds.shape.length);
  const rowSize = tf.util.sizeFromShape(rowShape);
  const numRows = tf.util.sizeFromShape(segmentIds.shape);
  const out = backend.makeOutput([numSegments, ...rowShape], x.dtype);
  const result = backend.typedArrayFromHeap(out);
  const values = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  result.fill(0);
  for (let i = 0; i < numRows; i++) {
    const id = ids[i];
    if (id < 0 || id >= numSegments) continue;
    const from = i * rowSize;
    const to = id * rowSize;
    for (let j = 0; j < rowSize; j++) result[to + j] += values[from + j];
  }
  return out;
}

export const unsortedSegmentSumConfig: tf.KernelConfig = {
  kernelName: NAME,
  backendName: "wasm",
  kernelFunc: unsortedSegmentSum as unknown as tf.KernelFunc,
};

import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "./wasm-kernel-utils";

const NAME = "MaxPoolGrad";

/**
 * Routes each window's gradient to the first maximum of the window in row-major order
 * (tfjs-cpu's tie rule, which matters for the all-zero windows after a ReLU). One pass,
 * channels innermost so memory is read in order; stock wasm's loop is several times slower.
 */
export function maxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const backend = wasmBackendOf(args, NAME);
  const dy = inputOf(args, "dy", NAME);
  const input = inputOf(args, "input", NAME);
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, effectiveFilterHeight, effectiveFilterWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const out = backend.makeOutput(input.shape, "float32");
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  const xv = backend.typedArrayFromHeap(input) as Float32Array;
  const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);
  const best = new Float32Array(channels);
  const where = new Int32Array(channels);
  for (let b = 0; b < batchSize; b++) {
    for (let yr = 0; yr < outHeight; yr++) {
      const rowStart = yr * strideHeight - top;
      const rMin = Math.max(0, rowStart);
      const rMax = Math.min(inHeight, rowStart + effectiveFilterHeight);
      for (let yc = 0; yc < outWidth; yc++) {
        const colStart = yc * strideWidth - left;
        const cMin = Math.max(0, colStart);
        const cMax = Math.min(inWidth, colStart + effectiveFilterWidth);
        best.fill(Number.NEGATIVE_INFINITY);
        where.fill(-1);
        for (let r = rMin; r < rMax; r++) {
          for (let c = cMin; c < cMax; c++) {
            const base = ((b * inHeight + r) * inWidth + c) * channels;
            for (let d = 0; d < channels; d++) {
              const value = xv[base + d];
              if (value > best[d]) {
                best[d] = value;
                where[d] = base + d;
              }
            }
          }
        }
        const dyBase = ((b * outHeight + yr) * outWidth + yc) * channels;
        for (let d = 0; d < channels; d++) {
          if (where[d] >= 0) dx[where[d]] += dyv[dyBase + d];
        }
      }
    }
  }
  return out;
}

export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: NAME,
  backendName: "wasm",
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};

import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "./wasm-kernel-utils";

const NAME = "MaxPoolGrad";

/** MaxPoolGrad's wasm backend, its two inputs and its window geometry (shared with the native kernel). */
export function maxPoolGradSetup(args: KernelArgs, name: string) {
  const backend = wasmBackendOf(args, name);
  const dy = inputOf(args, "dy", name);
  const input = inputOf(args, "input", name);
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  return { backend, dy, input, info };
}

/**
 * Routes each window's gradient to the first maximum of the window in row-major order
 * (tfjs-cpu's tie rule, which matters for the all-zero windows after a ReLU). One pass,
 * channels innermost so memory is read in order; stock wasm's loop is several times slower.
 */
export function maxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const { backend, dy, input, info } = maxPoolGradSetup(args, NAME);
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, effectiveFilterHeight, effectiveFilterWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const out = backend.makeOutput(input.shape, "float32");
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  const xv = backend.typedArrayFromHeap(input) as Float32Array;
  const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);
  const tiles2x2 =
    effectiveFilterHeight === 2 &&
    effectiveFilterWidth === 2 &&
    strideHeight === 2 &&
    strideWidth === 2 &&
    top === 0 &&
    left === 0;
  if (tiles2x2 && 2 * outHeight <= inHeight && 2 * outWidth <= inWidth) {
    if (firstMaxGrad2x2(xv, dyv, dx, batchSize, inHeight, inWidth, channels, outHeight, outWidth)) return out;
    dx.fill(0); // a NaN or -Infinity defeated the branch-free selection: take the general loop
  }
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

/**
 * The common 2x2 stride-2 unpadded case without branches: on ReLU outputs the comparisons are
 * a coin toss, and mispredicted branches made the general loop 2.3x slower (measured). The
 * selection arithmetic m·v + (1−m)·best is exact for finite values and +Infinity; a NaN or
 * −Infinity turns some best into NaN, which the returned check reports (false: not done).
 */
function firstMaxGrad2x2(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  batch: number,
  height: number,
  width: number,
  channels: number,
  outHeight: number,
  outWidth: number,
): boolean {
  const down = width * channels;
  let check = 0;
  for (let b = 0; b < batch; b++) {
    for (let yr = 0; yr < outHeight; yr++) {
      for (let yc = 0; yc < outWidth; yc++) {
        const p0 = ((b * height + 2 * yr) * width + 2 * yc) * channels;
        const p1 = p0 + channels;
        const p2 = p0 + down;
        const p3 = p2 + channels;
        const g = ((b * outHeight + yr) * outWidth + yc) * channels;
        for (let d = 0; d < channels; d++) {
          let best = x[p0 + d];
          let where = p0 + d;
          let v = x[p1 + d];
          let m = +(v > best);
          best = m * v + (1 - m) * best;
          where += m * channels;
          v = x[p2 + d];
          m = +(v > best);
          best = m * v + (1 - m) * best;
          where = m * (p2 + d) + (1 - m) * where;
          v = x[p3 + d];
          m = +(v > best);
          best = m * v + (1 - m) * best;
          where = m * (p3 + d) + (1 - m) * where;
          check += best;
          dx[where] += dy[g + d];
        }
      }
    }
  }
  return !Number.isNaN(check);
}

export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: NAME,
  backendName: "wasm",
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};

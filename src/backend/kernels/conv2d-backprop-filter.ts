import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import {
  KernelArgs,
  conv2dExplicitPad,
  convGradientCall,
  free,
  reshapeInfo,
  runWasmKernel,
  transposeInfo,
} from "./wasm-kernel-utils";

const NAME = "Conv2DBackpropFilter";

/** Largest KH·KW·inChannels for which the patch-matrix route is used (first layers of RGB input). */
const MAX_PATCH_COLUMNS = 32;

/**
 * For first layers (a few input channels) the dilated-conv route below leaves XNNPACK a tiny
 * output with a huge kernel, which it runs slowly. There: patches P[n, (kh,kw,ci)] come from
 * a Conv2D with a one-hot filter, and dW = Pᵀ·dy is one matMul.
 */
function viaPatchMatrix(
  backend: BackendWasm,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { filterHeight, filterWidth, inChannels, outChannels, strideHeight, strideWidth } = info;
  const columns = filterHeight * filterWidth * inChannels;
  const oneHot = backend.makeOutput([filterHeight, filterWidth, inChannels, columns], "float32");
  const oneHotValues = backend.typedArrayFromHeap(oneHot) as Float32Array;
  oneHotValues.fill(0);
  for (let k = 0; k < columns; k++) oneHotValues[k * columns + k] = 1;
  const { top, bottom, left, right } = info.padInfo;
  const patches = runWasmKernel(
    backend,
    "Conv2D",
    { x, filter: oneHot },
    {
      strides: [strideHeight, strideWidth],
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      dilations: [1, 1],
      dataFormat: "NHWC",
    },
  );
  const rows = patches.shape[0] * patches.shape[1] * patches.shape[2];
  const patchMatrix = reshapeInfo(backend, patches, [rows, columns]);
  const patchesT = transposeInfo(backend, patchMatrix, [1, 0]);
  const dyMatrix = reshapeInfo(backend, dy, [rows, outChannels]);
  const product = runWasmKernel(
    backend,
    "BatchMatMul",
    { a: patchesT, b: dyMatrix },
    { transposeA: false, transposeB: false },
  );
  const dw = reshapeInfo(backend, product, [filterHeight, filterWidth, inChannels, outChannels]);
  free(backend, oneHot, patches, patchMatrix, patchesT, dyMatrix, product);
  return dw;
}

/**
 * [N,H,W,C] → [C,H,W,N] in two cheap steps: a 2-D transpose of [N, H·W·C], then moving C ahead
 * of H·W in blocks of N contiguous values. Stock wasm's general 4-D transpose is ~3.6x slower
 * on [64,32,32,32] (measured), and this one is on the filter gradient of every convolution.
 */
function batchLastChannelsFirst(backend: BackendWasm, x: tf.TensorInfo): tf.TensorInfo {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const rows = reshapeInfo(backend, x, [n, h * w * c]);
  const columns = transposeInfo(backend, rows, [1, 0]);
  const grouped = reshapeInfo(backend, columns, [h * w, c, n]);
  const moved = transposeInfo(backend, grouped, [1, 0, 2]);
  const out = reshapeInfo(backend, moved, [c, h, w, n]);
  free(backend, rows, columns, grouped, moved);
  return out;
}

/**
 * dW[kh,kw,ci,co] = Σ_{b,oh,ow} x[b, oh·s+kh−top, ow·s+kw−left, ci] · dy[b,oh,ow,co]
 * is itself a convolution: input x as [ci, H, W, batch], filter dy as [OH, OW, batch, co],
 * stride 1 and dilation s. XNNPACK then does the heavy lifting.
 */
export function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { backend, other: x, dy, info } = convGradientCall(args, NAME, false);
  const { filterHeight, filterWidth, strideHeight, strideWidth, outHeight, outWidth, inHeight, inWidth } = info;
  // Measured (same process, min of runs): 3 channels 3x3 ~4x faster by patches; 1 channel no faster.
  if (info.inChannels > 1 && filterHeight * filterWidth * info.inChannels <= MAX_PATCH_COLUMNS) {
    return viaPatchMatrix(backend, x, dy, info);
  }
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  // Padding after the input that makes the result exactly filterHeight x filterWidth (may be negative).
  const bottom = filterHeight - 1 + (outHeight - 1) * strideHeight + 1 - inHeight - top;
  const right = filterWidth - 1 + (outWidth - 1) * strideWidth + 1 - inWidth - left;
  const xT = batchLastChannelsFirst(backend, x);
  const dyT = transposeInfo(backend, dy, [1, 2, 0, 3]);
  const dwT = conv2dExplicitPad(backend, xT, dyT, { top, bottom, left, right }, [1, 1], [strideHeight, strideWidth]);
  const dw = transposeInfo(backend, dwT, [1, 2, 0, 3]);
  free(backend, xT, dyT, dwT);
  return dw;
}

export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: NAME,
  backendName: "wasm",
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};

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

const NAME = "Conv2DBackpropInput";

/** Inserts stride−1 zeros after every row and column of dy: [B,OH,OW,C] -> [B,OH·sh,OW·sw,C]. */
function dilateWithZeros(backend: BackendWasm, dy: tf.TensorInfo, sh: number, sw: number): tf.TensorInfo {
  const [b, oh, ow, c] = dy.shape;
  const spread = reshapeInfo(backend, dy, [b, oh, 1, ow, 1, c]);
  const padded = runWasmKernel(
    backend,
    "PadV2",
    { x: spread },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, sh - 1],
        [0, 0],
        [0, sw - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const dilated = reshapeInfo(backend, padded, [b, oh * sh, ow * sw, c]);
  free(backend, spread, padded);
  return dilated;
}

/**
 * dx = dy (zero-dilated by the stride) convolved with the filter rotated 180° and its
 * in/out channels swapped — a stride-1 Conv2D, which XNNPACK runs fast.
 */
export function conv2dBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { backend, dy, other: filter, info } = convGradientCall(args, NAME, false);
  const { filterHeight, filterWidth, strideHeight, strideWidth, inHeight, inWidth } = info;
  const stretched = strideHeight > 1 || strideWidth > 1 ? dilateWithZeros(backend, dy, strideHeight, strideWidth) : dy;
  const top = filterHeight - 1 - info.padInfo.top;
  const left = filterWidth - 1 - info.padInfo.left;
  // Chosen so the result is exactly inHeight x inWidth; negative values crop dy.
  const bottom = inHeight - stretched.shape[1] + filterHeight - 1 - top;
  const right = inWidth - stretched.shape[2] + filterWidth - 1 - left;
  const flippedRows = runWasmKernel(backend, "Reverse", { x: filter }, { dims: [0, 1] });
  const rotated = transposeInfo(backend, flippedRows, [0, 1, 3, 2]);
  const dx = conv2dExplicitPad(backend, stretched, rotated, { top, bottom, left, right }, [1, 1], [1, 1]);
  free(backend, flippedRows, rotated);
  if (stretched !== dy) free(backend, stretched);
  return dx;
}

export const conv2dBackpropInputConfig: tf.KernelConfig = {
  kernelName: NAME,
  backendName: "wasm",
  kernelFunc: conv2dBackpropInput as unknown as tf.KernelFunc,
};

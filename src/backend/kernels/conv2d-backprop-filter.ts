import * as tf from "@tensorflow/tfjs";
import { KernelArgs, conv2dExplicitPad, free, requireChannelsLast, transposeInfo, wasmBackendOf } from "./wasm-kernel-utils";

const NAME = "Conv2DBackpropFilter";

/**
 * dW[kh,kw,ci,co] = Σ_{b,oh,ow} x[b, oh·s+kh−top, ow·s+kw−left, ci] · dy[b,oh,ow,co]
 * is itself a convolution: input x as [ci, H, W, batch], filter dy as [OH, OW, batch, co],
 * stride 1 and dilation s. XNNPACK then does the heavy lifting.
 */
export function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const backend = wasmBackendOf(args, NAME);
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  requireChannelsLast(NAME, attrs.dataFormat);
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { filterHeight, filterWidth, strideHeight, strideWidth, outHeight, outWidth, inHeight, inWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  // Padding after the input that makes the result exactly filterHeight x filterWidth (may be negative).
  const bottom = filterHeight - 1 + (outHeight - 1) * strideHeight + 1 - inHeight - top;
  const right = filterWidth - 1 + (outWidth - 1) * strideWidth + 1 - inWidth - left;
  const xT = transposeInfo(backend, x, [3, 1, 2, 0]);
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

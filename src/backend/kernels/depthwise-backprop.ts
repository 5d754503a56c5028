import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, requireChannelsLast, wasmBackendOf } from "./wasm-kernel-utils";

const FILTER_NAME = "DepthwiseConv2dNativeBackpropFilter";
const INPUT_NAME = "DepthwiseConv2dNativeBackpropInput";

/** Geometry shared by both depthwise gradients (NHWC input, filter [KH, KW, C, M]). */
function depthwiseInfo(
  inputShape: number[],
  filterShape: number[],
  attrs: tf.DepthwiseConv2dNativeBackpropFilterAttrs | tf.DepthwiseConv2dNativeBackpropInputAttrs,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
}

/**
 * dW[kh,kw,c,m] = Σ_{b,oh,ow} x[b, oh·sh−top+kh·dh, ow·sw−left+kw·dw, c] · dy[b,oh,ow,c·M+m],
 * in plain JavaScript over the wasm heap (a depthwise filter is small; the loops are cheap).
 */
export function depthwiseBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const backend = wasmBackendOf(args, FILTER_NAME);
  const x = inputOf(args, "x", FILTER_NAME);
  const dy = inputOf(args, "dy", FILTER_NAME);
  const attrs = args.attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  requireChannelsLast(FILTER_NAME, (attrs as unknown as { dataFormat?: string }).dataFormat);
  const info = depthwiseInfo(x.shape, attrs.filterShape, attrs);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const multiplier = outChannels / inChannels;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const out = backend.makeOutput(attrs.filterShape, "float32");
  const dw = backend.typedArrayFromHeap(out) as Float32Array;
  const xv = backend.typedArrayFromHeap(x) as Float32Array;
  const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
  dw.fill(0);
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let kh = 0; kh < filterHeight; kh++) {
        const xr = oh * strideHeight - top + kh * dilationHeight;
        if (xr < 0 || xr >= inHeight) continue;
        for (let ow = 0; ow < outWidth; ow++) {
          const dyBase = ((b * outHeight + oh) * outWidth + ow) * outChannels;
          for (let kw = 0; kw < filterWidth; kw++) {
            const xc = ow * strideWidth - left + kw * dilationWidth;
            if (xc < 0 || xc >= inWidth) continue;
            const xBase = ((b * inHeight + xr) * inWidth + xc) * inChannels;
            const wBase = (kh * filterWidth + kw) * outChannels;
            for (let c = 0; c < inChannels; c++) {
              const xValue = xv[xBase + c];
              for (let m = 0; m < multiplier; m++) {
                dw[wBase + c * multiplier + m] += xValue * dyv[dyBase + c * multiplier + m];
              }
            }
          }
        }
      }
    }
  }
  return out;
}

/** dx[b,r,c,ch] = Σ over the outputs that read it of dy · W, scattered output by output. */
export function depthwiseBackpropInput(args: KernelArgs): tf.TensorInfo {
  const backend = wasmBackendOf(args, INPUT_NAME);
  const dy = inputOf(args, "dy", INPUT_NAME);
  const filter = inputOf(args, "filter", INPUT_NAME);
  const attrs = args.attrs as unknown as tf.DepthwiseConv2dNativeBackpropInputAttrs;
  requireChannelsLast(INPUT_NAME, (attrs as unknown as { dataFormat?: string }).dataFormat);
  const info = depthwiseInfo(attrs.inputShape, filter.shape, attrs);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const multiplier = outChannels / inChannels;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const out = backend.makeOutput(attrs.inputShape, "float32");
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  const wv = backend.typedArrayFromHeap(filter) as Float32Array;
  const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let kh = 0; kh < filterHeight; kh++) {
        const xr = oh * strideHeight - top + kh * dilationHeight;
        if (xr < 0 || xr >= inHeight) continue;
        for (let ow = 0; ow < outWidth; ow++) {
          const dyBase = ((b * outHeight + oh) * outWidth + ow) * outChannels;
          for (let kw = 0; kw < filterWidth; kw++) {
            const xc = ow * strideWidth - left + kw * dilationWidth;
            if (xc < 0 || xc >= inWidth) continue;
            const xBase = ((b * inHeight + xr) * inWidth + xc) * inChannels;
            const wBase = (kh * filterWidth + kw) * outChannels;
            for (let c = 0; c < inChannels; c++) {
              let sum = 0;
              for (let m = 0; m < multiplier; m++) {
                sum += dyv[dyBase + c * multiplier + m] * wv[wBase + c * multiplier + m];
              }
              dx[xBase + c] += sum;
            }
          }
        }
      }
    }
  }
  return out;
}

export const depthwiseBackpropFilterConfig: tf.KernelConfig = {
  kernelName: FILTER_NAME,
  backendName: "wasm",
  kernelFunc: depthwiseBackpropFilter as unknown as tf.KernelFunc,
};

export const depthwiseBackpropInputConfig: tf.KernelConfig = {
  kernelName: INPUT_NAME,
  backendName: "wasm",
  kernelFunc: depthwiseBackpropInput as unknown as tf.KernelFunc,
};

import * as tf from "@tensorflow/tfjs";
import { KernelArgs, convGradientCall } from "./wasm-kernel-utils";

const FILTER_NAME = "DepthwiseConv2dNativeBackpropFilter";
const INPUT_NAME = "DepthwiseConv2dNativeBackpropInput";

/**
 * Calls visit(xBase, dyBase, wBase) for every (image, output pixel, filter tap) whose input pixel
 * lies inside the image: the flat offsets of that input pixel, output pixel and tap (channel 0).
 * Both depthwise gradients are sums over exactly these triples; they differ in what they add.
 */
function forEachTap(
  info: tf.backend_util.Conv2DInfo,
  visit: (xBase: number, dyBase: number, wBase: number) => void,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
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
            visit(((b * inHeight + xr) * inWidth + xc) * inChannels, dyBase, (kh * filterWidth + kw) * outChannels);
          }
        }
      }
    }
  }
}

/** What one kernel adds for one tap: out is dW or dx, other is x or W (channel counts given). */
type TapSum = (
  out: Float32Array,
  other: Float32Array,
  dy: Float32Array,
  channels: number,
  multiplier: number,
) => (xBase: number, dyBase: number, wBase: number) => void;

/** Runs a depthwise gradient over the wasm heap in plain JavaScript (a depthwise filter is small; the loops are cheap). */
function depthwiseGradient(args: KernelArgs, name: string, tapSum: TapSum): tf.TensorInfo {
  const { backend, dy, other, outShape, info } = convGradientCall(args, name, true);
  const out = backend.makeOutput(outShape, "float32");
  const heap = (t: tf.TensorInfo) => backend.typedArrayFromHeap(t) as Float32Array;
  const outValues = heap(out);
  outValues.fill(0);
  forEachTap(info, tapSum(outValues, heap(other), heap(dy), info.inChannels, info.outChannels / info.inChannels));
  return out;
}

/** dW[kh,kw,c,m] = Σ_{b,oh,ow} x[b, oh·sh−top+kh·dh, ow·sw−left+kw·dw, c] · dy[b,oh,ow,c·M+m]. */
export function depthwiseBackpropFilter(args: KernelArgs): tf.TensorInfo {
  return depthwiseGradient(args, FILTER_NAME, (dw, x, dy, channels, multiplier) => (xBase, dyBase, wBase) => {
    for (let c = 0; c < channels; c++) {
      const xValue = x[xBase + c];
      for (let m = 0; m < multiplier; m++) dw[wBase + c * multiplier + m] += xValue * dy[dyBase + c * multiplier + m];
    }
  });
}

/** dx[b,r,c,ch] = Σ over the outputs that read it of dy · W, scattered output by output. */
export function depthwiseBackpropInput(args: KernelArgs): tf.TensorInfo {
  return depthwiseGradient(args, INPUT_NAME, (dx, w, dy, channels, multiplier) => (xBase, dyBase, wBase) => {
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let m = 0; m < multiplier; m++) sum += dy[dyBase + c * multiplier + m] * w[wBase + c * multiplier + m];
      dx[xBase + c] += sum;
    }
  });
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

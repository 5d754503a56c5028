import * as tf from "@tensorflow/tfjs";
import type { KernelArgs } from "../kernels/wasm-kernel-utils";
import { maxPoolGradSetup } from "../kernels/max-pool-grad";
import type { NativeAddon } from "./addon";
import { heapBytes, heapOffset } from "./heap";

type StockArgs = Parameters<tf.KernelFunc>[0];

const params = new Float64Array(15);

/** MaxPoolGrad in the addon (first maximum of each window, as tfjs-cpu); other dtypes and empty tensors go to the wasm kernel. */
export function nativeMaxPoolGrad(fallback: tf.KernelConfig, addon: NativeAddon): tf.KernelConfig {
  const name = fallback.kernelName;
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const { backend, dy, input, info } = maxPoolGradSetup(args, name);
    if (
      input.dtype !== "float32" ||
      dy.dtype !== "float32" ||
      tf.util.sizeFromShape(input.shape) === 0 ||
      tf.util.sizeFromShape(dy.shape) === 0
    ) {
      return fallback.kernelFunc(args as unknown as StockArgs);
    }
    const dx = backend.makeOutput(input.shape, "float32");
    params.set([
      heapOffset(backend, dy),
      heapOffset(backend, input),
      heapOffset(backend, dx),
      info.batchSize,
      info.inHeight,
      info.inWidth,
      info.inChannels,
      info.outHeight,
      info.outWidth,
      info.effectiveFilterHeight,
      info.effectiveFilterWidth,
      info.strideHeight,
      info.strideWidth,
      info.padInfo.top,
      info.padInfo.left,
    ]);
    addon.maxPoolGrad(heapBytes(backend), params);
    return dx;
  };
  return { kernelName: name, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf } from "./wasm-kernel-utils";

type StockArgs = Parameters<tf.KernelFunc>[0];

/**
 * Stock wasm (XNNPACK's TensorFlow-SAME mode) returns zeros or bias only for some 'same'
 * convolutions whose stride exceeds the kernel, e.g. conv2d of a 6x6 input, 2x2 filter,
 * stride 3. Computing the 'same' padding here and passing it explicitly gives cpu's answer.
 */
export function withExplicitSamePadding(stock: tf.KernelConfig, depthwise: boolean): tf.KernelConfig {
  const stockFunc = stock.kernelFunc;
  const kernelFunc = (given: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    // Stock wasm applies prelu weights it is given whatever the activation (garbage for 'linear'); cpu ignores them.
    const strayPrelu = given.inputs.preluActivationWeights != null && (given.attrs?.activation ?? "linear") !== "prelu";
    const args = strayPrelu
      ? { ...given, inputs: { ...given.inputs, preluActivationWeights: undefined as unknown as tf.TensorInfo } }
      : given;
    const attrs = args.attrs ?? {};
    if (attrs.pad !== "same") return stockFunc(args as unknown as StockArgs);
    const x = inputOf(args, "x", stock.kernelName);
    const filter = inputOf(args, "filter", stock.kernelName);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      attrs.strides as number | [number, number],
      (attrs.dilations ?? 1) as number | [number, number],
      "same",
      undefined,
      depthwise,
    );
    const { top, bottom, left, right } = info.padInfo;
    const pad = [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ];
    return stockFunc({ ...args, attrs: { ...attrs, pad } } as unknown as StockArgs);
  };
  return { kernelName: stock.kernelName, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "../kernels/wasm-kernel-utils";
import type { NativeAddon } from "./addon";
import { heapBytes, heapOffset } from "./heap";

/** dx = dy · step(x) in one pass (tfjs's Relu gradient is Step, Cast and Multiply). */
export const RELU_GRAD = "ConvnetReluGrad";

const params = new Float64Array(4);

export function reluGradConfig(addon: NativeAddon): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo => {
    const backend = wasmBackendOf(args, RELU_GRAD);
    const dy = inputOf(args, "dy", RELU_GRAD);
    const x = inputOf(args, "x", RELU_GRAD);
    const dx = backend.makeOutput(x.shape, "float32");
    params.set([
      heapOffset(backend, dy),
      heapOffset(backend, x),
      heapOffset(backend, dx),
      tf.util.sizeFromShape(x.shape),
    ]);
    addon.reluGrad(heapBytes(backend), params);
    return dx;
  };
  return { kernelName: RELU_GRAD, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

/** The Relu gradient: the addon's kernel where the active backend has it, else tfjs's own formula. */
export const reluGradient: tf.GradConfig = {
  kernelName: "Relu",
  inputsToSave: ["x"],
  gradFunc: (dy, saved) => {
    const [x] = saved as tf.Tensor[];
    const upstream = dy as tf.Tensor;
    const fused =
      x.dtype === "float32" &&
      upstream.dtype === "float32" &&
      x.size > 0 &&
      tf.getKernel(RELU_GRAD, tf.getBackend()) !== undefined;
    return {
      x: () =>
        fused
          ? (tf.engine().runKernel(RELU_GRAD, { dy: upstream, x }) as tf.Tensor)
          : tf.mul(upstream, tf.cast(tf.step(x), "float32")),
    };
  },
};

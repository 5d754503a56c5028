import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "./wasm-kernel-utils";

type StockArgs = Parameters<tf.KernelFunc>[0];

/** A new reference to the same data (tfjs tensors are immutable), as tfjs-cpu does. */
function shareData(args: KernelArgs, name: string): tf.TensorInfo {
  const backend = wasmBackendOf(args, name);
  const x = inputOf(args, "x", name);
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/** Identity without copying: stock wasm copies the whole tensor (tf.clone, gradient plumbing). */
export const sharedIdentityConfig: tf.KernelConfig = {
  kernelName: "Identity",
  backendName: "wasm",
  kernelFunc: ((args: KernelArgs) => shareData(args, "Identity")) as unknown as tf.KernelFunc,
};

/** Cast to the dtype a tensor already has shares its data instead of copying it. */
export function withSharedSameDtypeCast(stock: tf.KernelConfig): tf.KernelConfig {
  const stockFunc = stock.kernelFunc;
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const x = inputOf(args, "x", "Cast");
    const { dtype } = args.attrs as unknown as tf.CastAttrs;
    if (dtype === x.dtype && dtype !== "string" && dtype !== "complex64") return shareData(args, "Cast");
    return stockFunc(args as unknown as StockArgs);
  };
  return { kernelName: "Cast", backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

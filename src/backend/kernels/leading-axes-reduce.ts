import * as tf from "@tensorflow/tfjs";
import { KernelArgs, free, inputOf, reshapeInfo, runWasmKernel, wasmBackendOf } from "./wasm-kernel-utils";

type StockArgs = Parameters<tf.KernelFunc>[0];

/** Number of leading axes when `axes` is exactly [0, 1, ..., k−1], else 0. */
function leadingAxisCount(axes: number[]): number {
  const sorted = [...axes].sort((a, b) => a - b);
  return sorted.every((axis, i) => axis === i) ? sorted.length : 0;
}

/**
 * Sum or mean over leading axes (batch-norm statistics and gradients, bias gradients
 * reduce an NHWC tensor over [0,1,2]) as XNNPACK's average pooling over one window
 * covering all rows of an [outer, inner] matrix: one SIMD pass over memory, about 20x
 * faster than the JavaScript loop it replaces (measured on [64,32,32,32]). A matMul by a
 * row of ones is not used: XNNPACK re-packs the big operand as weights on every call.
 * Stock wasm first transposes the whole tensor. Other reductions go to the stock kernel.
 */
export function withLeadingAxesReduce(stock: tf.KernelConfig, mean: boolean): tf.KernelConfig {
  const stockFunc = stock.kernelFunc;
  const name = stock.kernelName;
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const backend = wasmBackendOf(args, name);
    const x = inputOf(args, "x", name);
    const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
    const axes = tf.util.parseAxisParam(axis, x.shape);
    const leading = leadingAxisCount(axes);
    const outer = tf.util.sizeFromShape(x.shape.slice(0, leading));
    if (x.dtype !== "float32" || leading === 0 || leading === x.shape.length || outer < 2) {
      return stockFunc(args as unknown as StockArgs);
    }
    const innerShape = x.shape.slice(leading);
    const inner = tf.util.sizeFromShape(innerShape);
    const outShape = keepDims ? [...x.shape.slice(0, leading).map(() => 1), ...innerShape] : innerShape;
    const column = reshapeInfo(backend, x, [1, outer, 1, inner]);
    const pooled = runWasmKernel(
      backend,
      "AvgPool",
      { x: column },
      { filterSize: [outer, 1], strides: [1, 1], pad: "valid" },
    );
    if (!mean) {
      const values = backend.typedArrayFromHeap(pooled) as Float32Array;
      for (let j = 0; j < inner; j++) values[j] *= outer;
    }
    const out = reshapeInfo(backend, pooled, outShape);
    free(backend, column, pooled);
    return out;
  };
  return { kernelName: name, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

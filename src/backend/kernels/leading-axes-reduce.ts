import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "./wasm-kernel-utils";

type StockArgs = Parameters<tf.KernelFunc>[0];

/** Number of leading axes when `axes` is exactly [0, 1, ..., k−1], else 0. */
function leadingAxisCount(axes: number[]): number {
  const sorted = [...axes].sort((a, b) => a - b);
  return sorted.every((axis, i) => axis === i) ? sorted.length : 0;
}

/**
 * Sum or mean over leading axes (batch-norm statistics and gradients, bias gradients
 * reduce an NHWC tensor over [0,1,2]) as one pass over memory with a float64
 * accumulator per output; stock wasm first transposes the whole tensor. Other
 * reductions go to the stock kernel.
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
    if (x.dtype !== "float32" || leading === 0) {
      return stockFunc(args as unknown as StockArgs);
    }
    const outer = tf.util.sizeFromShape(x.shape.slice(0, leading));
    const innerShape = x.shape.slice(leading);
    const inner = tf.util.sizeFromShape(innerShape);
    const outShape = keepDims ? [...x.shape.slice(0, leading).map(() => 1), ...innerShape] : innerShape;
    const out = backend.makeOutput(outShape, "float32");
    const result = backend.typedArrayFromHeap(out) as Float32Array;
    const values = backend.typedArrayFromHeap(x) as Float32Array;
    const acc = new Float64Array(inner);
    for (let o = 0; o < outer; o++) {
      const base = o * inner;
      for (let j = 0; j < inner; j++) acc[j] += values[base + j];
    }
    const scale = mean ? 1 / outer : 1;
    for (let j = 0; j < inner; j++) result[j] = mean ? acc[j] * scale : acc[j];
    return out;
  };
  return { kernelName: name, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

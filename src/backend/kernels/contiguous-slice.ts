import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "./wasm-kernel-utils";

type StockArgs = Parameters<tf.KernelFunc>[0];

/**
 * Stock wasm's Slice first copies the whole input out of the heap (readSync), then the part it
 * wants: tf.layers' predict and fit slice every batch out of the full input that way, so each
 * batch cost a copy of all of it. A contiguous slice (e.g. rows of the first axis) is copied here
 * straight from heap to heap; other slices, and strings, go to the stock kernel.
 */
export function withContiguousSlice(stock: tf.KernelConfig): tf.KernelConfig {
  const stockFunc = stock.kernelFunc;
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const backend = wasmBackendOf(args, "Slice");
    const x = inputOf(args, "x", "Slice");
    const { begin, size } = args.attrs as unknown as tf.SliceAttrs;
    if (x.dtype === "string" || x.dtype === "complex64") return stockFunc(args as unknown as StockArgs);
    const [start, extent] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
    if (!tf.slice_util.isSliceContinous(x.shape, start, extent)) return stockFunc(args as unknown as StockArgs);
    const offset = tf.slice_util.computeFlatOffset(start, tf.util.computeStrides(x.shape));
    const out = backend.makeOutput(extent, x.dtype);
    // Views taken after makeOutput: an allocation may grow the heap and replace its buffer.
    const source = backend.typedArrayFromHeap(x);
    backend.typedArrayFromHeap(out).set(source.subarray(offset, offset + tf.util.sizeFromShape(extent)));
    return out;
  };
  return { kernelName: "Slice", backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "../kernels/wasm-kernel-utils";
import { activationCode, leakyAlpha } from "./activation";
import type { NativeAddon } from "./addon";
import { heapBytes, heapOffset } from "./heap";

type StockArgs = Parameters<tf.KernelFunc>[0];

const params = new Float64Array(13);

/** Output shape when the batch axes agree or one side has a single matrix; else undefined (the wasm kernel broadcasts). */
function batchedShape(outerA: number[], outerB: number[]): number[] | undefined {
  const batchA = tf.util.sizeFromShape(outerA);
  const batchB = tf.util.sizeFromShape(outerB);
  if (batchA !== batchB && batchA !== 1 && batchB !== 1) return undefined;
  const outer = tf.backend_util.assertAndGetBroadcastShape(outerA, outerB);
  return tf.util.sizeFromShape(outer) === Math.max(batchA, batchB) ? outer : undefined;
}

/** BatchMatMul and _FusedMatMul (bias of one value per output column, activation fused). */
export function nativeMatMul(fallback: tf.KernelConfig, addon: NativeAddon): tf.KernelConfig {
  const name = fallback.kernelName;
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const backend = wasmBackendOf(args, name);
    const attrs = args.attrs ?? {};
    const a = inputOf(args, "a", name);
    const b = inputOf(args, "b", name);
    const bias = args.inputs.bias ?? undefined;
    const transposeA = attrs.transposeA === true;
    const transposeB = attrs.transposeB === true;
    const m = a.shape[a.shape.length - (transposeA ? 1 : 2)];
    const k = a.shape[a.shape.length - (transposeA ? 2 : 1)];
    const n = b.shape[b.shape.length - (transposeB ? 2 : 1)];
    const kB = b.shape[b.shape.length - (transposeB ? 1 : 2)];
    const activation = activationCode(attrs);
    const outer =
      a.shape.length >= 2 && b.shape.length >= 2 && k === kB
        ? batchedShape(a.shape.slice(0, -2), b.shape.slice(0, -2))
        : undefined;
    const biasFits =
      bias === undefined ||
      (bias.dtype === "float32" && tf.util.sizeFromShape(bias.shape) === n && bias.shape[bias.shape.length - 1] === n);
    const runsHere =
      outer !== undefined && activation !== undefined && biasFits && a.dtype === "float32" && b.dtype === "float32";
    if (!runsHere || m * n * k * tf.util.sizeFromShape(outer) === 0) {
      return fallback.kernelFunc(args as unknown as StockArgs);
    }
    const c = backend.makeOutput([...outer, m, n], "float32");
    params.set([
      heapOffset(backend, a),
      heapOffset(backend, b),
      heapOffset(backend, c),
      bias === undefined ? -1 : heapOffset(backend, bias),
      tf.util.sizeFromShape(a.shape.slice(0, -2)),
      tf.util.sizeFromShape(b.shape.slice(0, -2)),
      m,
      k,
      n,
      transposeA ? 1 : 0,
      transposeB ? 1 : 0,
      activation,
      leakyAlpha(attrs),
    ]);
    addon.matMul(heapBytes(backend), params);
    return c;
  };
  return { kernelName: name, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

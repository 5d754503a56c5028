import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { KernelArgs, free, inputOf, runWasmKernel, transposeInfo, wasmBackendOf } from "./wasm-kernel-utils";

type StockArgs = Parameters<tf.KernelFunc>[0];

/** Swaps the last two axes: the layout stock wasm's fast matmul path wants. */
function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

/** Activation of a fused matMul, applied by the matching stock wasm kernel. */
function activate(
  backend: BackendWasm,
  x: tf.TensorInfo,
  attrs: tf.NamedAttrMap,
  prelu: tf.TensorInfo | undefined,
): tf.TensorInfo | null {
  switch (attrs.activation ?? "linear") {
    case "linear":
      return null;
    case "relu":
      return runWasmKernel(backend, "Relu", { x });
    case "relu6":
      return runWasmKernel(backend, "Relu6", { x });
    case "elu":
      return runWasmKernel(backend, "Elu", { x });
    case "sigmoid":
      return runWasmKernel(backend, "Sigmoid", { x });
    case "leakyrelu":
      return runWasmKernel(backend, "LeakyRelu", { x }, { alpha: (attrs.leakyreluAlpha as number | undefined) ?? 0.2 });
    case "prelu":
      if (prelu === undefined)
        throw new Error(
          "_FusedMatMul: activation 'prelu' needs preluActivationWeights; pass them or use another activation.",
        );
      return runWasmKernel(backend, "Prelu", { x, alpha: prelu });
    default:
      throw new Error(
        `_FusedMatMul: activation ${JSON.stringify(attrs.activation)} is unknown; use linear, relu, relu6, elu, sigmoid, leakyrelu or prelu.`,
      );
  }
}

/**
 * Stock wasm's fused matMul adds the bias wrongly when there is more than one matrix in the
 * batch (rank > 2); there it is done as matMul, then Add, then the activation kernel.
 */
function batchedFusedMatMul(backend: BackendWasm, args: KernelArgs, a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo {
  const attrs = args.attrs ?? {};
  const product = runWasmKernel(backend, "BatchMatMul", { a, b }, { transposeA: false, transposeB: false });
  const bias = args.inputs.bias;
  const biased = bias === undefined || bias === null ? product : runWasmKernel(backend, "Add", { a: product, b: bias });
  const activated = activate(backend, biased, attrs, args.inputs.preluActivationWeights ?? undefined);
  if (activated === null) {
    if (biased !== product) free(backend, product);
    return biased;
  }
  free(backend, ...(biased !== product ? [product, biased] : [product]));
  return activated;
}

/**
 * Stock wasm runs matMul with transposeA or transposeB through a slow loop (measured ~5x
 * slower), and dense-layer gradients need exactly those (xᵀ·dy, dy·Wᵀ). Transposing the
 * operand first and calling the stock kernel with both flags off uses XNNPACK instead.
 */
export function withExplicitTranspose(stock: tf.KernelConfig): tf.KernelConfig {
  const stockFunc = stock.kernelFunc;
  const name = stock.kernelName;
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const attrs = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    const backend = wasmBackendOf(args, name);
    const a = inputOf(args, "a", name);
    const b = inputOf(args, "b", name);
    const batched =
      name === "_FusedMatMul" &&
      Math.max(a.shape.length, b.shape.length) > 2 &&
      tf.util.sizeFromShape(a.shape.slice(0, -2)) * tf.util.sizeFromShape(b.shape.slice(0, -2)) > 1;
    if (!attrs.transposeA && !attrs.transposeB && !batched) return stockFunc(args as unknown as StockArgs);
    const aT = attrs.transposeA ? transposeInfo(backend, a, swapLastTwo(a.shape.length)) : a;
    const bT = attrs.transposeB ? transposeInfo(backend, b, swapLastTwo(b.shape.length)) : b;
    const out = batched
      ? batchedFusedMatMul(backend, args, aT, bT)
      : stockFunc({
          ...args,
          inputs: { ...args.inputs, a: aT, b: bT },
          attrs: { ...args.attrs, transposeA: false, transposeB: false },
        } as unknown as StockArgs);
    if (aT !== a) free(backend, aT);
    if (bT !== b) free(backend, bT);
    return out;
  };
  return { kernelName: name, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

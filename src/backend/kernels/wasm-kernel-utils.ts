import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

/** The arguments tfjs passes to every kernel function. */
export interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: tf.KernelBackend;
  attrs?: tf.NamedAttrMap;
}

/** The wasm backend behind a kernel call, or a clear error if it is another one. */
export function wasmBackendOf(args: KernelArgs, kernelName: string): BackendWasm {
  const backend = args.backend as BackendWasm;
  if (typeof backend.typedArrayFromHeap !== "function" || typeof backend.makeOutput !== "function") {
    throw new Error(
      `${kernelName}: convnet-lab's kernel was called with a backend that is not wasm. ` +
        "It is registered for 'wasm' only; call initBackend() instead of registering it elsewhere.",
    );
  }
  return backend;
}

/** Runs one of the wasm backend's own kernels directly (no engine bookkeeping, no tape). */
export function runWasmKernel(
  backend: BackendWasm,
  kernelName: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = tf.getKernel(kernelName, "wasm");
  if (config === undefined) {
    throw new Error(
      `convnet-lab needs the wasm kernel '${kernelName}', which this tfjs-backend-wasm does not have. Reinstall @tensorflow/tfjs-backend-wasm 4.22.`,
    );
  }
  return config.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

/** Frees intermediate results made by runWasmKernel (each owns one reference). */
export function free(backend: BackendWasm, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** A float32 view of a tensor's data on the wasm heap: valid until the next allocation. */
export function heapFloats(backend: BackendWasm, info: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}

export function reshapeInfo(backend: BackendWasm, x: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return runWasmKernel(backend, "Reshape", { x }, { shape });
}

export function transposeInfo(backend: BackendWasm, x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
  return runWasmKernel(backend, "Transpose", { x }, { perm });
}

/** Only NHWC is supported by wasm's convolutions; say so instead of computing garbage. */
export function requireChannelsLast(kernelName: string, dataFormat: unknown): void {
  if (dataFormat !== undefined && dataFormat !== "NHWC" && dataFormat !== "channelsLast") {
    throw new Error(
      `${kernelName}: dataFormat ${JSON.stringify(dataFormat)} is not supported on wasm; ` +
        "only channels-last (NHWC) tensors are. Use dataFormat 'channelsLast' (the Keras default).",
    );
  }
}

/**
 * Conv2D (stride/dilation given) with explicit padding that may be negative:
 * negative padding crops the input first, because XNNPACK accepts only padding >= 0.
 */
export function conv2dExplicitPad(
  backend: BackendWasm,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  pads: { top: number; bottom: number; left: number; right: number },
  strides: [number, number],
  dilations: [number, number],
): tf.TensorInfo {
  const [b, h, w, c] = x.shape;
  const cropTop = Math.max(0, -pads.top);
  const cropBottom = Math.max(0, -pads.bottom);
  const cropLeft = Math.max(0, -pads.left);
  const cropRight = Math.max(0, -pads.right);
  const cropped = cropTop + cropBottom + cropLeft + cropRight > 0;
  const input = cropped
    ? runWasmKernel(
        backend,
        "Slice",
        { x },
        { begin: [0, cropTop, cropLeft, 0], size: [b, h - cropTop - cropBottom, w - cropLeft - cropRight, c] },
      )
    : x;
  const pad = [
    [0, 0],
    [Math.max(0, pads.top), Math.max(0, pads.bottom)],
    [Math.max(0, pads.left), Math.max(0, pads.right)],
    [0, 0],
  ];
  const out = runWasmKernel(backend, "Conv2D", { x: input, filter }, { strides, pad, dilations, dataFormat: "NHWC" });
  if (cropped) free(backend, input);
  return out;
}

/** A named input of a kernel call; tfjs always passes them, this only satisfies strict types. */
export function inputOf(args: KernelArgs, name: string, kernelName: string): tf.TensorInfo {
  const info = args.inputs[name];
  if (info === undefined)
    throw new Error(`${kernelName}: input '${name}' is missing; call it through tfjs ops, not directly.`);
  return info;
}

type Shape4 = [number, number, number, number];

/** tfjs's geometry of a convolution from a kernel's attributes (the gradient kernels have no dilations: 1). */
export function convInfoFromAttrs(
  inputShape: number[],
  filterShape: number[],
  attrs: tf.NamedAttrMap,
  depthwise: boolean,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inputShape as Shape4,
    filterShape as Shape4,
    attrs.strides as number | [number, number],
    (attrs.dilations ?? 1) as number | [number, number],
    attrs.pad as Parameters<typeof tf.backend_util.computeConv2DInfo>[4],
    attrs.dimRoundingMode as "floor" | "round" | "ceil" | undefined,
    depthwise,
  );
}

/**
 * A convolution-gradient kernel call. Filter gradients (Conv2DBackpropFilter and its depthwise
 * twin) read x and dy and make attrs.filterShape; input gradients (Conv2DBackpropInput and its
 * twin) read dy and the filter and make attrs.inputShape. `other` is x or the filter.
 */
export interface ConvGradientCall {
  backend: BackendWasm;
  dy: tf.TensorInfo;
  other: tf.TensorInfo;
  outShape: number[];
  info: tf.backend_util.Conv2DInfo;
}

export function convGradientCall(args: KernelArgs, kernelName: string, depthwise: boolean): ConvGradientCall {
  const backend = wasmBackendOf(args, kernelName);
  const attrs = args.attrs ?? {};
  requireChannelsLast(kernelName, attrs.dataFormat);
  const ofFilter = kernelName.endsWith("Filter");
  const other = inputOf(args, ofFilter ? "x" : "filter", kernelName);
  const outShape = (ofFilter ? attrs.filterShape : attrs.inputShape) as number[];
  const info = ofFilter
    ? convInfoFromAttrs(other.shape, outShape, attrs, depthwise)
    : convInfoFromAttrs(outShape, other.shape, attrs, depthwise);
  return { backend, dy: inputOf(args, "dy", kernelName), other, outShape, info };
}

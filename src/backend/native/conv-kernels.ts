import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { KernelArgs, inputOf, wasmBackendOf } from "../kernels/wasm-kernel-utils";
import { activationCode, leakyAlpha } from "./activation";
import type { NativeAddon } from "./addon";
import { heapBytes, heapOffset } from "./heap";

type StockArgs = Parameters<tf.KernelFunc>[0];
type Shape4 = [number, number, number, number];
type Pass = "convForward" | "convBackwardData" | "convBackwardFilter";

/** The tensors of one pass, by role (see native/src/conv.h). */
interface ConvTensors {
  x: tf.TensorInfo;
  filter: tf.TensorInfo;
  y: tf.TensorInfo;
  bias?: tf.TensorInfo;
}

const params = new Float64Array(22);

function runConv(addon: NativeAddon, pass: Pass, backend: BackendWasm, info: tf.backend_util.Conv2DInfo, t: ConvTensors,
  depthwise: boolean, activation = 0, alpha = 0): void {
  params[0] = heapOffset(backend, t.x);
  params[1] = heapOffset(backend, t.filter);
  params[2] = heapOffset(backend, t.y);
  params[3] = t.bias === undefined ? -1 : heapOffset(backend, t.bias);
  params[4] = info.batchSize;
  params[5] = info.inHeight;
  params[6] = info.inWidth;
  params[7] = info.inChannels;
  params[8] = info.outHeight;
  params[9] = info.outWidth;
  params[10] = info.outChannels;
  params[11] = info.filterHeight;
  params[12] = info.filterWidth;
  params[13] = info.strideHeight;
  params[14] = info.strideWidth;
  params[15] = info.dilationHeight;
  params[16] = info.dilationWidth;
  params[17] = info.padInfo.top;
  params[18] = info.padInfo.left;
  params[19] = depthwise ? 1 : 0;
  params[20] = activation;
  params[21] = alpha;
  addon[pass](heapBytes(backend), params);
}

/** tfjs's geometry of a convolution from a kernel's attributes (the gradients have no dilations: 1). */
function convInfo(inputShape: number[], filterShape: number[], attrs: tf.NamedAttrMap, depthwise: boolean): tf.backend_util.Conv2DInfo {
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

/** Cases the addon does not take (they go to the wasm kernel): other dtypes, NCHW, empty tensors. */
function nativeCanRun(info: tf.backend_util.Conv2DInfo, tensors: tf.TensorInfo[], dataFormat: unknown): boolean {
  if (dataFormat !== undefined && dataFormat !== "NHWC" && dataFormat !== "channelsLast") return false;
  if (tensors.some((t) => t.dtype !== "float32")) return false;
  return [info.batchSize, info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth, info.outChannels].every((v) => v > 0);
}

function config(kernelName: string, kernelFunc: (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[]): tf.KernelConfig {
  return { kernelName, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

/** Conv2D, FusedConv2D, DepthwiseConv2dNative and FusedDepthwiseConv2D forward, with bias and activation fused. */
export function nativeConvForward(fallback: tf.KernelConfig, addon: NativeAddon): tf.KernelConfig {
  const name = fallback.kernelName;
  const depthwise = name.includes("Depthwise");
  return config(name, (args) => {
    const backend = wasmBackendOf(args, name);
    const attrs = args.attrs ?? {};
    const x = inputOf(args, "x", name);
    const filter = inputOf(args, "filter", name);
    const bias = args.inputs.bias ?? undefined;
    const activation = activationCode(attrs);
    const info = convInfo(x.shape, filter.shape, attrs, depthwise);
    const biasFits = bias === undefined || (bias.dtype === "float32" && tf.util.sizeFromShape(bias.shape) === info.outChannels);
    if (activation === undefined || !biasFits || !nativeCanRun(info, [x, filter], attrs.dataFormat)) {
      return fallback.kernelFunc(args as unknown as StockArgs);
    }
    const y = backend.makeOutput(info.outShape, "float32");
    runConv(addon, "convForward", backend, info, { x, filter, y, bias }, depthwise, activation, leakyAlpha(attrs));
    return y;
  });
}

/** Conv2DBackpropInput and DepthwiseConv2dNativeBackpropInput: dx from dy and the filter. */
export function nativeConvBackpropInput(fallback: tf.KernelConfig, addon: NativeAddon): tf.KernelConfig {
  const name = fallback.kernelName;
  const depthwise = name.includes("Depthwise");
  return config(name, (args) => {
    const backend = wasmBackendOf(args, name);
    const attrs = args.attrs ?? {};
    const dy = inputOf(args, "dy", name);
    const filter = inputOf(args, "filter", name);
    const inputShape = attrs.inputShape as Shape4;
    const info = convInfo(inputShape, filter.shape, attrs, depthwise);
    if (!nativeCanRun(info, [dy, filter], attrs.dataFormat)) return fallback.kernelFunc(args as unknown as StockArgs);
    const dx = backend.makeOutput(inputShape, "float32");
    runConv(addon, "convBackwardData", backend, info, { x: dx, filter, y: dy }, depthwise);
    return dx;
  });
}

/** Conv2DBackpropFilter and DepthwiseConv2dNativeBackpropFilter: dW from x and dy. */
export function nativeConvBackpropFilter(fallback: tf.KernelConfig, addon: NativeAddon): tf.KernelConfig {
  const name = fallback.kernelName;
  const depthwise = name.includes("Depthwise");
  return config(name, (args) => {
    const backend = wasmBackendOf(args, name);
    const attrs = args.attrs ?? {};
    const x = inputOf(args, "x", name);
    const dy = inputOf(args, "dy", name);
    const filterShape = attrs.filterShape as Shape4;
    const info = convInfo(x.shape, filterShape, attrs, depthwise);
    if (!nativeCanRun(info, [x, dy], attrs.dataFormat)) return fallback.kernelFunc(args as unknown as StockArgs);
    const dw = backend.makeOutput(filterShape, "float32");
    runConv(addon, "convBackwardFilter", backend, info, { x, filter: dw, y: dy }, depthwise);
    return dw;
  });
}

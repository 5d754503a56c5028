import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { KernelArgs, convGradientCall, convInfoFromAttrs, inputOf, wasmBackendOf } from "../kernels/wasm-kernel-utils";
import { activationCode, leakyAlpha } from "./activation";
import type { NativeAddon } from "./addon";
import { heapBytes, heapOffset } from "./heap";

type StockArgs = Parameters<tf.KernelFunc>[0];
type Pass = "convForward" | "convBackwardData" | "convBackwardFilter";

/** The tensors of one pass, by role (see native/src/conv.h): dx is "x" and dy is "y" in the gradients. */
interface ConvTensors {
  x: tf.TensorInfo;
  filter: tf.TensorInfo;
  y: tf.TensorInfo;
  bias?: tf.TensorInfo;
}

const params = new Float64Array(22);

function runConv(
  addon: NativeAddon,
  pass: Pass,
  backend: BackendWasm,
  info: tf.backend_util.Conv2DInfo,
  t: ConvTensors,
  depthwise: boolean,
  activation = 0,
  alpha = 0,
): void {
  const offset = (tensor: tf.TensorInfo | undefined) => (tensor === undefined ? -1 : heapOffset(backend, tensor));
  params.set([
    offset(t.x),
    offset(t.filter),
    offset(t.y),
    offset(t.bias),
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.outChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.dilationHeight,
    info.dilationWidth,
    info.padInfo.top,
    info.padInfo.left,
    depthwise ? 1 : 0,
    activation,
    alpha,
  ]);
  addon[pass](heapBytes(backend), params);
}

/** Cases the addon does not take (they go to the wasm kernel): other dtypes, NCHW, empty tensors. */
function nativeCanRun(info: tf.backend_util.Conv2DInfo, tensors: tf.TensorInfo[], dataFormat: unknown): boolean {
  if (dataFormat !== undefined && dataFormat !== "NHWC" && dataFormat !== "channelsLast") return false;
  if (tensors.some((t) => t.dtype !== "float32")) return false;
  return [
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.outChannels,
  ].every((v) => v > 0);
}

function config(
  kernelName: string,
  kernelFunc: (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[],
): tf.KernelConfig {
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
    const info = convInfoFromAttrs(x.shape, filter.shape, attrs, depthwise);
    const biasFits =
      bias === undefined || (bias.dtype === "float32" && tf.util.sizeFromShape(bias.shape) === info.outChannels);
    if (activation === undefined || !biasFits || !nativeCanRun(info, [x, filter], attrs.dataFormat)) {
      return fallback.kernelFunc(args as unknown as StockArgs);
    }
    const y = backend.makeOutput(info.outShape, "float32");
    runConv(addon, "convForward", backend, info, { x, filter, y, bias }, depthwise, activation, leakyAlpha(attrs));
    return y;
  });
}

/**
 * The gradients: Conv2DBackpropInput and DepthwiseConv2dNativeBackpropInput (dx from dy and the
 * filter), Conv2DBackpropFilter and DepthwiseConv2dNativeBackpropFilter (dW from x and dy).
 */
export function nativeConvGradient(fallback: tf.KernelConfig, addon: NativeAddon): tf.KernelConfig {
  const name = fallback.kernelName;
  const depthwise = name.includes("Depthwise");
  const ofFilter = name.endsWith("Filter");
  return config(name, (args) => {
    const { backend, dy, other, outShape, info } = convGradientCall(args, name, depthwise);
    if (!nativeCanRun(info, [dy, other], args.attrs?.dataFormat))
      return fallback.kernelFunc(args as unknown as StockArgs);
    const out = backend.makeOutput(outShape, "float32");
    if (ofFilter) runConv(addon, "convBackwardFilter", backend, info, { x: other, filter: out, y: dy }, depthwise);
    else runConv(addon, "convBackwardData", backend, info, { x: out, filter: other, y: dy }, depthwise);
    return out;
  });
}

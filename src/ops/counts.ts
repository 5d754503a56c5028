// The counting arithmetic of the course, in one place: parameters and multiply-adds of
// standard, depthwise, pointwise and separable convolutions and of dense layers. The model
// summary (models/counting.ts) counts tfjs layers with these same formulas.
import { requireBoolean, requireChoice, requirePair, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { sizeAlongAxis } from "./output-size";

// ---- The formulas ----

/** Weights of a standard convolution: kh·kw·inChannels per filter, plus one bias per filter. */
export function convWeights(kh: number, kw: number, inChannels: number, filters: number, bias: boolean): number {
  return kh * kw * inChannels * filters + (bias ? filters : 0);
}

/** Multiply-adds of a standard convolution: every output cell of every filter costs kh·kw·inChannels. */
export function convMacs(
  outHeight: number,
  outWidth: number,
  kh: number,
  kw: number,
  inChannels: number,
  filters: number,
): number {
  return outHeight * outWidth * filters * kh * kw * inChannels;
}

/** Weights of a depthwise convolution: one kh×kw filter per input channel and multiplier, no mixing of channels. */
export function depthwiseWeights(
  kh: number,
  kw: number,
  inChannels: number,
  multiplier: number,
  bias: boolean,
): number {
  const outChannels = inChannels * multiplier;
  return kh * kw * outChannels + (bias ? outChannels : 0);
}

/** Multiply-adds of a depthwise convolution: kh·kw per output cell of each of its inChannels·multiplier maps. */
export function depthwiseMacs(
  outHeight: number,
  outWidth: number,
  kh: number,
  kw: number,
  inChannels: number,
  multiplier: number,
): number {
  return outHeight * outWidth * inChannels * multiplier * kh * kw;
}

/** Weights of a dense layer: inputs·units, plus one bias per unit. */
export function denseWeights(inputs: number, units: number, bias: boolean): number {
  return inputs * units + (bias ? units : 0);
}

// ---- Counting one layer from its sizes (lessons 02–08) ----

export interface ConvLayerSize {
  /** Kernel size: one number, or [rows, columns]. */
  kernel: number | [number, number];
  /** Channels of the layer's input. */
  inChannels: number;
  /** Number of filters = channels of the output. */
  filters: number;
  /** Whether each filter has a bias (default true). */
  bias?: boolean;
}

export interface DenseLayerSize {
  inputs: number;
  units: number;
  /** Whether each unit has a bias (default true). */
  bias?: boolean;
}

const CONV_KEYS = optionKeys<ConvLayerSize>()("kernel", "inChannels", "filters", "bias");
const CONV_MAC_KEYS = optionKeys<ConvLayerSize & { outHeight: number; outWidth: number }>()(
  ...CONV_KEYS,
  "outHeight",
  "outWidth",
);
const DENSE_KEYS = optionKeys<DenseLayerSize>()("inputs", "units", "bias");

function convSizes(
  caller: string,
  layer: ConvLayerSize,
): { kh: number; kw: number; inChannels: number; filters: number; bias: boolean } {
  const [kh, kw] = requirePair(caller, "kernel", layer.kernel, 1);
  const inChannels = requireWholeNumber(caller, "inChannels", layer.inChannels, 1);
  const filters = requireWholeNumber(caller, "filters", layer.filters, 1);
  const bias = layer.bias === undefined ? true : requireBoolean(caller, "bias", layer.bias);
  return { kh, kw, inChannels, filters, bias };
}

/** Weights of a conv layer: kh·kw·inChannels per filter, plus one bias per filter. */
export function convParameterCount(layer: ConvLayerSize): number {
  const caller = "convParameterCount";
  requireOptions<ConvLayerSize>(caller, layer, CONV_KEYS, "{ kernel: 3, inChannels: 3, filters: 16 }", {
    name: "layer",
    required: true,
  });
  const { kh, kw, inChannels, filters, bias } = convSizes(caller, layer);
  return convWeights(kh, kw, inChannels, filters, bias);
}

/** Multiply-adds of one forward pass of a conv layer on one image: every output cell costs kh·kw·inChannels. */
export function convMultiplyAdds(layer: ConvLayerSize & { outHeight: number; outWidth: number }): number {
  const caller = "convMultiplyAdds";
  requireOptions(
    caller,
    layer,
    CONV_MAC_KEYS,
    "{ kernel: 3, inChannels: 3, filters: 16, outHeight: 32, outWidth: 32 }",
    { name: "layer", required: true },
  );
  const { kh, kw, inChannels, filters } = convSizes(caller, layer);
  const outHeight = requireWholeNumber(caller, "outHeight", layer.outHeight, 1);
  const outWidth = requireWholeNumber(caller, "outWidth", layer.outWidth, 1);
  return convMacs(outHeight, outWidth, kh, kw, inChannels, filters);
}

/** Weights of a dense (fully connected) layer: inputs·units, plus one bias per unit. */
export function denseParameterCount(layer: DenseLayerSize): number {
  const caller = "denseParameterCount";
  requireOptions<DenseLayerSize>(caller, layer, DENSE_KEYS, "{ inputs: 512, units: 10 }", {
    name: "layer",
    required: true,
  });
  const inputs = requireWholeNumber(caller, "inputs", layer.inputs, 1);
  const units = requireWholeNumber(caller, "units", layer.units, 1);
  return denseWeights(inputs, units, layer.bias === undefined ? true : requireBoolean(caller, "bias", layer.bias));
}

// ---- The cost of each kind of convolution on a feature map (lessons 09 and 12) ----

export interface ConvCostInput {
  height: number;
  width: number;
  inChannels: number;
  /** Number of filters = output channels (ignored by depthwiseConvCost: its output has inChannels × depthMultiplier). */
  filters?: number;
  /** Kernel size k of a square k×k kernel (default 3). */
  kernel?: number;
  /** Step between windows (default 1). */
  stride?: number;
  padding?: "same" | "valid";
  /**
   * Count a bias per output channel. Default false, unlike convParameterCount's true: in the networks of
   * lessons 09 and 12 these convolutions are followed by batch norm, which makes a bias redundant.
   */
  bias?: boolean;
  depthMultiplier?: number;
}

export interface ConvCost {
  /** Weights (and biases when bias: true). */
  params: number;
  /** Multiply-accumulate operations for one input image. */
  multiplyAdds: number;
  outputHeight: number;
  outputWidth: number;
  outputChannels: number;
}

const COST_KEYS = optionKeys<ConvCostInput>()(
  "height",
  "width",
  "inChannels",
  "filters",
  "kernel",
  "stride",
  "padding",
  "bias",
  "depthMultiplier",
);

function readCostInput(caller: string, input: ConvCostInput, needsOut: boolean) {
  requireOptions<ConvCostInput>(
    caller,
    input,
    COST_KEYS,
    "{ height: 32, width: 32, inChannels: 16, filters: 32, kernel: 3 }",
    { name: "input", required: true },
  );
  const height = requireWholeNumber(caller, "height", input.height, 1, 32);
  const width = requireWholeNumber(caller, "width", input.width, 1, 32);
  const inChannels = requireWholeNumber(caller, "inChannels", input.inChannels, 1, 16);
  const filters = needsOut ? requireWholeNumber(caller, "filters", input.filters, 1, 32) : 0;
  const kernel = requireWholeNumber(caller, "kernel", input.kernel ?? 3, 1, 3);
  const stride = requireWholeNumber(caller, "stride", input.stride ?? 1, 1, 1);
  const padding = requireChoice(caller, "padding", input.padding ?? "same", ["same", "valid"] as const);
  const bias = requireBoolean(caller, "bias", input.bias ?? false);
  const depthMultiplier = requireWholeNumber(caller, "depthMultiplier", input.depthMultiplier ?? 1, 1, 1);
  const outputHeight = sizeAlongAxis(caller, { input: height, kernel, stride, padding }, "height").size;
  const outputWidth = sizeAlongAxis(caller, { input: width, kernel, stride, padding }, "width").size;
  return { inChannels, filters, kernel, bias, depthMultiplier, outputHeight, outputWidth };
}

/** Standard convolution: every output channel looks at every input channel, k·k·Cin·Cout weights. */
export function standardConvCost(input: ConvCostInput, caller = "standardConvCost"): ConvCost {
  const { kernel: k, inChannels, filters, bias, outputHeight, outputWidth } = readCostInput(caller, input, true);
  return {
    params: convWeights(k, k, inChannels, filters, bias),
    multiplyAdds: convMacs(outputHeight, outputWidth, k, k, inChannels, filters),
    outputHeight,
    outputWidth,
    outputChannels: filters,
  };
}

/** Depthwise convolution: one k×k filter per input channel (times depthMultiplier), no mixing of channels. */
export function depthwiseConvCost(input: ConvCostInput, caller = "depthwiseConvCost"): ConvCost {
  const {
    kernel: k,
    inChannels,
    depthMultiplier: m,
    bias,
    outputHeight,
    outputWidth,
  } = readCostInput(caller, input, false);
  return {
    params: depthwiseWeights(k, k, inChannels, m, bias),
    multiplyAdds: depthwiseMacs(outputHeight, outputWidth, k, k, inChannels, m),
    outputHeight,
    outputWidth,
    outputChannels: inChannels * m,
  };
}

/** Pointwise convolution: a 1x1 standard convolution, Cin·Cout weights, mixing channels at each pixel. */
export function pointwiseConvCost(input: ConvCostInput, caller = "pointwiseConvCost"): ConvCost {
  readCostInput(caller, input, true);
  return standardConvCost({ ...input, kernel: 1, stride: 1, padding: "same" }, caller);
}

export interface SeparableCost {
  depthwise: ConvCost;
  pointwise: ConvCost;
  /** depthwise + pointwise. */
  separable: ConvCost;
  /** The standard convolution with the same input, kernel, stride and output channels. */
  standard: ConvCost;
  /** separable / standard multiply-adds, which equals 1/Cout + 1/k² (bias-free). */
  ratio: number;
}

/** Depthwise then pointwise, compared with the standard convolution it replaces. */
export function separableConvCost(input: ConvCostInput): SeparableCost {
  const caller = "separableConvCost";
  const standard = standardConvCost(input, caller);
  const depthwise = depthwiseConvCost(input, caller);
  const pointwise = pointwiseConvCost(
    { ...input, height: depthwise.outputHeight, width: depthwise.outputWidth, inChannels: depthwise.outputChannels },
    caller,
  );
  const separable: ConvCost = {
    params: depthwise.params + pointwise.params,
    multiplyAdds: depthwise.multiplyAdds + pointwise.multiplyAdds,
    outputHeight: pointwise.outputHeight,
    outputWidth: pointwise.outputWidth,
    outputChannels: pointwise.outputChannels,
  };
  return { depthwise, pointwise, separable, standard, ratio: separable.multiplyAdds / standard.multiplyAdds };
}

import * as tf from "@tensorflow/tfjs";
import { requireChoice, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { blockName, channelsOf } from "./block-checks";
import { convBnRelu } from "./conv-bn-relu";

export interface SeparableConvOptions {
  /** Output channels of the pointwise (1x1) convolution. */
  filters: number;
  /** Kernel of the depthwise convolution (default 3). */
  kernelSize?: number;
  /** Stride of the depthwise convolution (default 1). */
  strides?: number;
  name?: string;
}

/**
 * Depthwise-separable convolution as in MobileNet (Howard et al., 2017): a depthwise k×k
 * convolution (one filter per input channel) → BN → ReLU, then a pointwise 1x1 convolution that
 * mixes the channels → BN → ReLU. Both convolutions have no bias (batch norm supplies the shift).
 */
const SEPARABLE_KEYS = optionKeys<SeparableConvOptions>()("filters", "kernelSize", "strides", "name");

export function separableConv(input: tf.SymbolicTensor, options: SeparableConvOptions): tf.SymbolicTensor {
  channelsOf("separableConv", input);
  requireOptions<SeparableConvOptions>("separableConv", options, SEPARABLE_KEYS, "{ filters: 64 }", { required: true });
  requireWholeNumber("separableConv", "filters", options.filters, 1, 64);
  const kernelSize = requireWholeNumber("separableConv", "kernelSize", options.kernelSize ?? 3, 1, 3);
  const strides = requireWholeNumber("separableConv", "strides", options.strides ?? 1, 1, 1);
  const name = options.name;
  let x = tf.layers
    .depthwiseConv2d({ kernelSize, strides, padding: "same", useBias: false, depthwiseInitializer: "heNormal", name: blockName(name, "dw") })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ name: blockName(name, "dw_bn") }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.activation({ activation: "relu", name: blockName(name, "dw_relu") }).apply(x) as tf.SymbolicTensor;
  return convBnRelu(x, { filters: options.filters, kernelSize: 1, name: blockName(name, "pw") });
}

// ---- The arithmetic of the lesson: parameters and multiply-adds of each kind of convolution ----

export interface ConvCostInput {
  height: number;
  width: number;
  inChannels: number;
  /** Output channels (ignored by depthwiseConvCost, whose output has inChannels × depthMultiplier). */
  outChannels?: number;
  kernelSize?: number;
  strides?: number;
  padding?: "same" | "valid";
  /** Count a bias per output channel (default false: convolutions followed by batch norm). */
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

function outputSide(caller: string, side: number, kernel: number, strides: number, padding: "same" | "valid"): number {
  if (padding === "same") return Math.ceil(side / strides);
  if (side < kernel) {
    throw new Error(`${caller}: with padding "valid" the input side ${side} must be at least the kernel ${kernel}. Use padding "same" or a smaller kernel.`);
  }
  return Math.floor((side - kernel) / strides) + 1;
}

const COST_KEYS = optionKeys<ConvCostInput>()("height", "width", "inChannels", "outChannels", "kernelSize", "strides", "padding", "bias", "depthMultiplier");

function readInput(caller: string, input: ConvCostInput, needsOut: boolean) {
  requireOptions<ConvCostInput>(caller, input, COST_KEYS, "{ height: 32, width: 32, inChannels: 16, outChannels: 32, kernelSize: 3 }", { name: "input", required: true });
  const height = requireWholeNumber(caller, "height", input.height, 1, 32);
  const width = requireWholeNumber(caller, "width", input.width, 1, 32);
  const inChannels = requireWholeNumber(caller, "inChannels", input.inChannels, 1, 16);
  const outChannels = needsOut ? requireWholeNumber(caller, "outChannels", input.outChannels, 1, 32) : 0;
  const kernelSize = requireWholeNumber(caller, "kernelSize", input.kernelSize ?? 3, 1, 3);
  const strides = requireWholeNumber(caller, "strides", input.strides ?? 1, 1, 1);
  const padding = requireChoice(caller, "padding", input.padding ?? "same", ["same", "valid"] as const);
  const bias = requireChoice(caller, "bias", input.bias ?? false, [true, false]);
  const depthMultiplier = requireWholeNumber(caller, "depthMultiplier", input.depthMultiplier ?? 1, 1, 1);
  const outputHeight = outputSide(caller, height, kernelSize, strides, padding);
  const outputWidth = outputSide(caller, width, kernelSize, strides, padding);
  return { inChannels, outChannels, kernelSize, strides, bias, depthMultiplier, outputHeight, outputWidth };
}

/** Standard convolution: every output channel looks at every input channel, k·k·Cin·Cout weights. */
export function standardConvCost(input: ConvCostInput, caller = "standardConvCost"): ConvCost {
  const c = readInput(caller, input, true);
  const perPosition = c.kernelSize * c.kernelSize * c.inChannels * c.outChannels;
  return {
    params: perPosition + (c.bias ? c.outChannels : 0),
    multiplyAdds: c.outputHeight * c.outputWidth * perPosition,
    outputHeight: c.outputHeight,
    outputWidth: c.outputWidth,
    outputChannels: c.outChannels,
  };
}

/** Depthwise convolution: one k×k filter per input channel (times depthMultiplier), no mixing of channels. */
export function depthwiseConvCost(input: ConvCostInput, caller = "depthwiseConvCost"): ConvCost {
  const c = readInput(caller, input, false);
  const outChannels = c.inChannels * c.depthMultiplier;
  const perPosition = c.kernelSize * c.kernelSize * outChannels;
  return {
    params: perPosition + (c.bias ? outChannels : 0),
    multiplyAdds: c.outputHeight * c.outputWidth * perPosition,
    outputHeight: c.outputHeight,
    outputWidth: c.outputWidth,
    outputChannels: outChannels,
  };
}

/** Pointwise convolution: a 1x1 standard convolution, Cin·Cout weights, mixing channels at each pixel. */
export function pointwiseConvCost(input: ConvCostInput, caller = "pointwiseConvCost"): ConvCost {
  readInput(caller, input, true);
  return standardConvCost({ ...input, kernelSize: 1, strides: 1, padding: "same" }, caller);
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
  const pointwise = pointwiseConvCost({ ...input, height: depthwise.outputHeight, width: depthwise.outputWidth, inChannels: depthwise.outputChannels }, caller);
  const separable: ConvCost = {
    params: depthwise.params + pointwise.params,
    multiplyAdds: depthwise.multiplyAdds + pointwise.multiplyAdds,
    outputHeight: pointwise.outputHeight,
    outputWidth: pointwise.outputWidth,
    outputChannels: pointwise.outputChannels,
  };
  return { depthwise, pointwise, separable, standard, ratio: separable.multiplyAdds / standard.multiplyAdds };
}

import * as tf from "@tensorflow/tfjs";
import { requireChoice, requireWholeNumber } from "../core/checks";
import { OptionKeys, optionKeys, requireOptions } from "../core/options";
import { blockName, channelsOf } from "./block-checks";
import { convBnRelu } from "./conv-bn-relu";
import { seBlock } from "./se-block";

export interface ResidualBlockOptions {
  /** Channels of the block's 3x3 convolutions (basic block) or of its narrow middle (bottleneck). */
  filters: number;
  /** 1 keeps the spatial size; 2 halves it (first block of a new stage). */
  strides?: number;
  /** true (default): output = ReLU(F(x) + shortcut(x)). false: a plain block, output = ReLU(F(x)). */
  shortcut?: boolean;
  /** Squeeze-and-excitation on F(x) before the addition (SE-ResNet); omit for a plain ResNet block. */
  se?: { reduction: number };
  /** Layer-name prefix, e.g. "stage2_block1". */
  name?: string;
}

export interface BottleneckBlockOptions extends ResidualBlockOptions {
  /** Output channels = filters × expansion (ResNet-50 uses 4). */
  expansion?: number;
}

const RESIDUAL_KEYS = optionKeys<ResidualBlockOptions>()("filters", "strides", "shortcut", "se", "name");
const BOTTLENECK_KEYS = optionKeys<BottleneckBlockOptions>()(...RESIDUAL_KEYS, "expansion");

function checkCommon(
  caller: string,
  input: tf.SymbolicTensor,
  options: ResidualBlockOptions,
  keys: readonly string[],
): { inChannels: number; strides: number; shortcut: boolean } {
  const inChannels = channelsOf(caller, input);
  requireOptions<ResidualBlockOptions>(caller, options, keys as OptionKeys<ResidualBlockOptions>, "{ filters: 64 }", {
    required: true,
  });
  if (options.se !== undefined)
    requireOptions<{ reduction: number }>(caller, options.se, ["reduction"], "{ reduction: 16 }", {
      name: "se",
      required: true,
    });
  requireWholeNumber(caller, "filters", options.filters, 1, 64);
  const strides = requireChoice(caller, "strides", options.strides ?? 1, [1, 2]);
  const shortcut = requireChoice(caller, "shortcut", options.shortcut ?? true, [true, false]);
  if (options.se !== undefined) requireWholeNumber(caller, "se.reduction", options.se?.reduction, 1, 16);
  return { inChannels, strides, shortcut };
}

/** Identity when shapes agree; otherwise the projection W_s·x: a strided 1x1 convolution with batch norm. */
function shortcutPath(
  input: tf.SymbolicTensor,
  inChannels: number,
  outChannels: number,
  strides: number,
  name?: string,
): tf.SymbolicTensor {
  if (strides === 1 && inChannels === outChannels) return input;
  return convBnRelu(input, {
    filters: outChannels,
    kernelSize: 1,
    strides,
    activation: false,
    name: blockName(name, "proj"),
  });
}

/** Adds the shortcut (unless plain), then the block's final ReLU. */
function finish(
  residual: tf.SymbolicTensor,
  input: tf.SymbolicTensor,
  inChannels: number,
  outChannels: number,
  strides: number,
  options: ResidualBlockOptions,
  shortcut: boolean,
): tf.SymbolicTensor {
  let branch = residual;
  if (options.se) branch = seBlock(branch, { reduction: options.se.reduction, name: blockName(options.name, "se") });
  const sum = shortcut
    ? (tf.layers
        .add({ name: blockName(options.name, "add") })
        .apply([branch, shortcutPath(input, inChannels, outChannels, strides, options.name)]) as tf.SymbolicTensor)
    : branch;
  return tf.layers
    .activation({ activation: "relu", name: blockName(options.name, "out") })
    .apply(sum) as tf.SymbolicTensor;
}

/**
 * The basic residual block of ResNet-18/34 (He et al., 2016): F(x) = BN(conv3x3(ReLU(BN(conv3x3(x))))),
 * output ReLU(F(x) + x), with a projection shortcut when the stride or channel count changes.
 */
export function residualBlock(input: tf.SymbolicTensor, options: ResidualBlockOptions): tf.SymbolicTensor {
  const { inChannels, strides, shortcut } = checkCommon("residualBlock", input, options, RESIDUAL_KEYS);
  const { filters, name } = options;
  let x = convBnRelu(input, { filters, kernelSize: 3, strides, name: blockName(name, "conv1") });
  x = convBnRelu(x, { filters, kernelSize: 3, activation: false, name: blockName(name, "conv2") });
  return finish(x, input, inChannels, filters, strides, options, shortcut);
}

/**
 * The bottleneck block of ResNet-50/101/152: 1x1 reduce → 3x3 (carries the stride, as torchvision
 * does) → 1x1 expand to filters × expansion channels, then the same shortcut and ReLU.
 */
export function bottleneckBlock(input: tf.SymbolicTensor, options: BottleneckBlockOptions): tf.SymbolicTensor {
  const { inChannels, strides, shortcut } = checkCommon("bottleneckBlock", input, options, BOTTLENECK_KEYS);
  const expansion = requireWholeNumber("bottleneckBlock", "expansion", options.expansion ?? 4, 1, 4);
  const { filters, name } = options;
  const outChannels = filters * expansion;
  let x = convBnRelu(input, { filters, kernelSize: 1, name: blockName(name, "conv1") });
  x = convBnRelu(x, { filters, kernelSize: 3, strides, name: blockName(name, "conv2") });
  x = convBnRelu(x, { filters: outChannels, kernelSize: 1, activation: false, name: blockName(name, "conv3") });
  return finish(x, input, inChannels, outChannels, strides, options, shortcut);
}

import * as tf from "@tensorflow/tfjs";
import { requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { blockName, channelsOf } from "./block-checks";

export interface SeBlockOptions {
  /** Reduction ratio r: the bottleneck of the excitation has channels / r units (SENet uses 16). */
  reduction?: number;
  /** Layer-name prefix ("se1" gives se1_squeeze, se1_fc1, se1_fc2, se1_scale, se1_reweight). */
  name?: string;
}

/** Units of the excitation's hidden layer: floor(channels / r), as in the SENet reference code. */
export function seHiddenUnits(channels: number, reduction: number): number {
  requireWholeNumber("seHiddenUnits", "channels", channels, 1, 64);
  requireWholeNumber("seHiddenUnits", "reduction", reduction, 1, 16);
  if (reduction > channels) {
    throw new Error(
      `seHiddenUnits: reduction ${reduction} is larger than the ${channels} channels, which would leave 0 hidden units. Use a reduction ≤ ${channels}.`,
    );
  }
  return Math.floor(channels / reduction);
}

/** Trainable parameters an SE block adds on C channels: two fully connected layers with biases, C·h + h + h·C + C. */
export function seBlockParams(channels: number, reduction = 16): number {
  const hidden = seHiddenUnits(channels, reduction);
  return channels * hidden + hidden + hidden * channels + channels;
}

/**
 * Squeeze-and-excitation (Hu et al., 2018): squeeze each channel to one number by global
 * average pooling, excite with FC → ReLU → FC → sigmoid (a weight in (0, 1) per channel),
 * and multiply every channel of the input by its weight.
 */
const SE_KEYS = optionKeys<SeBlockOptions>()("reduction", "name");

export function seBlock(input: tf.SymbolicTensor, options: SeBlockOptions = {}): tf.SymbolicTensor {
  const channels = channelsOf("seBlock", input);
  requireOptions<SeBlockOptions>("seBlock", options, SE_KEYS, "{ reduction: 16 }");
  const reduction = requireWholeNumber("seBlock", "reduction", options.reduction ?? 16, 1, 16);
  const hidden = seHiddenUnits(channels, reduction);
  const name = options.name;
  const squeezed = tf.layers
    .globalAveragePooling2d({ name: blockName(name, "squeeze") })
    .apply(input) as tf.SymbolicTensor;
  const fc1 = tf.layers
    .dense({ units: hidden, activation: "relu", name: blockName(name, "fc1") })
    .apply(squeezed) as tf.SymbolicTensor;
  const fc2 = tf.layers
    .dense({ units: channels, activation: "sigmoid", name: blockName(name, "fc2") })
    .apply(fc1) as tf.SymbolicTensor;
  const scale = tf.layers
    .reshape({ targetShape: [1, 1, channels], name: blockName(name, "scale") })
    .apply(fc2) as tf.SymbolicTensor;
  return tf.layers.multiply({ name: blockName(name, "reweight") }).apply([input, scale]) as tf.SymbolicTensor;
}

import * as tf from "@tensorflow/tfjs";

import { describeValue, requireWholeNumber } from "../core/checks";
export interface VggBlockOptions {
  /** How many 3×3 convolutions before the pooling (1–4 in the VGG paper). */
  convs: number;
  /** Filters of every convolution in the block. */
  filters: number;
  /** Conv → batch norm → ReLU (as convBnRelu: no conv bias) instead of conv (with bias) → ReLU. */
  batchNorm?: boolean;
  /** "valid" halves even sizes (the paper); "same" also rounds odd sizes up (7 → 4), for small inputs. */
  poolPadding?: "valid" | "same";
  /** Layer-name prefix, e.g. "block3" gives block3_conv1, block3_bn1, block3_pool (as Keras names VGG16). */
  name: string;
}

/**
 * The layers of convBnRelu (3×3 'same' conv without bias, batch norm, ReLU) as a list, for
 * models described as plans. Same layers and settings as `convBnRelu` in conv-bn-relu.ts.
 */
export function convBnReluLayers(options: { filters: number; kernelSize: number; name: string }): tf.layers.Layer[] {
  requireWholeNumber("convBnReluLayers", "filters", options.filters, 1, 64);
  requireWholeNumber("convBnReluLayers", "kernelSize", options.kernelSize, 1, 3);
  return [
    tf.layers.conv2d({ filters: options.filters, kernelSize: options.kernelSize, padding: "same", useBias: false, kernelInitializer: "heNormal", name: `${options.name}_conv` }),
    tf.layers.batchNormalization({ name: `${options.name}_bn` }),
    tf.layers.activation({ activation: "relu", name: `${options.name}_relu` }),
  ];
}

/** One VGG stage: `convs` 3×3 stride-1 'same' convolutions with ReLU, then 2×2 stride-2 max pooling. */
export function vggBlockLayers(options: VggBlockOptions): tf.layers.Layer[] {
  if (options === null || typeof options !== "object") {
    throw new Error(`vggBlockLayers: options must be an object, got ${describeValue(options)}. Pass e.g. { convs: 2, filters: 64, name: "block1" }.`);
  }
  requireWholeNumber("vggBlockLayers", "convs", options.convs, 1, "VGG blocks have 1 to 4 convolutions, e.g. convs: 2.");
  requireWholeNumber("vggBlockLayers", "filters", options.filters, 1, 64);
  if (typeof options.name !== "string" || options.name === "") {
    throw new Error(`vggBlockLayers: name must be a non-empty string, got ${describeValue(options.name)}. Pass e.g. name: "block1".`);
  }
  const poolPadding = options.poolPadding ?? "valid";
  if (poolPadding !== "valid" && poolPadding !== "same") {
    throw new Error(`vggBlockLayers: poolPadding must be "valid" or "same", got ${describeValue(poolPadding)}.`);
  }
  const layers: tf.layers.Layer[] = [];
  for (let i = 1; i <= options.convs; i++) {
    if (options.batchNorm) layers.push(...convBnReluLayers({ filters: options.filters, kernelSize: 3, name: `${options.name}_${i}` }));
    else layers.push(tf.layers.conv2d({ filters: options.filters, kernelSize: 3, padding: "same", activation: "relu", name: `${options.name}_conv${i}` }));
  }
  layers.push(tf.layers.maxPooling2d({ poolSize: 2, strides: 2, padding: poolPadding, name: `${options.name}_pool` }));
  return layers;
}

import * as tf from "@tensorflow/tfjs";

import { describeValue, requireWholeNumber } from "../core/checks";
export interface ConvBnReluOptions {
  filters: number;
  kernelSize: number;
  strides?: number;
  padding?: "same" | "valid";
  /** Apply ReLU after batch norm (default true); false gives conv-BN, e.g. before a residual sum. */
  activation?: boolean;
  /** Layer-name prefix, so summaries read "stage1_conv", "stage1_bn", ... */
  name?: string;
  /**
   * Momentum of batch norm's running mean/variance (tfjs default 0.99). After only a few hundred
   * steps 0.99 leaves them far from the data's statistics: use 0.9, or cl.recalibrateBatchNorm.
   */
  momentum?: number;
}

/**
 * Convolution → batch normalisation → ReLU, the building block of VGG-BN, ResNet and most
 * modern CNNs. The convolution has no bias: batch norm's shift (beta) would cancel it.
 */
export function convBnRelu(input: tf.SymbolicTensor, options: ConvBnReluOptions): tf.SymbolicTensor {
  requireWholeNumber("convBnRelu", "filters", options.filters, 1, 3);
  requireWholeNumber("convBnRelu", "kernelSize", options.kernelSize, 1, 3);
  requireWholeNumber("convBnRelu", "strides", options.strides ?? 1, 1, 1);
  const padding = options.padding ?? "same";
  if (padding !== "same" && padding !== "valid") {
    throw new Error(`convBnRelu: padding must be "same" or "valid", got ${describeValue(padding)}.`);
  }
  if (options.momentum !== undefined && !(options.momentum >= 0 && options.momentum < 1)) {
    throw new Error(`convBnRelu: momentum must be in [0, 1), got ${describeValue(options.momentum)}. Use e.g. 0.9 for short training runs.`);
  }
  const prefix = options.name ? `${options.name}_` : "";
  const named = (suffix: string) => (options.name ? { name: `${prefix}${suffix}` } : {});
  let x = tf.layers
    .conv2d({ filters: options.filters, kernelSize: options.kernelSize, strides: options.strides ?? 1, padding, useBias: false, kernelInitializer: "heNormal", ...named("conv") })
    .apply(input) as tf.SymbolicTensor;
  const momentum = options.momentum === undefined ? {} : { momentum: options.momentum };
  x = tf.layers.batchNormalization({ ...momentum, ...named("bn") }).apply(x) as tf.SymbolicTensor;
  if (options.activation ?? true) x = tf.layers.activation({ activation: "relu", ...named("relu") }).apply(x) as tf.SymbolicTensor;
  return x;
}

import * as tf from "@tensorflow/tfjs";
import { requireBoolean, requireChoice, requireNumber, requireText, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { channelsOf } from "./block-checks";
import { applyChecked } from "./layer-shapes";

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

const KEYS = optionKeys<ConvBnReluOptions>()(
  "filters",
  "kernelSize",
  "strides",
  "padding",
  "activation",
  "name",
  "momentum",
);

/**
 * Convolution → batch normalisation → ReLU, the building block of VGG-BN, ResNet and most
 * modern CNNs. The convolution has no bias: batch norm's shift (beta) would cancel it.
 */
export function convBnRelu(input: tf.SymbolicTensor, options: ConvBnReluOptions): tf.SymbolicTensor {
  const caller = "convBnRelu";
  requireOptions<ConvBnReluOptions>(caller, options, KEYS, "{ filters: 32, kernelSize: 3 }", { required: true });
  channelsOf(caller, input);
  const filters = requireWholeNumber(caller, "filters", options.filters, 1, 32);
  const kernelSize = requireWholeNumber(caller, "kernelSize", options.kernelSize, 1, 3);
  const strides = requireWholeNumber(caller, "strides", options.strides ?? 1, 1, 1);
  const padding = requireChoice(caller, "padding", options.padding ?? "same", ["same", "valid"] as const);
  const activation = requireBoolean(caller, "activation", options.activation ?? true);
  if (options.momentum !== undefined)
    requireNumber(caller, "momentum", options.momentum, {
      min: 0,
      below: 1,
      fix: "Use e.g. 0.9 for short training runs.",
    });
  if (options.name !== undefined) requireText(caller, "name", options.name, 'Pass e.g. name: "stage1".');
  const named = (suffix: string) => (options.name ? { name: `${options.name}_${suffix}` } : {});
  const conv = tf.layers.conv2d({
    filters,
    kernelSize,
    strides,
    padding,
    useBias: false,
    kernelInitializer: "heNormal",
    ...named("conv"),
  });
  let x = applyChecked(caller, conv, input);
  const momentum = options.momentum === undefined ? {} : { momentum: options.momentum };
  x = tf.layers.batchNormalization({ ...momentum, ...named("bn") }).apply(x) as tf.SymbolicTensor;
  if (activation) x = tf.layers.activation({ activation: "relu", ...named("relu") }).apply(x) as tf.SymbolicTensor;
  return x;
}

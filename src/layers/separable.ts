import * as tf from "@tensorflow/tfjs";
import { requireWholeNumber } from "../core/checks";
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
    .depthwiseConv2d({
      kernelSize,
      strides,
      padding: "same",
      useBias: false,
      depthwiseInitializer: "heNormal",
      name: blockName(name, "dw"),
    })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ name: blockName(name, "dw_bn") }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.activation({ activation: "relu", name: blockName(name, "dw_relu") }).apply(x) as tf.SymbolicTensor;
  return convBnRelu(x, { filters: options.filters, kernelSize: 1, name: blockName(name, "pw") });
}

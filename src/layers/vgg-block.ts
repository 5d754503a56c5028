import * as tf from "@tensorflow/tfjs";
import { requireBoolean, requireChoice, requireText, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";

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

export interface ConvBnReluLayersOptions {
  filters: number;
  kernelSize: number;
  /** Layer-name prefix: name_conv, name_bn, name_relu. */
  name: string;
}

const BLOCK_KEYS = optionKeys<VggBlockOptions>()("convs", "filters", "batchNorm", "poolPadding", "name");
const CONV_KEYS = optionKeys<ConvBnReluLayersOptions>()("filters", "kernelSize", "name");

/**
 * The layers of convBnRelu (3×3 'same' conv without bias, batch norm, ReLU) as a list, for
 * models described as plans. Same layers and settings as `convBnRelu` in conv-bn-relu.ts.
 */
export function convBnReluLayers(options: ConvBnReluLayersOptions): tf.layers.Layer[] {
  const caller = "convBnReluLayers";
  requireOptions<ConvBnReluLayersOptions>(
    caller,
    options,
    CONV_KEYS,
    '{ filters: 64, kernelSize: 3, name: "block1_1" }',
    { required: true },
  );
  const filters = requireWholeNumber(caller, "filters", options.filters, 1, 64);
  const kernelSize = requireWholeNumber(caller, "kernelSize", options.kernelSize, 1, 3);
  const name = requireText(caller, "name", options.name, 'Pass e.g. name: "block1_1".');
  return [
    tf.layers.conv2d({
      filters,
      kernelSize,
      padding: "same",
      useBias: false,
      kernelInitializer: "heNormal",
      name: `${name}_conv`,
    }),
    tf.layers.batchNormalization({ name: `${name}_bn` }),
    tf.layers.activation({ activation: "relu", name: `${name}_relu` }),
  ];
}

/** One VGG stage: `convs` 3×3 stride-1 'same' convolutions with ReLU, then 2×2 stride-2 max pooling. */
export function vggBlockLayers(options: VggBlockOptions): tf.layers.Layer[] {
  const caller = "vggBlockLayers";
  requireOptions<VggBlockOptions>(caller, options, BLOCK_KEYS, '{ convs: 2, filters: 64, name: "block1" }', {
    required: true,
  });
  const convs = requireWholeNumber(
    caller,
    "convs",
    options.convs,
    1,
    "VGG blocks have 1 to 4 convolutions, e.g. convs: 2.",
  );
  const filters = requireWholeNumber(caller, "filters", options.filters, 1, 64);
  const name = requireText(caller, "name", options.name, 'Pass e.g. name: "block1".');
  const batchNorm = requireBoolean(caller, "batchNorm", options.batchNorm ?? false);
  const poolPadding = requireChoice(caller, "poolPadding", options.poolPadding ?? "valid", ["valid", "same"] as const);
  const layers: tf.layers.Layer[] = [];
  for (let i = 1; i <= convs; i++) {
    if (batchNorm) layers.push(...convBnReluLayers({ filters, kernelSize: 3, name: `${name}_${i}` }));
    else
      layers.push(
        tf.layers.conv2d({ filters, kernelSize: 3, padding: "same", activation: "relu", name: `${name}_conv${i}` }),
      );
  }
  layers.push(tf.layers.maxPooling2d({ poolSize: 2, strides: 2, padding: poolPadding, name: `${name}_pool` }));
  return layers;
}

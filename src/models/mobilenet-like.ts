import * as tf from "@tensorflow/tfjs";
import { requireChoice, requireWholeNumber } from "../core/checks";
import { describeValue } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { convBnRelu } from "../layers/conv-bn-relu";
import { separableConv } from "../layers/separable";
import { requireClasses, requireImageShape, scaledChannels } from "./model-options";

/** MobileNet v1's 13 separable layers as [output channels, stride] (Howard et al., 2017, table 1). */
export const MOBILENET_V1_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

export interface MobilenetLikeOptions {
  inputShape?: [number, number, number];
  classes?: number;
  /** Width multiplier α applied to every channel count (default 1, the published size). */
  width?: number;
  /** [output channels, stride] of each block (default MobileNet v1's 13). */
  blocks?: ReadonlyArray<readonly [number, number]>;
  /** Channels and stride of the first, standard 3x3 convolution (default 32 and 2). */
  stemFilters?: number;
  stemStrides?: number;
  /** true (default): depthwise-separable blocks. false: the same network with standard 3x3 convs. */
  separable?: boolean;
  name?: string;
}

const KEYS = optionKeys<MobilenetLikeOptions>()(
  "inputShape",
  "classes",
  "width",
  "blocks",
  "stemFilters",
  "stemStrides",
  "separable",
  "name",
);

/**
 * A MobileNet-v1-style network: a standard 3x3 stem, then depthwise-separable blocks, global
 * average pooling and a dense classifier. separable: false swaps each block for a standard
 * 3x3 conv with the same output, the comparison of the MobileNet paper's table 4.
 */
export function mobilenetLike(options: MobilenetLikeOptions = {}): tf.LayersModel {
  requireOptions<MobilenetLikeOptions>(
    "mobilenetLike",
    options,
    KEYS,
    "{ width: 0.5, inputShape: [28, 28, 1], classes: 10 } (or nothing for the published size)",
  );
  const inputShape = requireImageShape("mobilenetLike", options.inputShape ?? [224, 224, 3], "[224, 224, 3]");
  const classes = requireClasses("mobilenetLike", options.classes ?? 1000);
  const width = options.width ?? 1;
  const ch = (n: number) => scaledChannels("mobilenetLike", n, width);
  const separable = requireChoice("mobilenetLike", "separable", options.separable ?? true, [true, false]);
  const blocks = options.blocks ?? MOBILENET_V1_BLOCKS;
  if (!Array.isArray(blocks) || blocks.length === 0) {
    throw new Error(
      `mobilenetLike: blocks must be a non-empty array of [channels, stride] pairs, got ${describeValue(blocks)}. Pass e.g. blocks: [[32, 1], [64, 2]].`,
    );
  }
  blocks.forEach((b, i) => {
    if (!Array.isArray(b) || b.length !== 2) {
      throw new Error(
        `mobilenetLike: blocks[${i}] must be a [channels, stride] pair, got ${describeValue(b)}. Pass e.g. [64, 1].`,
      );
    }
    requireWholeNumber("mobilenetLike", `blocks[${i}][0] (channels)`, b[0], 1, 64);
    requireChoice("mobilenetLike", `blocks[${i}][1] (stride)`, b[1], [1, 2]);
  });
  const stemFilters = requireWholeNumber("mobilenetLike", "stemFilters", options.stemFilters ?? 32, 1, 32);
  const stemStrides = requireChoice("mobilenetLike", "stemStrides", options.stemStrides ?? 2, [1, 2]);

  const input = tf.input({ shape: inputShape, name: "image" });
  let x = convBnRelu(input, { filters: ch(stemFilters), kernelSize: 3, strides: stemStrides, name: "stem" });
  blocks.forEach(([filters, strides], i) => {
    const name = `block${i + 1}`;
    x = separable
      ? separableConv(x, { filters: ch(filters), kernelSize: 3, strides, name })
      : convBnRelu(x, { filters: ch(filters), kernelSize: 3, strides, name });
  });
  x = tf.layers.globalAveragePooling2d({ name: "pool" }).apply(x) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({ units: classes, activation: "softmax", name: "classifier" })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({
    inputs: input,
    outputs: output,
    name: options.name ?? (separable ? "mobilenet_like" : "mobilenet_like_standard"),
  });
}

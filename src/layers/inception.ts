import * as tf from "@tensorflow/tfjs";
import { requireBoolean, requireChoice, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { blockName, channelsOf } from "./block-checks";
import { convBnRelu } from "./conv-bn-relu";

/** Filter counts of one inception module, in the column order of the GoogLeNet paper's table 1. */
export interface InceptionModuleOptions {
  branch1x1: number;
  branch3x3Reduce: number;
  branch3x3: number;
  branch5x5Reduce: number;
  branch5x5: number;
  poolProjection: number;
  /** Kernel of the "5x5" branch: 5 as in the paper; torchvision's GoogLeNet uses 3 (kept for its weights). */
  branch5x5Kernel?: 3 | 5;
  /**
   * true (default): 1x1 convolutions shrink the channels before the 3x3 and 5x5 convolutions and
   * after the pooling. false: the naive module of the paper's figure 2(a), without them.
   */
  reduce?: boolean;
  name?: string;
}

const COUNTS = ["branch1x1", "branch3x3Reduce", "branch3x3", "branch5x5Reduce", "branch5x5", "poolProjection"] as const;
const KEYS = optionKeys<InceptionModuleOptions>()(...COUNTS, "branch5x5Kernel", "reduce", "name");

/** Output channels of a module: the four branches are concatenated along the channel axis. */
export function inceptionOutputChannels(
  options: InceptionModuleOptions,
  inChannels: number,
  caller = "inceptionOutputChannels",
): number {
  requireOptions<InceptionModuleOptions>(
    caller,
    options,
    KEYS,
    "{ branch1x1: 64, branch3x3Reduce: 96, branch3x3: 128, branch5x5Reduce: 16, branch5x5: 32, poolProjection: 32 }",
    { required: true },
  );
  for (const key of COUNTS) requireWholeNumber(caller, key, options[key], 1, 64);
  requireWholeNumber(caller, "inChannels", inChannels, 1, 192);
  const reduce = requireBoolean(caller, "reduce", options.reduce ?? true);
  return options.branch1x1 + options.branch3x3 + options.branch5x5 + (reduce ? options.poolProjection : inChannels);
}

/**
 * The inception module (Szegedy et al., 2015): four parallel branches — 1x1; 1x1 reduce → 3x3;
 * 1x1 reduce → 5x5; 3x3 max pool → 1x1 projection — each conv followed by batch norm and ReLU
 * (as in torchvision's GoogLeNet), concatenated along channels. Spatial size is kept.
 */
export function inceptionModule(input: tf.SymbolicTensor, options: InceptionModuleOptions): tf.SymbolicTensor {
  const inChannels = channelsOf("inceptionModule", input);
  inceptionOutputChannels(options, inChannels, "inceptionModule"); // validates the options
  const reduce = options.reduce ?? true;
  const kernel5 = requireChoice("inceptionModule", "branch5x5Kernel", options.branch5x5Kernel ?? 5, [3, 5]);
  const name = options.name;
  const conv = (x: tf.SymbolicTensor, filters: number, kernelSize: number, suffix: string) =>
    convBnRelu(x, { filters, kernelSize, name: blockName(name, suffix) });

  const b1 = conv(input, options.branch1x1, 1, "b1_1x1");
  const b2 = conv(
    reduce ? conv(input, options.branch3x3Reduce, 1, "b2_reduce") : input,
    options.branch3x3,
    3,
    "b2_3x3",
  );
  const b3 = conv(
    reduce ? conv(input, options.branch5x5Reduce, 1, "b3_reduce") : input,
    options.branch5x5,
    kernel5,
    "b3_5x5",
  );
  const pooled = tf.layers
    .maxPooling2d({ poolSize: 3, strides: 1, padding: "same", name: blockName(name, "b4_pool") })
    .apply(input) as tf.SymbolicTensor;
  const b4 = reduce ? conv(pooled, options.poolProjection, 1, "b4_proj") : pooled;
  return tf.layers
    .concatenate({ axis: -1, name: blockName(name, "concat") })
    .apply([b1, b2, b3, b4]) as tf.SymbolicTensor;
}

import * as tf from "@tensorflow/tfjs";
import { requireChoice, requireWholeNumber } from "../core/checks";
import { describeValue } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { convBnRelu } from "../layers/conv-bn-relu";
import { bottleneckBlock, residualBlock } from "../layers/residual";
import { requireClasses, requireImageShape } from "./model-options";

/** The published ImageNet configurations (He et al., 2016, table 1). */
export const RESNET_CONFIGS = {
  18: { block: "basic", blocksPerStage: [2, 2, 2, 2] },
  34: { block: "basic", blocksPerStage: [3, 4, 6, 3] },
  50: { block: "bottleneck", blocksPerStage: [3, 4, 6, 3] },
  101: { block: "bottleneck", blocksPerStage: [3, 4, 23, 3] },
  152: { block: "bottleneck", blocksPerStage: [3, 8, 36, 3] },
} as const;

export type ResnetDepth = keyof typeof RESNET_CONFIGS;

export interface ResnetOptions {
  /** A published configuration (18, 34, 50, 101, 152); sets block and blocksPerStage unless given. */
  depth?: ResnetDepth;
  /** Residual blocks in each stage, e.g. [2, 2, 2] for a small three-stage net. */
  blocksPerStage?: readonly number[];
  /** "basic" (two 3x3 convs) or "bottleneck" (1x1, 3x3, 1x1 with 4x expansion). */
  block?: "basic" | "bottleneck";
  /** Channels of each stage (the bottleneck width for bottleneck blocks); default 64, 128, 256, 512. */
  widths?: readonly number[];
  /** "imagenet": 7x7/2 conv + 3x3/2 max pool. "small": one 3x3 conv (CIFAR/MNIST-sized inputs). */
  stem?: "imagenet" | "small";
  /** Channels of the stem (default 64 for imagenet, widths[0] for small). */
  stemFilters?: number;
  /** Stride of the small stem's conv (default 1; 2 quarters the cost on 28x28 inputs). */
  stemStrides?: number;
  inputShape?: [number, number, number];
  classes?: number;
  /** false builds the plain network: the same layers without the shortcut additions. */
  shortcuts?: boolean;
  /** Adds a squeeze-and-excitation block to every residual block (SE-ResNet). */
  se?: { reduction: number };
  name?: string;
}

interface ResolvedResnet {
  block: "basic" | "bottleneck";
  blocksPerStage: number[];
  widths: number[];
}

const KEYS = optionKeys<ResnetOptions>()(
  "depth",
  "blocksPerStage",
  "block",
  "widths",
  "stem",
  "stemFilters",
  "stemStrides",
  "inputShape",
  "classes",
  "shortcuts",
  "se",
  "name",
);

function resolve(options: ResnetOptions, caller = "resnet"): ResolvedResnet {
  requireOptions<ResnetOptions>(
    caller,
    options,
    KEYS,
    '{ depth: 18 } or { blocksPerStage: [2, 2], widths: [16, 32], stem: "small" }',
    { required: true },
  );
  if (options.se !== undefined)
    requireOptions<{ reduction: number }>(caller, options.se, ["reduction"], "{ reduction: 16 }", {
      name: "se",
      required: true,
    });
  const preset = options.depth === undefined ? undefined : RESNET_CONFIGS[options.depth];
  if (options.depth !== undefined && !preset) {
    throw new Error(
      `resnet: depth must be one of ${Object.keys(RESNET_CONFIGS).join(", ")}, got ${describeValue(options.depth)}. For another depth pass blocksPerStage instead.`,
    );
  }
  const blocksPerStage = options.blocksPerStage ?? preset?.blocksPerStage;
  if (!Array.isArray(blocksPerStage) || blocksPerStage.length === 0) {
    throw new Error(
      `resnet: give depth (18, 34, 50, 101, 152) or blocksPerStage (a non-empty array, e.g. [2, 2, 2]); got blocksPerStage ${describeValue(blocksPerStage)}.`,
    );
  }
  blocksPerStage.forEach((n, i) => requireWholeNumber("resnet", `blocksPerStage[${i}]`, n, 1, 2));
  const block = requireChoice("resnet", "block", options.block ?? preset?.block ?? "basic", [
    "basic",
    "bottleneck",
  ] as const);
  const widths = options.widths ?? [64, 128, 256, 512].slice(0, blocksPerStage.length);
  if (!Array.isArray(widths) || widths.length !== blocksPerStage.length) {
    throw new Error(
      `resnet: widths must have one entry per stage (${blocksPerStage.length}), got ${describeValue(widths)}. Pass e.g. widths: [${blocksPerStage.map((_, i) => 16 << i).join(", ")}].`,
    );
  }
  widths.forEach((w, i) => requireWholeNumber("resnet", `widths[${i}]`, w, 1, 16));
  return { block, blocksPerStage: [...blocksPerStage], widths: [...widths] };
}

/**
 * Weighted layers of a ResNet (convolutions on the main path plus the final dense layer), the
 * number in its name: 1 + blocks × (2 or 3) + 1, e.g. 18 for [2, 2, 2, 2] basic blocks.
 */
export function resnetDepth(options: ResnetOptions): number {
  const { block, blocksPerStage } = resolve(options, "resnetDepth");
  const convsPerBlock = block === "basic" ? 2 : 3;
  return 2 + convsPerBlock * blocksPerStage.reduce((a, b) => a + b, 0);
}

/**
 * One builder for every ResNet of the course: the published ImageNet ResNet-18/34/50/101/152
 * (torchvision layout: bias-free convs + BN, stride on the 3x3 conv of bottlenecks, projection
 * shortcuts only where the shape changes), small CIFAR/MNIST-style variants, the plain network
 * without shortcuts (shortcuts: false) and SE-ResNet (se: { reduction: 16 }).
 */
export function resnet(options: ResnetOptions): tf.LayersModel {
  const { block, blocksPerStage, widths } = resolve(options);
  const stem = requireChoice("resnet", "stem", options.stem ?? "imagenet", ["imagenet", "small"] as const);
  const inputShape = requireImageShape(
    "resnet",
    options.inputShape ?? (stem === "imagenet" ? [224, 224, 3] : [28, 28, 1]),
  );
  const classes = requireClasses("resnet", options.classes ?? (stem === "imagenet" ? 1000 : 10));
  const stemFilters = requireWholeNumber(
    "resnet",
    "stemFilters",
    options.stemFilters ?? (stem === "imagenet" ? 64 : widths[0]),
    1,
    64,
  );
  const stemStrides = requireChoice("resnet", "stemStrides", options.stemStrides ?? 1, [1, 2]);
  const shortcut = requireChoice("resnet", "shortcuts", options.shortcuts ?? true, [true, false]);

  const input = tf.input({ shape: inputShape, name: "image" });
  let x: tf.SymbolicTensor;
  if (stem === "imagenet") {
    x = convBnRelu(input, { filters: stemFilters, kernelSize: 7, strides: 2, name: "stem" });
    x = tf.layers
      .maxPooling2d({ poolSize: 3, strides: 2, padding: "same", name: "stem_pool" })
      .apply(x) as tf.SymbolicTensor;
  } else {
    x = convBnRelu(input, { filters: stemFilters, kernelSize: 3, strides: stemStrides, name: "stem" });
  }
  blocksPerStage.forEach((count, stage) => {
    for (let b = 0; b < count; b++) {
      const blockOptions = {
        filters: widths[stage],
        strides: stage > 0 && b === 0 ? 2 : 1,
        shortcut,
        se: options.se,
        name: `s${stage + 1}b${b + 1}`,
      };
      x = block === "basic" ? residualBlock(x, blockOptions) : bottleneckBlock(x, blockOptions);
    }
  });
  x = tf.layers.globalAveragePooling2d({ name: "pool" }).apply(x) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({ units: classes, activation: "softmax", name: "classifier" })
    .apply(x) as tf.SymbolicTensor;
  const kind = `${options.se ? "se-" : ""}${shortcut ? "resnet" : "plain"}`;
  return tf.model({ inputs: input, outputs: output, name: options.name ?? `${kind}${resnetDepth(options)}` });
}

/** SE-ResNet: the same builder with a squeeze-and-excitation block in every residual block (r = 16 unless given). */
export function seResnet(options: ResnetOptions): tf.LayersModel {
  requireOptions<ResnetOptions>("seResnet", options, KEYS, "{ depth: 50 }", { required: true });
  return resnet({ ...options, se: options.se ?? { reduction: 16 } });
}

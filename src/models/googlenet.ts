import * as tf from "@tensorflow/tfjs";
import { requireChoice } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { convBnRelu } from "../layers/conv-bn-relu";
import { inceptionModule, InceptionModuleOptions } from "../layers/inception";
import { requireClasses, requireImageShape, requireRate, scaledChannels } from "./model-options";

type Counts = Pick<
  InceptionModuleOptions,
  "branch1x1" | "branch3x3Reduce" | "branch3x3" | "branch5x5Reduce" | "branch5x5" | "poolProjection"
>;

const row = (b1: number, r3: number, b3: number, r5: number, b5: number, pool: number): Counts => ({
  branch1x1: b1,
  branch3x3Reduce: r3,
  branch3x3: b3,
  branch5x5Reduce: r5,
  branch5x5: b5,
  poolProjection: pool,
});

/** The nine inception modules of GoogLeNet (Szegedy et al., 2015, table 1); "pool" marks a stride-2 max pool. */
export const GOOGLENET_MODULES: ReadonlyArray<readonly [string, Counts] | "pool"> = [
  ["3a", row(64, 96, 128, 16, 32, 32)],
  ["3b", row(128, 128, 192, 32, 96, 64)],
  "pool",
  ["4a", row(192, 96, 208, 16, 48, 64)],
  ["4b", row(160, 112, 224, 24, 64, 64)],
  ["4c", row(128, 128, 256, 24, 64, 64)],
  ["4d", row(112, 144, 288, 32, 64, 64)],
  ["4e", row(256, 160, 320, 32, 128, 128)],
  "pool",
  ["5a", row(256, 160, 320, 32, 128, 128)],
  ["5b", row(384, 192, 384, 48, 128, 128)],
];

export interface GooglenetOptions {
  inputShape?: [number, number, number];
  classes?: number;
  /** Channel multiplier applied to every filter count (default 1, the published size). */
  width?: number;
  /** "imagenet": 7x7/2 conv, pool, 1x1 and 3x3 convs, pool (224 → 28). "small": one 3x3 conv (28x28 inputs). */
  stem?: "imagenet" | "small";
  /** Stride of the small stem's conv (default 1; 2 starts the modules on 14x14 maps, 4x cheaper on 28x28 inputs). */
  stemStrides?: number;
  /** Kernel of the "5x5" branches: 3 as torchvision builds it (default, matches its 6,624,904), 5 as in the paper. */
  branch5x5Kernel?: 3 | 5;
  /** false: naive modules without the 1x1 reductions (to measure what they save). */
  reduce?: boolean;
  /** Dropout before the classifier (torchvision 0.2; the paper 0.4). */
  dropout?: number;
  name?: string;
}

const KEYS = optionKeys<GooglenetOptions>()(
  "inputShape",
  "classes",
  "width",
  "stem",
  "stemStrides",
  "branch5x5Kernel",
  "reduce",
  "dropout",
  "name",
);

/**
 * GoogLeNet (Inception v1) in torchvision's variant: every conv bias-free with batch norm, no
 * auxiliary classifiers, 3x3 kernels in the "5x5" branches; one builder for the published
 * size and for small trainable versions (width < 1, stem "small").
 */
export function googlenet(options: GooglenetOptions = {}): tf.LayersModel {
  requireOptions<GooglenetOptions>(
    "googlenet",
    options,
    KEYS,
    '{ stem: "small", width: 0.25 } (or nothing for the published size)',
  );
  const stem = requireChoice("googlenet", "stem", options.stem ?? "imagenet", ["imagenet", "small"] as const);
  const inputShape = requireImageShape(
    "googlenet",
    options.inputShape ?? (stem === "imagenet" ? [224, 224, 3] : [28, 28, 1]),
  );
  const classes = requireClasses("googlenet", options.classes ?? (stem === "imagenet" ? 1000 : 10));
  const width = options.width ?? 1;
  const ch = (n: number) => scaledChannels("googlenet", n, width);
  const dropout = requireRate("googlenet", "dropout", options.dropout ?? 0.2, "Pass e.g. dropout: 0.2.");
  const input = tf.input({ shape: inputShape, name: "image" });
  let x: tf.SymbolicTensor;
  if (stem === "imagenet") {
    x = convBnRelu(input, { filters: ch(64), kernelSize: 7, strides: 2, name: "conv1" });
    x = tf.layers
      .maxPooling2d({ poolSize: 3, strides: 2, padding: "same", name: "pool1" })
      .apply(x) as tf.SymbolicTensor;
    x = convBnRelu(x, { filters: ch(64), kernelSize: 1, name: "conv2" });
    x = convBnRelu(x, { filters: ch(192), kernelSize: 3, name: "conv3" });
    x = tf.layers
      .maxPooling2d({ poolSize: 3, strides: 2, padding: "same", name: "pool2" })
      .apply(x) as tf.SymbolicTensor;
  } else {
    const stemStrides = requireChoice("googlenet", "stemStrides", options.stemStrides ?? 1, [1, 2]);
    x = convBnRelu(input, { filters: ch(192), kernelSize: 3, strides: stemStrides, name: "conv1" });
  }
  let pools = 0;
  for (const entry of GOOGLENET_MODULES) {
    if (entry === "pool") {
      pools++;
      x = tf.layers
        .maxPooling2d({ poolSize: 3, strides: 2, padding: "same", name: `pool${pools + 2}` })
        .apply(x) as tf.SymbolicTensor;
      continue;
    }
    const [id, counts] = entry;
    const scaled = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, ch(v)])) as Counts;
    x = inceptionModule(x, {
      ...scaled,
      branch5x5Kernel: options.branch5x5Kernel ?? 3,
      reduce: options.reduce,
      name: `inception${id}`,
    });
  }
  x = tf.layers.globalAveragePooling2d({ name: "avgpool" }).apply(x) as tf.SymbolicTensor;
  if (dropout > 0) x = tf.layers.dropout({ rate: dropout, name: "dropout" }).apply(x) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({ units: classes, activation: "softmax", name: "classifier" })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: options.name ?? "googlenet" });
}

import * as tf from "@tensorflow/tfjs";
import { describeValue, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { requireModel } from "../core/tensors";

// The course's base network: its recipe (so a lesson can train the same network from scratch)
// and a way to put a new classifier head on its convolutional part (transfer learning).

/** Names of the base network's layers that a new head can be attached after. */
export const BASE_FEATURE_LAYER = "block3_pool";

/**
 * The base network (not compiled): three convolution blocks on a 28×28×1 image —
 * conv 3×3 (16) → max-pool, conv 3×3 (32) → max-pool, conv 3×3 (64) → max-pool, giving a
 * 3×3×64 feature map ("block3_pool") — then flatten and a 10-way softmax ("head").
 * scripts/train-base-model.js trains it on Fashion-MNIST and saves it.
 */
export function baseNetwork(options: { classes?: number } = {}): tf.LayersModel {
  requireOptions<{ classes?: number }>("baseNetwork", options, ["classes"], "{ classes: 10 }");
  const classes = requireWholeNumber(
    "baseNetwork",
    "classes",
    options.classes ?? 10,
    2,
    "Use 10 for Fashion-MNIST or MNIST.",
  );
  const model = tf.sequential({ name: "fashion_base" });
  model.add(
    tf.layers.conv2d({
      inputShape: [28, 28, 1],
      filters: 16,
      kernelSize: 3,
      padding: "same",
      activation: "relu",
      name: "block1_conv",
    }),
  );
  model.add(tf.layers.maxPooling2d({ poolSize: 2, name: "block1_pool" }));
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: "same", activation: "relu", name: "block2_conv" }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, name: "block2_pool" }));
  model.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, padding: "same", activation: "relu", name: "block3_conv" }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, name: BASE_FEATURE_LAYER }));
  model.add(tf.layers.flatten({ name: "flatten" }));
  model.add(tf.layers.dense({ units: classes, activation: "softmax", name: "head" }));
  return model;
}

export interface NewHeadOptions {
  /** Keep the base's layers up to and including this one (default "block3_pool"). */
  featureLayer?: string;
  /** Classes of the new task. */
  classes: number;
  /** Dropout rate before the new dense layer (default 0: none). */
  dropout?: number;
  /** Name of the new model (default "transfer"). */
  name?: string;
}

const NEW_HEAD_KEYS = optionKeys<NewHeadOptions>()("featureLayer", "classes", "dropout", "name");

/**
 * A new model made of `base`'s layers up to `featureLayer` — the same layer objects, so they
 * share their weights and their `trainable` switch with `base` — followed by a new head:
 * flatten → (dropout) → dense softmax with `classes` outputs, named "new_head".
 * Freeze the reused part with `setTrainable(model, false, upTo)` before compiling.
 */
export function withNewHead(base: tf.LayersModel, options: NewHeadOptions): tf.LayersModel {
  const caller = "withNewHead";
  requireModel(caller, base, "base");
  requireOptions<NewHeadOptions>(caller, options, NEW_HEAD_KEYS, "{ classes: 10 }", { required: true });
  const featureLayer = options.featureLayer ?? BASE_FEATURE_LAYER;
  const names = base.layers.map((l) => l.name);
  const cut = names.indexOf(featureLayer);
  if (cut < 0)
    throw new Error(
      `${caller}: base has no layer named ${describeValue(featureLayer)}. Pick one of: ${names.join(", ")}.`,
    );
  requireWholeNumber(caller, "classes", options.classes, 2, "Use the number of classes of the new task, e.g. 10.");
  const dropout = options.dropout ?? 0;
  if (typeof dropout !== "number" || !(dropout >= 0 && dropout < 1))
    throw new Error(
      `${caller}: dropout must be a number in [0, 1), got ${describeValue(dropout)}. Use e.g. 0.3, or 0 for none.`,
    );
  const input = tf.input({ shape: base.inputs[0].shape.slice(1) as number[] });
  let x: tf.SymbolicTensor = input;
  for (const layer of base.layers.slice(0, cut + 1)) {
    if (layer.getClassName() === "InputLayer") continue;
    x = layer.apply(x) as tf.SymbolicTensor;
  }
  if (x.shape.length > 2) x = tf.layers.flatten({ name: "new_flatten" }).apply(x) as tf.SymbolicTensor;
  if (dropout > 0) x = tf.layers.dropout({ rate: dropout, name: "new_dropout" }).apply(x) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({ units: options.classes, activation: "softmax", name: "new_head" })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: options.name ?? "transfer" });
}

/**
 * Sets `trainable` on the model's layers from the first one up to and including `upTo`
 * (default: all layers). Freezing (동결, trainable = false) keeps a layer's weights fixed
 * during fit; compile the model again after changing it.
 */
export function setTrainable(model: tf.LayersModel, trainable: boolean, upTo?: string, from?: string): string[] {
  const caller = "setTrainable";
  requireModel(caller, model);
  if (typeof trainable !== "boolean")
    throw new Error(`${caller}: trainable must be true or false, got ${describeValue(trainable)}.`);
  const names = model.layers.map((l) => l.name);
  const start = from === undefined ? 0 : names.indexOf(from);
  const end = upTo === undefined ? names.length - 1 : names.indexOf(upTo);
  if (start < 0)
    throw new Error(
      `${caller}: the model has no layer named ${describeValue(from)} (from). Pick one of: ${names.join(", ")}.`,
    );
  if (end < 0)
    throw new Error(
      `${caller}: the model has no layer named ${describeValue(upTo)} (upTo). Pick one of: ${names.join(", ")}.`,
    );
  if (end < start)
    throw new Error(
      `${caller}: layer ${describeValue(upTo)} comes before ${describeValue(from)}; give from ≤ upTo in layer order (${names.join(", ")}).`,
    );
  const changed = model.layers.slice(start, end + 1);
  changed.forEach((layer) => (layer.trainable = trainable));
  return changed.map((l) => l.name);
}

import * as tf from "@tensorflow/tfjs";
import { describeValue, requireWholeNumber } from "../core/checks";
import { requireOptions } from "../core/options";
import { requireModel } from "../core/tensors";
import { findLayer } from "./layers";

/**
 * The convolutional part of a sequential-style model (its layers up to and including `upTo`),
 * rebuilt for a different input height and width, with copies of the trained weights.
 * Convolutions and poolings do not care how large the image is (only dense layers do), so a
 * network trained on 28×28 digits can be run on a whole photo to see what its filters find there.
 */
export function withInputSize(
  model: tf.LayersModel,
  options: { height: number; width: number; upTo: string },
): tf.LayersModel {
  const caller = "withInputSize";
  requireModel(caller, model);
  const { height, width } = requireOptions<{ height: number; width: number; upTo: string }>(
    caller,
    options,
    ["height", "width", "upTo"],
    '{ height: 240, width: 256, upTo: "conv2" }',
    { required: true },
  );
  for (const [name, value] of [
    ["height", height],
    ["width", width],
  ] as const)
    requireWholeNumber(caller, name, value, 1, "Use the photo's size in pixels.");
  const last = findLayer(caller, model, options.upTo);
  const channels = model.inputs[0].shape[3];
  if (model.inputs[0].shape.length !== 4 || channels === null) {
    throw new Error(
      `${caller}: the model's input must be images [batch, height, width, channels], got [${model.inputs[0].shape}]. Use an image model.`,
    );
  }
  const registry = tf.serialization.SerializationMap.getMap().classNameMap;
  const input = tf.input({ shape: [height, width, channels] });
  let x: tf.SymbolicTensor = input;
  const copies: [tf.layers.Layer, tf.layers.Layer][] = [];
  for (const layer of model.layers.slice(0, model.layers.indexOf(last) + 1)) {
    const kind = layer.getClassName();
    if (kind === "InputLayer") continue;
    if (!/Conv|Pool|Activation|ReLU|BatchNormalization|Dropout|ZeroPadding/.test(kind)) {
      throw new Error(
        `${caller}: layer ${describeValue(layer.name)} (${kind}) depends on the input size; only convolution, pooling, activation and normalisation layers can be resized. Pick an earlier upTo.`,
      );
    }
    const config = { ...layer.getConfig() } as tf.serialization.ConfigDict;
    delete config["batchInputShape"];
    delete config["inputShape"];
    const [cls, fromConfig] = registry[kind];
    const copy = fromConfig(cls, config) as tf.layers.Layer;
    x = copy.apply(x) as tf.SymbolicTensor;
    copies.push([layer, copy]);
  }
  const resized = tf.model({ inputs: input, outputs: x, name: `${model.name}_${height}x${width}` });
  for (const [original, copy] of copies) copy.setWeights(original.getWeights());
  return resized;
}

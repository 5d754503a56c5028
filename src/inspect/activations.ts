import * as tf from "@tensorflow/tfjs";
import { describeValue } from "../core/checks";
import type { PixelImage } from "../core/image";
import { requireModel, requireTensor } from "../core/tensors";
import { batchToImages } from "../data/batch-images";
import { featureMapShape, findLayer } from "./layers";

/**
 * A model that returns the outputs (activations, 활성화) of the named layers of `model` for an
 * input, in the order of `layerNames`. By default: every layer whose output is a feature map
 * [batch, height, width, channels] (convolutions, activations, poolings). It shares the
 * weights of `model`; dispose only the original.
 */
export function activationModel(model: tf.LayersModel, layerNames?: string[]): tf.LayersModel {
  requireModel("activationModel", model);
  const names =
    layerNames ??
    model.layers.filter((l) => featureMapShape(l) && l.getClassName() !== "InputLayer").map((l) => l.name);
  if (!Array.isArray(names) || names.length === 0) {
    throw new Error(
      `activationModel: layerNames must be a non-empty array of layer names, got ${describeValue(layerNames)}. Pick from: ${model.layers.map((l) => l.name).join(", ")}.`,
    );
  }
  const outputs = names.map((name) => findLayer("activationModel", model, name).output as tf.SymbolicTensor);
  return tf.model({ inputs: model.inputs, outputs });
}

/** The activations of the named layers for one input batch, as tensors (dispose them). */
export function layerActivations(
  model: tf.LayersModel,
  input: tf.Tensor,
  layerNames?: string[],
): { name: string; activation: tf.Tensor }[] {
  const viewer = activationModel(model, layerNames);
  const expected = model.inputs[0].shape;
  if (
    !(input instanceof tf.Tensor) ||
    input.rank !== expected.length ||
    expected.some((d, i) => d !== null && d !== input.shape[i])
  ) {
    throw new Error(
      `layerActivations: input must be a batch of shape [${expected.map((d) => d ?? "n")}], got ${input instanceof tf.Tensor ? `[${input.shape}]` : typeof input}. ` +
        `Add the batch axis with x.expandDims(0), or resize the picture (withInputSize runs the convolutional part on other sizes).`,
    );
  }
  const names = viewer.outputs.map((o) => o.sourceLayer.name);
  const result = viewer.predict(input);
  const list = Array.isArray(result) ? result : [result];
  return list.map((activation, i) => ({ name: names[i], activation }));
}

/**
 * One gray image per channel of a feature map (the first picture of the batch), each
 * stretched to its own min–max by the image viewer. `maxChannels` keeps the first few.
 */
export function featureMapImages(activation: tf.Tensor, maxChannels = 16): PixelImage[] {
  requireTensor("featureMapImages", "activation", activation, 4, "[batch, height, width, channels]");
  return batchToImages(activation as tf.Tensor4D, { count: 1, eachChannel: true, maxChannels }, "featureMapImages");
}

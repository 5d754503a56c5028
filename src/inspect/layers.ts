import * as tf from "@tensorflow/tfjs";
import { describeValue } from "../core/checks";

// Finding layers of a model by name (internal helpers of the inspect folder).

export function layerNames(model: tf.LayersModel): string {
  return model.layers.map((l) => l.name).join(", ");
}

export function findLayer(caller: string, model: tf.LayersModel, name: unknown): tf.layers.Layer {
  if (typeof name !== "string") {
    throw new Error(
      `${caller}: layerName must be a string, got ${describeValue(name)}. Pick one of: ${layerNames(model)}.`,
    );
  }
  const layer = model.layers.find((l) => l.name === name);
  if (!layer)
    throw new Error(
      `${caller}: the model has no layer named ${describeValue(name)}. Pick one of: ${layerNames(model)}.`,
    );
  return layer;
}

/** A layer's output shape when it is a single 4-D feature map [batch, height, width, channels]. */
export function featureMapShape(layer: tf.layers.Layer): number[] | undefined {
  const shape = layer.outputShape;
  if (!Array.isArray(shape) || Array.isArray(shape[0])) return undefined;
  return shape.length === 4 ? (shape as number[]) : undefined;
}

export function requireFeatureMapLayer(caller: string, layer: tf.layers.Layer, model: tf.LayersModel): number[] {
  const shape = featureMapShape(layer);
  if (!shape) {
    const maps = model.layers.filter((l) => featureMapShape(l) && l.getClassName() !== "InputLayer").map((l) => l.name);
    throw new Error(
      `${caller}: layer ${describeValue(layer.name)} outputs shape ${describeValue(layer.outputShape)}, not a feature map [batch, height, width, channels]. ` +
        `Pick a convolution or pooling layer: ${maps.join(", ") || "(this model has none)"}.`,
    );
  }
  return shape;
}

/** The input as a batch of one image [1, h, w, c], checked against the model's input shape. */
export function asSingleBatch(caller: string, model: tf.LayersModel, image: unknown): tf.Tensor4D {
  const expected = model.inputs[0].shape; // [null, h, w, c]
  if (!(image instanceof tf.Tensor) || (image.rank !== 3 && image.rank !== 4)) {
    throw new Error(
      `${caller}: image must be a tensor [height, width, channels] or [1, height, width, channels], got ${image instanceof tf.Tensor ? `shape [${image.shape}]` : typeof image}. Convert the picture to a tensor first.`,
    );
  }
  const shape = image.rank === 3 ? [1, ...image.shape] : image.shape;
  if (shape[0] !== 1)
    throw new Error(
      `${caller}: image must hold one picture, got a batch of ${shape[0]}. Pick one with images.slice([i], [1]).`,
    );
  for (let d = 1; d < 4; d++) {
    if (expected[d] !== null && expected[d] !== shape[d]) {
      throw new Error(
        `${caller}: image has shape [${image.shape}] but the model expects [${expected.slice(1).map((v) => v ?? "any")}]. Resize the picture or pick a matching model.`,
      );
    }
  }
  return (image.rank === 3 ? image.expandDims(0) : image) as tf.Tensor4D;
}

import * as tf from "@tensorflow/tfjs";
import { requireNumber, requireWholeNumber } from "../core/checks";
import type { PixelImage } from "../core/image";
import { requireOptions } from "../core/options";
import { requireModel } from "../core/tensors";
import { findLayer, requireFeatureMapLayer } from "./layers";

export interface FilterVisualisationOptions {
  layerName: string;
  /** Channel of the layer's output to maximise. */
  filter: number;
  /** Gradient-ascent steps (default 40). */
  steps?: number;
  /** Size of each step, in pixel units after normalising the gradient (default 0.05). */
  stepSize?: number;
  /** Seed of the starting noise (default 1). */
  seed?: number;
}

export interface FilterVisualisation {
  /** The input that excites the filter most, in [0, 1]. */
  image: PixelImage;
  /** Mean activation of the filter after each step (first entry: the starting noise). */
  activations: number[];
}

/**
 * Filter visualisation (필터 시각화) by gradient ascent (경사 상승법) on the input: start from gray
 * noise and repeatedly nudge the pixels in the direction that raises the filter's mean
 * activation (gradient normalised to unit RMS, pixels kept in [0, 1]). The picture shows the
 * pattern the filter responds to.
 */
export function filterVisualisation(model: tf.LayersModel, options: FilterVisualisationOptions): FilterVisualisation {
  const caller = "filterVisualisation";
  requireModel(caller, model);
  requireOptions<FilterVisualisationOptions>(
    caller,
    options,
    ["layerName", "filter", "steps", "stepSize", "seed"],
    '{ layerName: "conv1", filter: 0 }',
    { required: true },
  );
  const layer = findLayer(caller, model, options.layerName);
  const shape = requireFeatureMapLayer(caller, layer, model);
  const channels = shape[3];
  requireWholeNumber(
    caller,
    "filter",
    options.filter,
    0,
    `Layer ${layer.name} has ${channels} channels.`,
    channels - 1,
  );
  const steps = requireWholeNumber(caller, "steps", options.steps ?? 40, 1, 40);
  const stepSize = requireNumber(caller, "stepSize", options.stepSize ?? 0.05, { above: 0, example: 0.05 });
  const inputShape = model.inputs[0].shape.slice(1);
  if (inputShape.some((d) => d === null)) {
    throw new Error(
      `${caller}: the model's input shape [${inputShape}] has unknown sizes; gradient ascent needs a fixed image size. Build the model with a fixed input shape.`,
    );
  }
  const featureModel = tf.model({ inputs: model.inputs, outputs: layer.output as tf.SymbolicTensor });
  const objective = (x: tf.Tensor) => {
    const maps = featureModel.apply(x) as tf.Tensor4D;
    return maps.slice([0, 0, 0, options.filter], [1, shape[1], shape[2], 1]).mean() as tf.Scalar;
  };
  const gradient = tf.grad(objective);
  let image = tf.tidy(() =>
    tf.randomUniform([1, ...(inputShape as number[])], 0.45, 0.55, "float32", options.seed ?? 1),
  );
  const activations: number[] = [];
  activations.push(tf.tidy(() => objective(image).dataSync()[0]));
  for (let step = 0; step < steps; step++) {
    const next = tf.tidy(() => {
      const g = gradient(image);
      const rms = g.square().mean().sqrt().add(1e-8);
      return image.add(g.div(rms).mul(stepSize)).clipByValue(0, 1);
    });
    image.dispose();
    image = next;
    activations.push(tf.tidy(() => objective(image).dataSync()[0]));
  }
  const [, height, width, depth] = image.shape;
  const data = image.dataSync() as Float32Array;
  image.dispose();
  return { image: { width, height, channels: depth as 1 | 3 | 4, data }, activations };
}

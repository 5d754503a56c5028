import * as tf from "@tensorflow/tfjs";
import { requireWholeNumber } from "../core/checks";
import { requireOptions } from "../core/options";
import { requireModel } from "../core/tensors";

/**
 * Sets every batch-norm layer's moving mean and variance to the exact statistics of its input on
 * `images` (in network order, so each layer sees inputs already normalised by the recalibrated
 * layers before it). Why: batch norm normalises with batch statistics while training but with
 * running averages (momentum 0.99 in tfjs) at inference; after a few hundred steps those averages
 * still remember their starting values, and a deep net can then score far worse at evaluation than
 * it did while training. Weights (γ, β, kernels) are not changed. Returns how many layers were set.
 */
export function recalibrateBatchNorm(
  model: tf.LayersModel,
  images: tf.Tensor4D,
  options: { batchSize?: number } = {},
): number {
  requireModel("recalibrateBatchNorm", model);
  if (!(images instanceof tf.Tensor) || images.rank !== 4 || images.shape[0] < 2) {
    throw new Error(
      `recalibrateBatchNorm: images must be a 4-D batch of at least 2 images, got shape [${images?.shape}]. Pass e.g. data.train.xs.slice(0, 1000).`,
    );
  }
  const { batchSize: size } = requireOptions<{ batchSize?: number }>(
    "recalibrateBatchNorm",
    options,
    ["batchSize"],
    "{ batchSize: 256 }",
  );
  const batchSize = requireWholeNumber("recalibrateBatchNorm", "batchSize", size ?? 256, 1, 256);
  const layers = model.layers.filter((l) => l.getClassName() === "BatchNormalization");
  for (const layer of layers) {
    const probe = tf.model({ inputs: model.inputs, outputs: layer.input as tf.SymbolicTensor });
    const [gamma, beta] = layer.getWeights();
    const [mean, variance] = tf.tidy(() => {
      const activations = probe.predict(images, { batchSize }) as tf.Tensor;
      const axes = activations.shape.map((_, i) => i).slice(0, -1); // every axis but channels
      const moments = tf.moments(activations, axes);
      return [moments.mean, moments.variance];
    });
    layer.setWeights([gamma, beta, mean, variance]);
    tf.dispose([mean, variance]);
  }
  return layers.length;
}

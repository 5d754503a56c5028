import * as tf from "@tensorflow/tfjs";
import { requireModel } from "../core/tensors";

export interface LayerGradientNorm {
  /** Name of the layer whose kernel this is. */
  layer: string;
  /** Position among the measured kernels, 1 = closest to the input. */
  index: number;
  /** Euclidean norm of ∂loss/∂kernel, divided by sqrt(number of weights) (a per-weight RMS, comparable across layer sizes). */
  rms: number;
}

/**
 * How large the gradient of the loss is at each convolution/dense kernel, from the input side to
 * the output side: the measurement behind "gradients fade in deep plain nets". Computes
 * categorical cross-entropy on (xs, ys) with BN in training mode, as during a training step
 * (so, like a step, it also nudges BN's moving statistics; the weights are not changed).
 */
export function kernelGradientNorms(model: tf.LayersModel, xs: tf.Tensor4D, ys: tf.Tensor2D): LayerGradientNorm[] {
  requireModel("kernelGradientNorms", model);
  if (
    !(xs instanceof tf.Tensor) ||
    xs.rank !== 4 ||
    !(ys instanceof tf.Tensor) ||
    ys.rank !== 2 ||
    xs.shape[0] !== ys.shape[0]
  ) {
    throw new Error(
      `kernelGradientNorms: xs must be a 4-D image batch and ys a 2-D one-hot batch with the same number of rows, got shapes ` +
        `[${xs?.shape}] and [${ys?.shape}]. Pass e.g. a split's xs.slice(0, 64) and ys.slice(0, 64).`,
    );
  }
  const kernels = model.layers.flatMap((layer) => {
    const cls = layer.getClassName();
    if (cls !== "Conv2D" && cls !== "DepthwiseConv2D" && cls !== "Dense") return [];
    const kernel = layer.trainableWeights[0];
    return kernel
      ? [
          {
            layer: layer.name,
            variable: kernel.read() as tf.Variable,
            size: kernel.shape.reduce((a: number, b) => a * (b ?? 1), 1),
          },
        ]
      : [];
  });
  if (kernels.length === 0) {
    throw new Error(
      "kernelGradientNorms: the model has no Conv2D, DepthwiseConv2D or Dense layer with weights. Pass a convolutional model.",
    );
  }
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(
      () => {
        const predicted = model.apply(xs, { training: true }) as tf.Tensor;
        // Categorical cross-entropy −mean Σ y·log p, as model.compile({ loss: "categoricalCrossentropy" }) computes it.
        return tf.neg(tf.mean(tf.sum(tf.mul(ys, tf.log(tf.clipByValue(predicted, 1e-7, 1))), -1))) as tf.Scalar;
      },
      kernels.map((k) => k.variable),
    );
    return kernels.map((k, i) => {
      const g = grads[k.variable.name];
      return { layer: k.layer, index: i + 1, rms: (g.norm().dataSync()[0] as number) / Math.sqrt(k.size) };
    });
  });
}

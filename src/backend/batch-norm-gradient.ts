import * as tf from "@tensorflow/tfjs";

/**
 * Gradient of FusedBatchNorm, y = (x − mean)·k + offset with k = scale/√(variance + ε),
 * written with three passes over x-sized tensors (x − mean, dy·(x − mean), dy·k) and two sums.
 * tfjs's own config makes about ten such passes plus a Tile, and was a tenth of a small VGG's
 * training step on wasm. Statistics are assumed to share mean's size, as tfjs's config does;
 * scale is always there (tfjs cannot record batchNorm for gradients without scale and offset).
 */
export const batchNormGradConfig: tf.GradConfig = {
  kernelName: "FusedBatchNorm",
  inputsToSave: ["x", "mean", "variance", "scale"],
  gradFunc: (dy, saved, attrs) => {
    if (Array.isArray(dy)) throw new Error("FusedBatchNorm gradient: expected one upstream gradient, got a list.");
    const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const epsilon = attrs.varianceEpsilon as number;
    const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const sumToStat = (t: tf.Tensor): tf.Tensor => tf.reshape(axes.length > 0 ? tf.sum(t, axes) : t, mean.shape);
    // Σdy and Σdy·(x − mean): the x-sized temporaries are freed here, only the sums are kept.
    const [sumDy, sumDyCentred] = tf.tidy(() => [sumToStat(dy), sumToStat(tf.mul(dy, tf.sub(x, mean)))]);
    const invStd = tf.rsqrt(tf.add(variance, epsilon));
    const k = tf.mul(invStd, tf.reshape(scale, mean.shape));
    return {
      x: () => tf.mul(dy, k),
      mean: () => tf.neg(tf.mul(k, sumDy)),
      variance: () => tf.reshape(tf.mul(tf.mul(tf.mul(k, tf.square(invStd)), sumDyCentred), -0.5), variance.shape),
      scale: () => tf.reshape(tf.mul(invStd, sumDyCentred), scale.shape),
      offset: () => tf.reshape(sumDy, mean.shape),
    };
  },
};

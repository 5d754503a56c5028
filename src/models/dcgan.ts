import * as tf from "@tensorflow/tfjs";
import { describeValue, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";

export interface DcganOptions {
  /** Length of the noise vector z the generator (생성자) starts from. */
  latentDim?: number;
  /** Channels of the widest convolution (the others have half as many). */
  filters?: number;
  /** Image side: 28 for MNIST (must be divisible by 4). */
  imageSize?: number;
  /** 1 = grayscale, 3 = RGB. */
  channels?: number;
  /**
   * Batch normalisation after the generator's hidden layers (default true): it keeps their
   * outputs at a steady scale, which makes the generator learn much faster. Generator only.
   */
  batchNorm?: boolean;
}

const KEYS = optionKeys<DcganOptions>()("latentDim", "filters", "imageSize", "channels", "batchNorm");

function resolve(caller: string, options: DcganOptions): Required<DcganOptions> {
  requireOptions<DcganOptions>(caller, options, KEYS, "{ latentDim: 32, filters: 64 }");
  const { latentDim = 32, filters = 64, imageSize = 28, channels = 1, batchNorm = true } = options ?? {};
  if (typeof batchNorm !== "boolean")
    throw new Error(`${caller}: batchNorm must be true or false, got ${describeValue(batchNorm)}.`);
  requireWholeNumber(caller, "latentDim", latentDim, 1, 32);
  requireWholeNumber(caller, "filters", filters, 2, 64);
  requireWholeNumber(caller, "imageSize", imageSize, 4, 28);
  requireWholeNumber(caller, "channels", channels, 1, 1);
  if (imageSize % 4 !== 0) {
    throw new Error(
      `${caller}: imageSize must be divisible by 4 (two stride-2 steps), got ${imageSize}. Use 28 for MNIST, or 32.`,
    );
  }
  if (filters % 2 !== 0)
    throw new Error(
      `${caller}: filters must be even (the narrow layer has filters / 2), got ${filters}. Try ${filters + 1}.`,
    );
  return { latentDim, filters, imageSize, channels, batchNorm };
}

/**
 * DCGAN generator (생성자): noise z [batch, latentDim] → image [batch, size, size, channels]
 * with pixels in [0, 1]. A dense layer makes a (size/4)² × filters map, then two stride-2
 * transposed convolutions (전치 합성곱) double the side twice: 7 → 14 → 28 for MNIST.
 */
export function dcganGenerator(options: DcganOptions = {}): tf.Sequential {
  const { latentDim, filters, imageSize, channels, batchNorm } = resolve("dcganGenerator", options);
  const side = imageSize / 4;
  const model = tf.sequential({ name: "generator" });
  model.add(tf.layers.dense({ inputShape: [latentDim], units: side * side * filters, name: "g_project" }));
  if (batchNorm) model.add(tf.layers.batchNormalization({ name: "g_project_bn" }));
  model.add(tf.layers.leakyReLU({ alpha: 0.2, name: "g_project_act" }));
  model.add(tf.layers.reshape({ targetShape: [side, side, filters], name: "g_reshape" }));
  model.add(
    tf.layers.conv2dTranspose({ filters: filters / 2, kernelSize: 4, strides: 2, padding: "same", name: "g_up1" }),
  );
  if (batchNorm) model.add(tf.layers.batchNormalization({ name: "g_up1_bn" }));
  model.add(tf.layers.leakyReLU({ alpha: 0.2, name: "g_up1_act" }));
  model.add(
    tf.layers.conv2dTranspose({
      filters: channels,
      kernelSize: 4,
      strides: 2,
      padding: "same",
      activation: "sigmoid",
      name: "g_image",
    }),
  );
  return model;
}

/**
 * DCGAN discriminator (판별자): image → one score (a logit; sigmoid(score) is the
 * probability that the image is real). Two stride-2 convolutions with leaky ReLU, then dense.
 */
export function dcganDiscriminator(options: DcganOptions = {}): tf.Sequential {
  const { filters, imageSize, channels } = resolve("dcganDiscriminator", options);
  const model = tf.sequential({ name: "discriminator" });
  model.add(
    tf.layers.conv2d({
      inputShape: [imageSize, imageSize, channels],
      filters: filters / 2,
      kernelSize: 4,
      strides: 2,
      padding: "same",
      name: "d_down1",
    }),
  );
  model.add(tf.layers.leakyReLU({ alpha: 0.2, name: "d_down1_act" }));
  model.add(tf.layers.conv2d({ filters, kernelSize: 4, strides: 2, padding: "same", name: "d_down2" }));
  model.add(tf.layers.leakyReLU({ alpha: 0.2, name: "d_down2_act" }));
  model.add(tf.layers.flatten({ name: "d_flatten" }));
  model.add(tf.layers.dense({ units: 1, name: "d_score" }));
  return model;
}

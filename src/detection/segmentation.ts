import * as tf from "@tensorflow/tfjs";
import { requireNumber, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { checkFiniteTensor, requireTensor } from "../core/tensors";

function sameShape(caller: string, predicted: tf.Tensor, truth: tf.Tensor): void {
  requireTensor(caller, "predicted", predicted);
  requireTensor(caller, "truth", truth);
  if (predicted.shape.join() !== truth.shape.join()) {
    throw new Error(
      `${caller}: predicted has shape [${predicted.shape.join(", ")}] but truth has shape [${truth.shape.join(", ")}]; they must match pixel for pixel. Check the model's output size.`,
    );
  }
  // A NaN pixel compares false with every threshold, so it would silently count as background.
  checkFiniteTensor(
    caller,
    "predicted",
    predicted,
    "Check the model's output (a NaN prediction means training diverged).",
  );
  checkFiniteTensor(caller, "truth", truth, "Masks hold 0 and 1.");
}

/**
 * Share of pixels whose predicted class (value ≥ threshold → 1, else 0) equals the true mask.
 */
export function pixelAccuracy(predicted: tf.Tensor, truth: tf.Tensor, threshold = 0.5): number {
  sameShape("pixelAccuracy", predicted, truth);
  requireNumber("pixelAccuracy", "threshold", threshold, { min: 0, max: 1, fix: "Use 0.5 for sigmoid outputs." });
  return tf.tidy(() => {
    const agree = tf.equal(tf.greaterEqual(predicted, threshold), tf.greaterEqual(truth, 0.5));
    return agree.cast("float32").mean().dataSync()[0];
  });
}

/**
 * IoU of two masks: pixels that are 1 in both, over pixels that are 1 in either (after
 * thresholding the prediction). Two empty masks agree perfectly: IoU 1.
 */
export function maskIoU(predicted: tf.Tensor, truth: tf.Tensor, threshold = 0.5): number {
  sameShape("maskIoU", predicted, truth);
  requireNumber("maskIoU", "threshold", threshold, { min: 0, max: 1, fix: "Use 0.5 for sigmoid outputs." });
  const [intersection, union] = tf.tidy(() => {
    const p = tf.greaterEqual(predicted, threshold);
    const t = tf.greaterEqual(truth, 0.5);
    return [
      tf.logicalAnd(p, t).cast("float32").sum().dataSync()[0],
      tf.logicalOr(p, t).cast("float32").sum().dataSync()[0],
    ];
  });
  return union === 0 ? 1 : intersection / union;
}

export interface SegmentationNetOptions {
  /** Input height and width; a multiple of 4 (default 32). */
  size?: number;
  /** Input channels (default 3). */
  channels?: number;
  /** Filters of the first block; deeper blocks use twice as many (default 16). */
  filters?: number;
}

/**
 * A small encoder–decoder (인코더–디코더) for binary segmentation: two conv + max-pool steps
 * shrink the image 4×, then a transposed convolution (learned upsampling) and a bilinear
 * upsampling bring it back; a skip connection (스킵 연결) concatenates the first block's
 * full-resolution features before the last convolutions, as U-Net does. Output: one sigmoid
 * channel, the probability that each pixel belongs to a shape. Not compiled.
 */
const NET_KEYS = optionKeys<SegmentationNetOptions>()("size", "channels", "filters");

export function tinySegmentationNet(options: SegmentationNetOptions = {}): tf.LayersModel {
  const caller = "tinySegmentationNet";
  requireOptions<SegmentationNetOptions>(caller, options, NET_KEYS, "{ size: 32, channels: 3 }");
  const size = requireWholeNumber(caller, "size", options.size ?? 32, 4, "Use e.g. 32.");
  if (size % 4 !== 0)
    throw new Error(
      `${caller}: size must be a multiple of 4 (two 2×2 poolings), got ${size}. Use e.g. ${Math.max(4, Math.round(size / 4) * 4)}.`,
    );
  const channels = requireWholeNumber(caller, "channels", options.channels ?? 3, 1, "Use 3 for RGB, 1 for gray.");
  const filters = requireWholeNumber(caller, "filters", options.filters ?? 16, 1, "Use e.g. 16.");
  const conv = (n: number, name: string, kernelSize = 3) =>
    tf.layers.conv2d({ filters: n, kernelSize, padding: "same", activation: "relu", name });
  const input = tf.input({ shape: [size, size, channels], name: "image" });
  const encoded1 = conv(filters, "enc1_conv").apply(input) as tf.SymbolicTensor;
  let x = tf.layers.maxPooling2d({ poolSize: 2, name: "enc1_pool" }).apply(encoded1) as tf.SymbolicTensor;
  x = conv(2 * filters, "enc2_conv").apply(x) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2, name: "enc2_pool" }).apply(x) as tf.SymbolicTensor;
  x = conv(2 * filters, "middle_conv").apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .conv2dTranspose({
      filters: filters,
      kernelSize: 2,
      strides: 2,
      padding: "same",
      activation: "relu",
      name: "dec1_transposed",
    })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .upSampling2d({ size: [2, 2], interpolation: "bilinear", name: "dec2_bilinear" })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers.concatenate({ name: "skip_concat" }).apply([x, encoded1]) as tf.SymbolicTensor;
  x = conv(filters, "dec2_conv").apply(x) as tf.SymbolicTensor;
  const output = tf.layers
    .conv2d({ filters: 1, kernelSize: 1, activation: "sigmoid", name: "mask" })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: "tiny_segmentation_net" });
}

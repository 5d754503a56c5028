import * as tf from "@tensorflow/tfjs";
import { PixelImage } from "../core/image";
import { requireWholeNumber } from "../core/checks";

/**
 * Images of a batch (NHWC, 1, 3 or 4 channels) as PixelImages for cl.imageGrid: the first
 * `count` of them (default all), read without changing or disposing the tensor.
 */
export function batchToImages(images: tf.Tensor4D, count?: number): PixelImage[] {
  if (!(images instanceof tf.Tensor) || images.rank !== 4) {
    const got = images instanceof tf.Tensor ? `shape [${(images as tf.Tensor).shape.join(", ")}]` : typeof images;
    throw new Error(`batchToImages: images must be a 4-D tensor [N, height, width, channels], got ${got}. Use image.expandDims(0) for one image.`);
  }
  const [n, height, width, channels] = images.shape;
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`batchToImages: images must have 1, 3 or 4 channels, got ${channels}. Show single channels with images.slice.`);
  }
  const take = requireWholeNumber("batchToImages", "count", count ?? n, 1, `The batch holds ${n} images.`, n);
  const values = tf.tidy(() => images.slice(0, take).dataSync()) as Float32Array;
  const size = height * width * channels;
  return Array.from({ length: take }, (_, i) => ({ height, width, channels: channels as 1 | 3 | 4, data: values.slice(i * size, (i + 1) * size) }));
}

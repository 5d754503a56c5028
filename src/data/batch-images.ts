// The one way a batch of images (or feature maps) becomes pictures: batchToImages gives PixelImages,
// which imageGrid shows, tileImages lays out as one sheet, and saveImage writes.
import * as tf from "@tensorflow/tfjs";
import { requireBoolean, requireWholeNumber } from "../core/checks";
import { PixelImage, tileImages, TileOptions } from "../core/image";
import { optionKeys, requireOptions } from "../core/options";
import { requireTensor } from "../core/tensors";

export interface BatchImagesOptions {
  /** How many images from the start of the batch (default all). */
  count?: number;
  /**
   * Each channel of each image as its own gray picture, as feature maps are shown (default false:
   * an image's 1, 3 or 4 channels are its gray, RGB or RGBA colours).
   */
  eachChannel?: boolean;
  /** With eachChannel, the first this many channels of each image (default all). */
  maxChannels?: number;
}

const KEYS = optionKeys<BatchImagesOptions>()("count", "eachChannel", "maxChannels");

/**
 * Images of a batch [N, height, width, channels] as PixelImages: the first `count` of them
 * (a number is the same as { count }), read without changing or disposing the tensor.
 */
export function batchToImages(
  images: tf.Tensor4D,
  options: number | BatchImagesOptions = {},
  caller = "batchToImages",
): PixelImage[] {
  requireTensor(caller, "images", images, 4, "[N, height, width, channels]");
  const o =
    typeof options === "number"
      ? { count: options }
      : requireOptions<BatchImagesOptions>(caller, options, KEYS, "{ count: 16 }");
  const [n, height, width, channels] = images.shape;
  const take = requireWholeNumber(caller, "count", o.count ?? n, 1, `The batch holds ${n} images.`, n);
  const eachChannel = requireBoolean(caller, "eachChannel", o.eachChannel ?? false);
  if (!eachChannel && channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(
      `${caller}: images must have 1, 3 or 4 channels to be shown in colour, got ${channels}. Pass { eachChannel: true } to show each channel as a gray picture.`,
    );
  }
  const shown = eachChannel
    ? Math.min(channels, requireWholeNumber(caller, "maxChannels", o.maxChannels ?? channels, 1, 16))
    : channels;
  const values = tf.tidy(() => images.slice([0, 0, 0, 0], [take, height, width, shown]).dataSync()) as Float32Array;
  const size = height * width * shown;
  if (!eachChannel)
    return Array.from({ length: take }, (_, i) => ({
      height,
      width,
      channels: shown as 1 | 3 | 4,
      data: values.slice(i * size, (i + 1) * size),
    }));
  const pictures: PixelImage[] = [];
  for (let i = 0; i < take; i++) {
    for (let c = 0; c < shown; c++) {
      const data = new Float32Array(height * width);
      for (let p = 0; p < height * width; p++) data[p] = values[i * size + p * shown + c];
      pictures.push({ width, height, channels: 1, data });
    }
  }
  return pictures;
}

/**
 * A batch [N, height, width, channels] as one picture, `columns` per row with `gap` pixels of
 * `gapValue` between them (e.g. 16 generated digits as a 4 × 4 sheet, to show or save).
 */
export function imageMosaic(batch: tf.Tensor4D, options: TileOptions = {}): PixelImage {
  return tileImages(batchToImages(batch, {}, "imageMosaic"), options, "imageMosaic");
}

import * as tf from "@tensorflow/tfjs";

/** An image as numbers (the same shape as the viz module's PixelImage). */
export interface MosaicImage {
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: Float32Array;
}

/**
 * Lays a batch of images [n, h, w, c] out as one picture: `columns` per row, `gap` pixels of
 * value `gapValue` between them (e.g. 16 generated digits as a 4 × 4 sheet, to show or save).
 */
export function imageMosaic(batch: tf.Tensor4D, options: { columns?: number; gap?: number; gapValue?: number } = {}): MosaicImage {
  if (!(batch instanceof tf.Tensor) || batch.rank !== 4 || batch.isDisposed) {
    throw new Error(`imageMosaic: batch must be a live 4-D tensor [images, height, width, channels], got ${batch instanceof tf.Tensor ? `rank ${batch.rank}` : typeof batch}.`);
  }
  const [n, h, w, c] = batch.shape;
  if (c !== 1 && c !== 3 && c !== 4) throw new Error(`imageMosaic: images must have 1, 3 or 4 channels, got ${c}. Pass NHWC images.`);
  const { columns = Math.ceil(Math.sqrt(n)), gap = 2, gapValue = 0.5 } = options ?? {};
  if (!Number.isInteger(columns) || columns < 1) throw new Error(`imageMosaic: columns must be a whole number ≥ 1, got ${columns}. Try ${Math.ceil(Math.sqrt(n))}.`);
  if (!Number.isInteger(gap) || gap < 0) throw new Error(`imageMosaic: gap must be a whole number ≥ 0, got ${gap}. Try 2.`);
  if (!Number.isFinite(gapValue)) throw new Error(`imageMosaic: gapValue must be a finite number, got ${gapValue}. Try 0.5.`);
  const rows = Math.ceil(n / columns);
  const width = columns * w + (columns - 1) * gap;
  const height = rows * h + (rows - 1) * gap;
  const pixels = batch.dataSync();
  const data = new Float32Array(width * height * c).fill(gapValue);
  for (let k = 0; k < n; k++) {
    const top = Math.floor(k / columns) * (h + gap);
    const left = (k % columns) * (w + gap);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let ch = 0; ch < c; ch++) {
          data[((top + y) * width + left + x) * c + ch] = pixels[((k * h + y) * w + x) * c + ch];
        }
      }
    }
  }
  return { width, height, channels: c as 1 | 3 | 4, data };
}

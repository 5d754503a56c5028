import * as tf from "@tensorflow/tfjs";
import { checkMatrix, requireNumber } from "../core/checks";
import { checkPixelImage, PixelImage } from "../core/image";

/** A blue → cyan → green → yellow → red colour for t in [0, 1] (a "jet"-like map). */
export function heatColour(t: number): [number, number, number] {
  const v = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const channel = (centre: number) => Math.min(1, Math.max(0, 1.5 - Math.abs(4 * v - centre)));
  return [channel(3), channel(2), channel(1)];
}

/**
 * The image with a heatmap laid over it (e.g. a Grad-CAM map): the heatmap is resized to the
 * image with bilinear interpolation, coloured blue (0) to red (1) and blended with weight
 * `alpha`. Returns RGB in [0, 1].
 */
export function overlayHeatmap(image: PixelImage, heatmap: number[][], alpha = 0.45): PixelImage {
  checkPixelImage("overlayHeatmap", image);
  checkMatrix("overlayHeatmap", "heatmap", heatmap);
  requireNumber("overlayHeatmap", "alpha", alpha, {
    min: 0,
    max: 1,
    fix: "Use e.g. 0.45 (0 = only the image, 1 = only the heatmap).",
  });
  const { width, height, channels, data } = image;
  const resized = tf.tidy(() => {
    const map = tf.tensor2d(heatmap).expandDims(2) as tf.Tensor3D;
    return tf.image.resizeBilinear(map, [height, width], false, true).dataSync() as Float32Array;
  });
  let max = 0;
  for (let i = 0; i < data.length; i++) max = Math.max(max, data[i]);
  const scale = max > 1 ? 1 / 255 : 1;
  const out = new Float32Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    const colour = heatColour(resized[p]);
    for (let c = 0; c < 3; c++) {
      const base = data[p * channels + (channels === 1 ? 0 : c)] * scale;
      out[p * 3 + c] = (1 - alpha) * base + alpha * colour[c];
    }
  }
  return { width, height, channels: 3, data: out };
}

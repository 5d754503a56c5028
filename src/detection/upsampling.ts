import { checkMatrix, describeValue, requireWholeNumber } from "../core/checks";
import { requireOptions } from "../core/options";

function validateFactor(caller: string, factor: unknown): number {
  return requireWholeNumber(caller, "factor", factor, 1, "Use 2 to double the height and width.");
}

/**
 * Nearest-neighbour upsampling (최근접 이웃 업샘플링) of a 2-D array by a whole factor: every value
 * becomes a factor × factor block. Same as tf.image.resizeNearestNeighbor for whole factors.
 */
export function upsampleNearest(matrix: number[][], factor: number): number[][] {
  checkMatrix("upsampleNearest", "matrix", matrix);
  const [rows, columns] = [matrix.length, matrix[0].length];
  validateFactor("upsampleNearest", factor);
  return Array.from({ length: rows * factor }, (_, r) =>
    Array.from({ length: columns * factor }, (_, c) => matrix[Math.floor(r / factor)][Math.floor(c / factor)]),
  );
}

export interface BilinearOptions {
  /**
   * true (default): output pixel centres are mapped onto input pixel centres,
   * source = (i + 0.5) / factor − 0.5, as PyTorch (align_corners=False) and OpenCV do;
   * false: source = i / factor, tfjs's default for tf.image.resizeBilinear and
   * tf.layers.upSampling2d({interpolation: "bilinear"}).
   */
  halfPixelCenters?: boolean;
}

/**
 * Bilinear upsampling (쌍선형 보간) of a 2-D array by a whole factor: each output value is a
 * weighted mean of the 4 nearest input values, weighted by closeness (source positions are
 * clamped to the array, so the border repeats). Matches tf.image.resizeBilinear.
 */
export function upsampleBilinear(matrix: number[][], factor: number, options: BilinearOptions = {}): number[][] {
  requireOptions<BilinearOptions>("upsampleBilinear", options, ["halfPixelCenters"], "{ halfPixelCenters: false }");
  checkMatrix("upsampleBilinear", "matrix", matrix);
  const [rows, columns] = [matrix.length, matrix[0].length];
  validateFactor("upsampleBilinear", factor);
  const half = options.halfPixelCenters ?? true;
  if (typeof half !== "boolean") {
    throw new Error(`upsampleBilinear: options.halfPixelCenters must be true or false, got ${describeValue(half)}.`);
  }
  const source = (i: number, size: number) => {
    const s = half ? (i + 0.5) / factor - 0.5 : i / factor;
    const clamped = Math.min(Math.max(s, 0), size - 1);
    const low = Math.floor(clamped);
    return { low, high: Math.min(low + 1, size - 1), t: clamped - low };
  };
  return Array.from({ length: rows * factor }, (_, r) => {
    const v = source(r, rows);
    return Array.from({ length: columns * factor }, (_, c) => {
      const u = source(c, columns);
      const top = matrix[v.low][u.low] * (1 - u.t) + matrix[v.low][u.high] * u.t;
      const bottom = matrix[v.high][u.low] * (1 - u.t) + matrix[v.high][u.high] * u.t;
      return top * (1 - v.t) + bottom * v.t;
    });
  });
}

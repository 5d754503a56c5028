/**
 * Resampling of NHWC pixel arrays through a per-image projective map, in plain JavaScript.
 * (tfjs 4.22's cpu kernel for tf.image.transform only fills the first image of a batch,
 * and doing it here gives the same numbers on every backend.)
 */
export type SamplerFillMode = "constant" | "nearest" | "reflect" | "wrap";

/** Where a coordinate outside [0, len − 1] reads from, for each fill mode. */
export function mapCoordinate(coordinate: number, len: number, mode: SamplerFillMode): number {
  if (mode === "constant") return coordinate;
  if (len <= 1) return 0;
  let x = coordinate;
  if (mode === "reflect") {
    // (d c b a | a b c d | d c b a): period 2·len, mirrored about the outer edge of the last pixel.
    const period = 2 * len;
    x = x - period * Math.floor(x / period);
    if (x > len - 0.5) x = period - 1 - x;
  } else if (mode === "wrap") {
    // (a b c d | a b c d | a b c d): period len.
    x = x - len * Math.floor(x / len);
  }
  return Math.min(len - 1, Math.max(0, x));
}

/**
 * Output pixel (x, y) of image b reads input point (m0·x + m1·y + m2, m3·x + m4·y + m5)
 * (divided by m6·x + m7·y + 1), with `matrices` holding 8 numbers per image.
 */
export function sampleProjective(
  input: Float32Array,
  shape: [number, number, number, number],
  matrices: ArrayLike<number>,
  interpolation: "nearest" | "bilinear",
  fillMode: SamplerFillMode,
  fillValue: number,
): Float32Array {
  const [n, height, width, channels] = shape;
  const out = new Float32Array(n * height * width * channels);
  const imageSize = height * width * channels;
  const read = (base: number, y: number, x: number, c: number): number =>
    y >= 0 && y < height && x >= 0 && x < width ? input[base + (y * width + x) * channels + c] : fillValue;
  for (let b = 0; b < n; b++) {
    const m = b * 8;
    const base = b * imageSize;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const k = matrices[m + 6] * x + matrices[m + 7] * y + 1;
        const at = base + (y * width + x) * channels;
        if (k === 0) {
          for (let c = 0; c < channels; c++) out[at + c] = fillValue;
          continue;
        }
        const inX = mapCoordinate((matrices[m] * x + matrices[m + 1] * y + matrices[m + 2]) / k, width, fillMode);
        const inY = mapCoordinate((matrices[m + 3] * x + matrices[m + 4] * y + matrices[m + 5]) / k, height, fillMode);
        if (interpolation === "nearest") {
          const rx = Math.round(inX);
          const ry = Math.round(inY);
          for (let c = 0; c < channels; c++) out[at + c] = read(base, ry, rx, c);
        } else {
          const x0 = Math.floor(inX);
          const y0 = Math.floor(inY);
          const fx = inX - x0;
          const fy = inY - y0;
          for (let c = 0; c < channels; c++) {
            const top = (1 - fx) * read(base, y0, x0, c) + (fx === 0 ? 0 : fx * read(base, y0, x0 + 1, c));
            const bottom =
              fy === 0 ? 0 : (1 - fx) * read(base, y0 + 1, x0, c) + (fx === 0 ? 0 : fx * read(base, y0 + 1, x0 + 1, c));
            out[at + c] = (1 - fy) * top + fy * bottom;
          }
        }
      }
    }
  }
  return out;
}

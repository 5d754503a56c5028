// The course's picture type and what every folder does with it: check it, build it from arrays,
// tile several into one, turn it into RGBA bytes. No file formats here (see data/image-io.ts).
import { describeValue, requireNumber, requireWholeNumber } from "./checks";
import { requireOptions } from "./options";

/**
 * An image as numbers: height x width (grayscale) or height x width x channels
 * (1, 3 = RGB, 4 = RGBA), row-major, like a tfjs HWC tensor's data.
 */
export interface PixelImage {
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: ArrayLike<number>;
}

/**
 * How numbers become 0–255 bytes:
 * - "auto": values in [0, 1] are scaled by 255, values in [0, 255] are used as they are,
 *   anything else is stretched min→0, max→255 (e.g. filter responses);
 * - "unit": [0, 1] → [0, 255]; "byte": used as they are; "minmax": always stretched.
 */
export type PixelScale = "auto" | "unit" | "byte" | "minmax";

const SCALES: readonly PixelScale[] = ["auto", "unit", "byte", "minmax"];

/** Throws unless image is a PixelImage whose data has width·height·channels finite numbers. */
export function checkPixelImage(caller: string, image: unknown, name = "image"): asserts image is PixelImage {
  const img = image as PixelImage;
  if (img === null || typeof img !== "object" || !img.data || typeof img.data.length !== "number") {
    throw new Error(
      `${caller}: ${name} must be a PixelImage { width, height, channels, data }, got ${describeValue(image)}. Make one with loadImage(path), tensorToImage(t) or pixelImageFromArray(rows).`,
    );
  }
  if (!Number.isInteger(img.width) || img.width < 1 || !Number.isInteger(img.height) || img.height < 1) {
    throw new Error(
      `${caller}: ${name} width and height must be whole numbers ≥ 1, got ${describeValue(img.width)}x${describeValue(img.height)}. Give the image's real size.`,
    );
  }
  if (img.channels !== 1 && img.channels !== 3 && img.channels !== 4) {
    throw new Error(
      `${caller}: ${name} channels must be 1 (gray), 3 (RGB) or 4 (RGBA), got ${describeValue(img.channels)}.`,
    );
  }
  const needed = img.width * img.height * img.channels;
  if (img.data.length !== needed) {
    throw new Error(
      `${caller}: ${name} data has ${img.data.length} values but ${img.height}x${img.width}x${img.channels} needs ${needed}. Check the shape, or pass channels to match the data.`,
    );
  }
  for (let i = 0; i < needed; i++) {
    const v = img.data[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      const c = i % img.channels;
      const p = (i - c) / img.channels;
      throw new Error(
        `${caller}: ${name} value at row ${Math.floor(p / img.width)}, column ${p % img.width}, channel ${c} is ${describeValue(v)}; pixels must be finite numbers. Replace NaN/Infinity (e.g. with 0) first.`,
      );
    }
  }
}

/** Builds a PixelImage from nested arrays: number[][] (gray) or number[][][] (HWC). */
export function pixelImageFromArray(rows: number[][] | number[][][]): PixelImage {
  const caller = "pixelImageFromArray";
  if (!Array.isArray(rows) || rows.length === 0 || !Array.isArray(rows[0]) || rows[0].length === 0) {
    throw new Error(
      `${caller}: rows must be a non-empty array of non-empty rows (number[][] or number[][][]), got ${describeValue(rows)}. Pass e.g. [[0, 1], [1, 0]].`,
    );
  }
  const height = rows.length;
  const width = rows[0].length;
  const first = rows[0][0];
  const channels = Array.isArray(first) ? first.length : 1;
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(
      `${caller}: each pixel must have 1, 3 or 4 channels, got ${channels}. Use gray (number[][]), RGB or RGBA.`,
    );
  }
  const data = new Float32Array(height * width * channels);
  rows.forEach((row: unknown, y) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new Error(
        `${caller}: row ${y} has ${Array.isArray(row) ? row.length : "no"} pixels, but row 0 has ${width}. All rows must have the same width.`,
      );
    }
    row.forEach((pixel: unknown, x) => {
      const values = Array.isArray(pixel) ? pixel : [pixel];
      if (values.length !== channels || Array.isArray(pixel) !== Array.isArray(first)) {
        throw new Error(
          `${caller}: pixel (${y}, ${x}) is ${describeValue(pixel)}, but pixel (0, 0) has ${channels} channel(s). All pixels must have the same number of channels.`,
        );
      }
      values.forEach((v: unknown, c) => {
        if (typeof v !== "number" || !Number.isFinite(v)) {
          throw new Error(
            `${caller}: pixel (${y}, ${x}) channel ${c} is ${describeValue(v)}; pixels must be finite numbers. Replace it (e.g. with 0).`,
          );
        }
        data[(y * width + x) * channels + c] = v;
      });
    });
  });
  return { width, height, channels: channels as 1 | 3 | 4, data };
}

function byteMapper(data: ArrayLike<number>, scale: PixelScale): (v: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < min) min = data[i];
    if (data[i] > max) max = data[i];
  }
  let mode = scale;
  if (mode === "auto") mode = min >= 0 && max <= 1 ? "unit" : min >= 0 && max <= 255 ? "byte" : "minmax";
  if (mode === "unit") return (v) => v * 255;
  if (mode === "byte") return (v) => v;
  const span = max - min || 1;
  return (v) => ((v - min) / span) * 255;
}

/** RGBA bytes of an image, enlarged `zoom` times with nearest-neighbour (crisp pixels). */
export function toRgba(
  image: PixelImage,
  scale: PixelScale = "auto",
  zoom = 1,
): { data: Buffer; width: number; height: number } {
  checkPixelImage("toRgba", image);
  if (!SCALES.includes(scale))
    throw new Error(
      `toRgba: scale must be one of ${SCALES.map((s) => `"${s}"`).join(", ")}, got ${describeValue(scale)}.`,
    );
  requireWholeNumber("toRgba", "zoom", zoom, 1, "Use 1 for the original size.");
  const { width, height, channels, data } = image;
  const toByte = byteMapper(data, scale);
  const outW = width * zoom;
  const outH = height * zoom;
  const out = Buffer.alloc(outW * outH * 4);
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(toByte(v))));
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const src = (Math.floor(y / zoom) * width + Math.floor(x / zoom)) * channels;
      const dst = (y * outW + x) * 4;
      if (channels === 1) {
        out[dst] = out[dst + 1] = out[dst + 2] = clamp(data[src]);
        out[dst + 3] = 255;
      } else {
        out[dst] = clamp(data[src]);
        out[dst + 1] = clamp(data[src + 1]);
        out[dst + 2] = clamp(data[src + 2]);
        out[dst + 3] = channels === 4 ? clamp(data[src + 3]) : 255;
      }
    }
  }
  return { data: out, width: outW, height: outH };
}

export interface TileOptions {
  /** Images per row (default: ceil(√n), a square sheet). */
  columns?: number;
  /** Pixels between images (default 2). */
  gap?: number;
  /** Value of the gap pixels (default 0.5, mid-gray for [0, 1] images). */
  gapValue?: number;
}

/** Lays images of one size and channel count out as one picture, `columns` per row. */
export function tileImages(images: PixelImage[], options: TileOptions = {}, caller = "tileImages"): PixelImage {
  requireOptions<TileOptions>(caller, options, ["columns", "gap", "gapValue"], "{ columns: 4, gap: 2 }");
  if (!Array.isArray(images) || images.length === 0)
    throw new Error(`${caller}: images must be a non-empty array of PixelImage, got ${describeValue(images)}.`);
  images.forEach((image, i) => checkPixelImage(caller, image, `images[${i}]`));
  const { width: w, height: h, channels: c } = images[0];
  images.forEach((image, i) => {
    if (image.width !== w || image.height !== h || image.channels !== c) {
      throw new Error(
        `${caller}: images[${i}] is ${image.height}x${image.width}x${image.channels} but images[0] is ${h}x${w}x${c}. Tile images of one size.`,
      );
    }
  });
  const n = images.length;
  const columns = requireWholeNumber(
    caller,
    "columns",
    options.columns ?? Math.ceil(Math.sqrt(n)),
    1,
    `Try ${Math.ceil(Math.sqrt(n))}.`,
  );
  const gap = requireWholeNumber(caller, "gap", options.gap ?? 2, 0, "Try 2.");
  const gapValue = requireNumber(caller, "gapValue", options.gapValue ?? 0.5, { fix: "Try 0.5." });
  const rows = Math.ceil(n / columns);
  const width = columns * w + (columns - 1) * gap;
  const height = rows * h + (rows - 1) * gap;
  const data = new Float32Array(width * height * c).fill(gapValue);
  images.forEach((image, k) => {
    const top = Math.floor(k / columns) * (h + gap);
    const left = (k % columns) * (w + gap);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w * c; x++) data[((top + y) * width + left) * c + x] = image.data[y * w * c + x];
    }
  });
  return { width, height, channels: c, data };
}

import { Jimp } from "jimp";
import { currentDisplay } from "./display";

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

/** Builds a PixelImage from nested arrays: number[][] (gray) or number[][][] (HWC). */
export function pixelImageFromArray(rows: number[][] | number[][][]): PixelImage {
  if (!Array.isArray(rows) || rows.length === 0 || !Array.isArray(rows[0]) || rows[0].length === 0) {
    throw new Error("pixelImageFromArray: rows must be a non-empty array of non-empty rows (number[][] or number[][][]). Pass e.g. [[0, 1], [1, 0]].");
  }
  const height = rows.length;
  const width = rows[0].length;
  const first = rows[0][0];
  const channels = Array.isArray(first) ? first.length : 1;
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`pixelImageFromArray: each pixel must have 1, 3 or 4 channels, got ${channels}. Use gray (number[][]), RGB or RGBA.`);
  }
  const data = new Float32Array(height * width * channels);
  rows.forEach((row, y) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new Error(`pixelImageFromArray: row ${y} has ${Array.isArray(row) ? row.length : "no"} pixels, but row 0 has ${width}. All rows must have the same width.`);
    }
    row.forEach((pixel, x) => {
      const values = Array.isArray(pixel) ? pixel : [pixel];
      if (values.length !== channels) {
        throw new Error(`pixelImageFromArray: pixel (${y}, ${x}) has ${values.length} channels, but pixel (0, 0) has ${channels}. All pixels must have the same number of channels.`);
      }
      values.forEach((v, c) => (data[(y * width + x) * channels + c] = v));
    });
  });
  return { width, height, channels: channels as 1 | 3 | 4, data };
}

function validateImage(image: PixelImage, caller: string): void {
  const { width, height, channels, data } = image ?? ({} as PixelImage);
  if (!Number.isInteger(width) || width <= 0 || !Number.isInteger(height) || height <= 0) {
    throw new Error(`${caller}: width and height must be positive integers, got ${width}x${height}. Give the image's real size.`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`${caller}: channels must be 1, 3 or 4, got ${channels}. Use 1 for gray, 3 for RGB, 4 for RGBA.`);
  }
  if (!data || data.length !== width * height * channels) {
    throw new Error(`${caller}: data has ${data?.length} values but ${height}x${width}x${channels} needs ${width * height * channels}. Check the shape, or pass channels to match the data.`);
  }
}

function byteMapper(data: ArrayLike<number>, scale: PixelScale): (v: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) throw new Error(`toRgba: pixel value at index ${i} is ${v}; images must hold finite numbers. Replace NaN/Infinity before showing.`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let mode = scale;
  if (mode === "auto") mode = min >= 0 && max <= 1 ? "unit" : min >= 0 && max <= 255 ? "byte" : "minmax";
  if (mode === "unit") return (v) => v * 255;
  if (mode === "byte") return (v) => v;
  const span = max - min || 1;
  return (v) => ((v - min) / span) * 255;
}

/** RGBA bytes of an image, enlarged `zoom` times with nearest-neighbour (crisp pixels). */
export function toRgba(image: PixelImage, scale: PixelScale = "auto", zoom = 1): { data: Buffer; width: number; height: number } {
  validateImage(image, "toRgba");
  if (!Number.isInteger(zoom) || zoom < 1) {
    throw new Error(`toRgba: zoom must be a whole number ≥ 1, got ${zoom}. Use 1 for the original size.`);
  }
  const { width, height, channels, data } = image;
  const toByte = byteMapper(data, scale);
  const outW = width * zoom;
  const outH = height * zoom;
  const out = Buffer.alloc(outW * outH * 4);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const src = (Math.floor(y / zoom) * width + Math.floor(x / zoom)) * channels;
      const dst = (y * outW + x) * 4;
      const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(toByte(v))));
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

/** Encodes an image as PNG bytes. */
export async function toPng(image: PixelImage, options: { scale?: PixelScale; zoom?: number } = {}): Promise<Buffer> {
  const bitmap = toRgba(image, options.scale ?? "auto", options.zoom ?? 1);
  return Jimp.fromBitmap(bitmap).getBuffer("image/png");
}

/** A zoom that makes a small image at least `minSide` pixels on its short side. */
export function autoZoom(image: PixelImage, minSide = 112): number {
  return Math.max(1, Math.ceil(minSide / Math.min(image.width, image.height)));
}

/** Shows one image in the notebook (small images are enlarged with crisp pixels). */
export async function showImage(image: PixelImage, options: { scale?: PixelScale; zoom?: number } = {}): Promise<void> {
  validateImage(image, "showImage");
  const png = await toPng(image, { scale: options.scale, zoom: options.zoom ?? autoZoom(image) });
  currentDisplay().png(png);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface ImageGridOptions {
  /** Caption under each image. */
  labels?: string[];
  /** Images per row (default: up to 8). */
  columns?: number;
  /** Pixel zoom of every image (default: enough to make small images readable). */
  zoom?: number;
  /** Each image is scaled on its own (default) — see PixelScale. */
  scale?: PixelScale;
  title?: string;
}

/** The HTML of a grid of images with captions (PNG data URLs: works offline and in saved notebooks). */
export async function imageGridHtml(images: PixelImage[], options: ImageGridOptions = {}): Promise<string> {
  if (!Array.isArray(images) || images.length === 0) {
    throw new Error(`imageGrid: images must be a non-empty array of PixelImage, got ${Array.isArray(images) ? "an empty array" : typeof images}. Pass at least one image.`);
  }
  if (options.labels && options.labels.length !== images.length) {
    throw new Error(`imageGrid: labels has ${options.labels.length} entries but there are ${images.length} images. Give one label per image, or none.`);
  }
  const columns = options.columns ?? Math.min(8, images.length);
  if (!Number.isInteger(columns) || columns < 1) {
    throw new Error(`imageGrid: columns must be a whole number ≥ 1, got ${columns}.`);
  }
  const cells = await Promise.all(
    images.map(async (image, i) => {
      validateImage(image, `imageGrid (image ${i})`);
      const zoom = options.zoom ?? autoZoom(image, 84);
      const png = await toPng(image, { scale: options.scale, zoom });
      const label = options.labels ? `<div style="font:12px sans-serif;text-align:center">${escapeHtml(options.labels[i])}</div>` : "";
      return `<div style="display:inline-block;margin:3px;vertical-align:top"><img style="image-rendering:pixelated;display:block" src="data:image/png;base64,${png.toString("base64")}"/>${label}</div>`;
    }),
  );
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(`<div>${cells.slice(i, i + columns).join("")}</div>`);
  const title = options.title ? `<div style="font:bold 14px sans-serif;margin:4px 0">${escapeHtml(options.title)}</div>` : "";
  return `<div class="convnet-grid">${title}${rows.join("")}</div>`;
}

/** Shows a grid of images with optional captions. */
export async function imageGrid(images: PixelImage[], options: ImageGridOptions = {}): Promise<void> {
  currentDisplay().html(await imageGridHtml(images, options));
}

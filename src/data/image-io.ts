import * as tf from "@tensorflow/tfjs";
import * as fs from "fs";
import { Jimp } from "jimp";
import * as path from "path";
import { describeValue, requireWholeNumber } from "../core/checks";
import { checkPixelImage, PixelImage, PixelScale, toRgba } from "../core/image";
import { requireOptions } from "../core/options";

// Image files in and out (jimp), and conversions between PixelImage, nested arrays and tfjs tensors.

/** ITU-R BT.601 luma weights: how bright red, green and blue look to the eye. */
export const LUMA_WEIGHTS: readonly [number, number, number] = [0.299, 0.587, 0.114];

function checkChannels(caller: string, channels: unknown): asserts channels is 1 | 3 | 4 {
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`${caller}: channels must be 1 (gray), 3 (RGB) or 4 (RGBA), got ${describeValue(channels)}.`);
  }
}

/** Throws unless the folder a file is to be written into exists (a typo there should not create stray folders). */
function requireFolderFor(caller: string, file: string): void {
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder))
    throw new Error(
      `${caller}: the folder ${folder} does not exist, so ${path.basename(file)} cannot be written there. Check the path, or create the folder first (fs.mkdirSync(folder, { recursive: true })).`,
    );
  if (!fs.statSync(folder).isDirectory())
    throw new Error(
      `${caller}: ${folder} is a file, not a folder, so ${path.basename(file)} cannot be written inside it. Pick another path.`,
    );
}

/** RGBA bytes (jimp's bitmap) to an image with 1, 3 or 4 channels, values 0–255. */
function fromRgba(rgba: ArrayLike<number>, width: number, height: number, channels: 1 | 3 | 4): PixelImage {
  const data = new Float32Array(width * height * channels);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b, a] = [rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2], rgba[4 * i + 3]];
    if (channels === 1) data[i] = LUMA_WEIGHTS[0] * r + LUMA_WEIGHTS[1] * g + LUMA_WEIGHTS[2] * b;
    else {
      data[channels * i] = r;
      data[channels * i + 1] = g;
      data[channels * i + 2] = b;
      if (channels === 4) data[4 * i + 3] = a;
    }
  }
  return { width, height, channels, data };
}

/**
 * Reads a PNG, JPEG, BMP, GIF or TIFF file into numbers 0–255, height × width × channels
 * (HWC, row by row). channels: 3 = RGB (default), 1 = gray (BT.601 luma), 4 = RGBA.
 */
export async function loadImage(file: string, options: { channels?: 1 | 3 | 4 } = {}): Promise<PixelImage> {
  if (typeof file !== "string" || file === "")
    throw new Error(
      `loadImage: file must be a path to an image file, got ${describeValue(file)}. Pass e.g. "../datasets/images/fruits.jpg".`,
    );
  requireOptions<{ channels?: 1 | 3 | 4 }>("loadImage", options, ["channels"], "{ channels: 1 }");
  const channels = options.channels ?? 3;
  checkChannels("loadImage", channels);
  if (!fs.existsSync(file)) {
    throw new Error(
      `loadImage: no file at ${describeValue(file)} (resolved to ${path.resolve(file)}). Check the path; lessons run from the notebooks/ folder, so photos are at "../datasets/images/…".`,
    );
  }
  if (fs.statSync(file).isDirectory())
    throw new Error(
      `loadImage: ${path.resolve(file)} is a folder, not an image file. Pass the path of a .png or .jpg file inside it.`,
    );
  let picture: Awaited<ReturnType<typeof Jimp.read>>;
  try {
    picture = await Jimp.read(file);
  } catch (error) {
    // jimp's own words ("Could not find MIME for Buffer", "marker was not found") name neither the file nor a fix.
    throw new Error(
      `loadImage: ${path.resolve(file)} could not be read as an image (jimp: ${error instanceof Error ? error.message : String(error)}). ` +
        "It is not a PNG, JPEG, BMP, GIF or TIFF file, or it is damaged (e.g. a cut-off download): open it in an image viewer, or get the file again.",
      { cause: error },
    );
  }
  return fromRgba(picture.bitmap.data, picture.bitmap.width, picture.bitmap.height, channels);
}

/** A smaller or larger copy (bilinear, via jimp). Values must be 0–255, as loadImage gives. */
export async function resizeImage(image: PixelImage, size: { width: number; height: number }): Promise<PixelImage> {
  checkPixelImage("resizeImage", image);
  const { width, height } = requireOptions<{ width: number; height: number }>(
    "resizeImage",
    size,
    ["width", "height"],
    "{ width: 128, height: 120 }",
    { name: "size", required: true },
  );
  for (const [name, value] of [
    ["width", width],
    ["height", height],
  ] as const)
    requireWholeNumber("resizeImage", name, value, 1, "Pass e.g. { width: 128, height: 120 }.");
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i];
    if (!(v >= 0 && v <= 255))
      throw new Error(
        `resizeImage: value ${v} at index ${i} is outside 0–255; resizing works on byte images. Rescale the image to 0–255 first.`,
      );
  }
  const picture = Jimp.fromBitmap(toRgba(image, "byte"));
  picture.resize({ w: width, h: height });
  return fromRgba(picture.bitmap.data, width, height, image.channels);
}

/** A rectangle cut out of an image (top-left corner at x, y). */
export function cropImage(image: PixelImage, box: { x: number; y: number; width: number; height: number }): PixelImage {
  checkPixelImage("cropImage", image);
  const { x, y, width, height } = requireOptions<typeof box>(
    "cropImage",
    box,
    ["x", "y", "width", "height"],
    "{ x: 0, y: 0, width: 64, height: 64 }",
    { name: "box", required: true },
  );
  for (const [name, value, min] of [
    ["x", x, 0],
    ["y", y, 0],
    ["width", width, 1],
    ["height", height, 1],
  ] as const)
    requireWholeNumber("cropImage", name, value, min);
  if (x + width > image.width || y + height > image.height) {
    throw new Error(
      `cropImage: the box x ${x}..${x + width - 1}, y ${y}..${y + height - 1} goes outside the ${image.width}x${image.height} image. Make it smaller or move it.`,
    );
  }
  const c = image.channels;
  const data = new Float32Array(width * height * c);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width * c; col++)
      data[row * width * c + col] = image.data[((y + row) * image.width + x) * c + col];
  }
  return { width, height, channels: image.channels, data };
}

/**
 * Writes an image as PNG or JPEG (by the file's extension). Refuses to replace an
 * existing file unless overwrite is true.
 */
export async function saveImage(
  file: string,
  image: PixelImage,
  options: { overwrite?: boolean; scale?: PixelScale } = {},
): Promise<void> {
  if (typeof file !== "string" || file === "")
    throw new Error(`saveImage: file must be a path ending in .png or .jpg, got ${describeValue(file)}.`);
  requireOptions<{ overwrite?: boolean; scale?: PixelScale }>(
    "saveImage",
    options,
    ["overwrite", "scale"],
    "{ overwrite: true }",
  );
  checkPixelImage("saveImage", image);
  const extension = path.extname(file).toLowerCase();
  const mime =
    extension === ".png" ? "image/png" : extension === ".jpg" || extension === ".jpeg" ? "image/jpeg" : undefined;
  if (!mime)
    throw new Error(
      `saveImage: ${describeValue(file)} must end in .png, .jpg or .jpeg (got ${describeValue(extension)}). Change the file name.`,
    );
  if (fs.existsSync(file) && options.overwrite !== true) {
    throw new Error(
      `saveImage: ${describeValue(file)} already exists and was left alone. Choose another name, or pass { overwrite: true } to replace it.`,
    );
  }
  requireFolderFor("saveImage", file);
  const bytes = await Jimp.fromBitmap(toRgba(image, options.scale ?? "auto")).getBuffer(mime as "image/png");
  fs.writeFileSync(file, bytes);
}

/** The image as a float32 tfjs tensor of shape [height, width, channels] (HWC). The caller disposes it. */
export function imageToTensor(image: PixelImage): tf.Tensor3D {
  checkPixelImage("imageToTensor", image);
  return tf.tensor3d(Float32Array.from(image.data), [image.height, image.width, image.channels], "float32");
}

/** A [height, width] or [height, width, 1|3|4] tensor as an image (the tensor is not disposed). */
export function tensorToImage(tensor: tf.Tensor): PixelImage {
  if (!(tensor instanceof tf.Tensor))
    throw new Error(`tensorToImage: tensor must be a tfjs Tensor, got ${describeValue(tensor)}.`);
  const shape = tensor.shape;
  const channels = shape.length === 2 ? 1 : shape[2];
  if ((shape.length !== 2 && shape.length !== 3) || (channels !== 1 && channels !== 3 && channels !== 4)) {
    throw new Error(
      `tensorToImage: tensor shape must be [height, width] or [height, width, 1|3|4], got [${shape.join(", ")}]. For a batch, take one image: tensor.squeeze([0]) or tensor.gather(0).`,
    );
  }
  const image: PixelImage = { height: shape[0], width: shape[1], channels, data: Float32Array.from(tensor.dataSync()) };
  checkPixelImage("tensorToImage", image, "tensor");
  return image;
}

/** Channel c of an image as a gray image (e.g. c = 0 is the red channel of an RGB image). */
export function channelImage(image: PixelImage, channel: number): PixelImage {
  checkPixelImage("channelImage", image);
  requireWholeNumber(
    "channelImage",
    "channel",
    channel,
    0,
    `This ${image.channels}-channel image has channels 0 to ${image.channels - 1}.`,
    image.channels - 1,
  );
  const data = new Float32Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i * image.channels + channel];
  return { width: image.width, height: image.height, channels: 1, data };
}

/** Every channel as its own gray image: [R, G, B] for an RGB image. */
export function splitChannels(image: PixelImage): PixelImage[] {
  checkPixelImage("splitChannels", image);
  return Array.from({ length: image.channels }, (_, c) => channelImage(image, c));
}

/** Channel c as a matrix[row][column] (for heatmaps and the ops). */
export function channelMatrix(image: PixelImage, channel = 0): number[][] {
  const gray = channelImage(image, channel);
  return Array.from({ length: gray.height }, (_, r) =>
    Array.from({ length: gray.width }, (_, c) => gray.data[r * gray.width + c]),
  );
}

/** All channels as volume[channel][row][column] (CHW, the ops' layout). */
export function imageToVolume(image: PixelImage): number[][][] {
  checkPixelImage("imageToVolume", image);
  return Array.from({ length: image.channels }, (_, c) => channelMatrix(image, c));
}

/** A gray copy of an RGB(A) image: 0.299·R + 0.587·G + 0.114·B (gray images are copied as they are). */
export function toGrayscale(image: PixelImage): PixelImage {
  checkPixelImage("toGrayscale", image);
  if (image.channels === 1) return { ...image, data: Float32Array.from(image.data) };
  const data = new Float32Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) {
    const p = i * image.channels;
    data[i] =
      LUMA_WEIGHTS[0] * image.data[p] + LUMA_WEIGHTS[1] * image.data[p + 1] + LUMA_WEIGHTS[2] * image.data[p + 2];
  }
  return { width: image.width, height: image.height, channels: 1, data };
}

/** Encodes an image as PNG bytes (values scaled to 0–255 as `scale` says; small images enlarged by `zoom`). */
export async function toPng(image: PixelImage, options: { scale?: PixelScale; zoom?: number } = {}): Promise<Buffer> {
  requireOptions<{ scale?: PixelScale; zoom?: number }>("toPng", options, ["scale", "zoom"], "{ zoom: 4 }");
  const bitmap = toRgba(image, options.scale ?? "auto", options.zoom ?? 1);
  return Jimp.fromBitmap(bitmap).getBuffer("image/png");
}

import * as tf from "@tensorflow/tfjs";
import { describeValue, requireNumber, requireSeed, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { sampleProjective } from "./image-sampler";
import { createRng } from "./random";

/** How pixels that come from outside the image are filled (the four modes Keras offers). */
export type FillMode = "constant" | "nearest" | "reflect" | "wrap";

/** One geometric change of one image; the identity when every field is left out. */
export interface ImageTransform {
  /** Degrees, counter-clockwise as the image is shown. */
  rotation?: number;
  /** Pixels to the right (negative: left). */
  shiftX?: number;
  /** Pixels down (negative: up). */
  shiftY?: number;
  /** Shear angle in degrees: rows below the centre slide right, rows above slide left. */
  shear?: number;
  /** Size factor: 1.2 shows the content 20% larger (zoom in), 0.8 smaller. */
  zoom?: number;
  /** Mirror left–right (done first). */
  flip?: boolean;
}

export interface TransformImageOptions {
  /** Default "nearest", as Keras's ImageDataGenerator. */
  fillMode?: FillMode;
  /** Value used outside the image when fillMode is "constant" (default 0). */
  fillValue?: number;
  /** Default "bilinear". */
  interpolation?: "bilinear" | "nearest";
}

/** Random augmentation ranges, one fresh draw per image (the ImageDataGenerator menu). */
export interface AugmentOptions extends TransformImageOptions {
  /** Rotation drawn from [-rotation, rotation] degrees. */
  rotation?: number;
  /** Horizontal shift drawn from [-widthShift, widthShift] × width (a fraction below 1). */
  widthShift?: number;
  /** Vertical shift drawn from [-heightShift, heightShift] × height (a fraction below 1). */
  heightShift?: number;
  /** Shear angle drawn from [-shear, shear] degrees. */
  shear?: number;
  /** Size factor drawn from [1 - zoom, 1 + zoom], or from [low, high] when a pair is given. */
  zoom?: number | [number, number];
  /** Mirror half of the images, chosen at random. */
  horizontalFlip?: boolean;
  /** Seed of the random draws (default: a random seed). */
  seed?: number;
}

const FILL_MODES: FillMode[] = ["constant", "nearest", "reflect", "wrap"];
const TRANSFORM_KEYS = optionKeys<ImageTransform>()("rotation", "shiftX", "shiftY", "shear", "zoom", "flip");
const TRANSFORM_OPTION_KEYS = optionKeys<TransformImageOptions>()("fillMode", "fillValue", "interpolation");
const AUGMENT_KEYS = optionKeys<AugmentOptions>()(
  ...TRANSFORM_OPTION_KEYS,
  "rotation",
  "widthShift",
  "heightShift",
  "shear",
  "zoom",
  "horizontalFlip",
  "seed",
);

/** Checks augmentation options (the keys and their ranges) without drawing anything; fit calls it before training. */
export function checkAugmentOptions(caller: string, options: unknown, name = "options"): AugmentOptions {
  const o = requireOptions<AugmentOptions>(caller, options, AUGMENT_KEYS, "{ rotation: 10, zoom: 0.1 }", { name });
  randomTransforms(0, 1, 1, o, caller);
  checkTransformOptions(caller, o);
  return o;
}

function checkImages(caller: string, images: unknown): tf.Tensor4D {
  if (!(images instanceof tf.Tensor) || images.rank !== 4) {
    const got = images instanceof tf.Tensor ? `a tensor of shape [${images.shape.join(", ")}]` : typeof images;
    throw new Error(
      `${caller}: images must be a 4-D tensor [N, height, width, channels], got ${got}. Use images.expandDims(0) for one image.`,
    );
  }
  return images as tf.Tensor4D;
}

function checkNumber(caller: string, name: string, value: unknown, min: number, max: number, fix: string): number {
  return requireNumber(caller, name, value, { min, max, fix });
}

function checkTransformOptions(caller: string, options: TransformImageOptions): Required<TransformImageOptions> {
  const fillMode = options.fillMode ?? "nearest";
  if (!FILL_MODES.includes(fillMode)) {
    throw new Error(`${caller}: fillMode must be one of ${FILL_MODES.join(", ")}, got ${describeValue(fillMode)}.`);
  }
  const interpolation = options.interpolation ?? "bilinear";
  if (interpolation !== "bilinear" && interpolation !== "nearest") {
    throw new Error(`${caller}: interpolation must be "bilinear" or "nearest", got ${describeValue(interpolation)}.`);
  }
  const fillValue = options.fillValue ?? 0;
  if (typeof fillValue !== "number" || !Number.isFinite(fillValue)) {
    throw new Error(
      `${caller}: fillValue must be a finite number, got ${describeValue(fillValue)}. Use e.g. 0 (black).`,
    );
  }
  return { fillMode, interpolation, fillValue };
}

/**
 * The 8 numbers tf.image.transform wants for one ImageTransform: they map each output
 * pixel (x, y) back to the input point it is read from (so they hold the inverse change).
 * Forward, an image is flipped, sheared, rotated, zoomed about its centre, then shifted.
 */
export function transformMatrix(
  transform: ImageTransform,
  width: number,
  height: number,
  caller = "transformMatrix",
  name = "transform",
): number[] {
  requireOptions<ImageTransform>(caller, transform, TRANSFORM_KEYS, "{ rotation: 15, zoom: 1.1 }", {
    name,
    required: true,
  });
  const rotation = checkNumber(caller, "rotation", transform.rotation ?? 0, -360, 360, "Give degrees, e.g. 15.");
  const shear = checkNumber(caller, "shear", transform.shear ?? 0, -80, 80, "Give degrees, e.g. 10.");
  const zoom = checkNumber(
    caller,
    "zoom",
    transform.zoom ?? 1,
    0.05,
    20,
    "Use 1 for no zoom, e.g. 1.1 to enlarge by 10%.",
  );
  const shiftX = checkNumber(
    caller,
    "shiftX",
    transform.shiftX ?? 0,
    -width,
    width,
    "Give pixels, at most the image width.",
  );
  const shiftY = checkNumber(
    caller,
    "shiftY",
    transform.shiftY ?? 0,
    -height,
    height,
    "Give pixels, at most the image height.",
  );
  const theta = (rotation * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const tanShear = Math.tan((shear * Math.PI) / 180);
  const flip = transform.flip ? -1 : 1;
  // Inverse of zoom, then of rotation [[c, s], [-s, c]] (counter-clockwise with y pointing down),
  // then of shear [[1, t], [0, 1]], then the flip: A = F · S⁻¹ · R⁻¹ · Z⁻¹.
  const r = [cos / zoom, -sin / zoom, sin / zoom, cos / zoom];
  const sr = [r[0] - tanShear * r[2], r[1] - tanShear * r[3], r[2], r[3]];
  const a = [flip * sr[0], flip * sr[1], sr[2], sr[3]];
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  // input = A · (output − centre − shift) + centre
  const ox = cx + shiftX;
  const oy = cy + shiftY;
  return [a[0], a[1], cx - a[0] * ox - a[1] * oy, a[2], a[3], cy - a[2] * ox - a[3] * oy, 0, 0];
}

/** Applies one ImageTransform per image (a batch NHWC in, a new tensor of the same shape out). */
export function transformImages(
  images: tf.Tensor4D,
  transforms: ImageTransform[],
  options: TransformImageOptions = {},
  caller = "transformImages",
): tf.Tensor4D {
  checkImages(caller, images);
  const [n, height, width] = images.shape;
  if (!Array.isArray(transforms) || transforms.length !== n) {
    throw new Error(
      `${caller}: transforms must be an array with one entry per image (${n}), got ${Array.isArray(transforms) ? transforms.length : typeof transforms}. Use {} for an image to leave alone.`,
    );
  }
  requireOptions<TransformImageOptions>(caller, options, TRANSFORM_OPTION_KEYS, '{ fillMode: "reflect" }');
  const { fillMode, interpolation, fillValue } = checkTransformOptions(caller, options);
  const matrices = transforms.flatMap((t, i) => transformMatrix(t, width, height, caller, `transforms[${i}]`));
  const pixels =
    images.dtype === "float32" ? (images.dataSync() as Float32Array) : Float32Array.from(images.dataSync());
  const out = sampleProjective(pixels, images.shape, matrices, interpolation, fillMode, fillValue);
  return tf.tensor4d(out, images.shape, "float32");
}

function zoomRange(caller: string, zoom: AugmentOptions["zoom"]): [number, number] {
  if (zoom === undefined) return [1, 1];
  if (typeof zoom === "number") {
    checkNumber(caller, "zoom", zoom, 0, 0.9, "Use e.g. 0.1 for sizes from 90% to 110%.");
    return [1 - zoom, 1 + zoom];
  }
  if (!Array.isArray(zoom) || zoom.length !== 2) {
    throw new Error(
      `${caller}: zoom must be a number like 0.1 or a pair [low, high] like [0.9, 1.2], got ${describeValue(zoom)}.`,
    );
  }
  const low = checkNumber(caller, "zoom[0]", zoom[0], 0.05, 20, "Give a size factor, e.g. 0.9.");
  const high = checkNumber(caller, "zoom[1]", zoom[1], low, 20, "The high factor must be at least the low one.");
  return [low, high];
}

/** Draws one ImageTransform per image from the ranges (deterministic under options.seed). */
export function randomTransforms(
  count: number,
  width: number,
  height: number,
  options: AugmentOptions,
  caller = "randomTransforms",
): ImageTransform[] {
  requireOptions<AugmentOptions>(caller, options, AUGMENT_KEYS, "{ rotation: 10, zoom: 0.1 }", { required: true });
  requireWholeNumber(caller, "count", count, 0, "Pass the number of images.");
  const rotation = checkNumber(
    caller,
    "rotation",
    options.rotation ?? 0,
    0,
    180,
    "Give the largest angle in degrees, e.g. 10.",
  );
  const widthShift = checkNumber(
    caller,
    "widthShift",
    options.widthShift ?? 0,
    0,
    0.99,
    "Give a fraction of the width, e.g. 0.1.",
  );
  const heightShift = checkNumber(
    caller,
    "heightShift",
    options.heightShift ?? 0,
    0,
    0.99,
    "Give a fraction of the height, e.g. 0.1.",
  );
  const shear = checkNumber(caller, "shear", options.shear ?? 0, 0, 80, "Give the largest angle in degrees, e.g. 10.");
  const [zoomLow, zoomHigh] = zoomRange(caller, options.zoom);
  if (options.horizontalFlip !== undefined && typeof options.horizontalFlip !== "boolean") {
    throw new Error(`${caller}: horizontalFlip must be true or false, got ${describeValue(options.horizontalFlip)}.`);
  }
  const seed = options.seed === undefined ? Math.floor(Math.random() * 4294967296) : requireSeed(caller, options.seed);
  const rng = createRng(seed);
  const out: ImageTransform[] = [];
  for (let i = 0; i < count; i++) {
    // Always draw every number, so one option's range does not change another's draws.
    const t: ImageTransform = {
      rotation: rng.uniform(-rotation, rotation),
      shiftX: rng.uniform(-widthShift, widthShift) * width,
      shiftY: rng.uniform(-heightShift, heightShift) * height,
      shear: rng.uniform(-shear, shear),
      zoom: rng.uniform(zoomLow, zoomHigh),
      flip: rng.next() < 0.5 && options.horizontalFlip === true,
    };
    out.push(t);
  }
  return out;
}

/**
 * Random data augmentation of a batch of images (NHWC): each image gets its own rotation,
 * shift, shear, zoom and flip drawn from the ranges. Returns a new tensor of the same shape.
 */
export function augmentImages(images: tf.Tensor4D, options: AugmentOptions = {}): tf.Tensor4D {
  const caller = "augmentImages";
  checkImages(caller, images);
  requireOptions<AugmentOptions>(caller, options, AUGMENT_KEYS, "{ rotation: 10, zoom: 0.1 }");
  const [n, height, width] = images.shape;
  const transforms = randomTransforms(n, width, height, options, caller);
  const { fillMode, fillValue, interpolation } = options;
  return transformImages(images, transforms, { fillMode, fillValue, interpolation }, caller);
}

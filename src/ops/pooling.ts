import { checkMatrix, checkVolume, describeValue, Matrix, requirePair, Volume } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { Padding, Rounding } from "./output-size";
import { filledMatrix, planWindows } from "./window-plan";

/** Which number a pooling window keeps. */
export type PoolMode = "max" | "avg" | "min";

export interface PoolOptions {
  /** Window size: one number, or [rows, columns]. */
  size: number | [number, number];
  /** Step between windows (default: the window size, so windows do not overlap). */
  stride?: number | [number, number];
  /** 0 (default: every window inside, exact division required), "same" or "valid" as tfjs, or a number of cells per side that windows may hang over the edge (those cells are skipped, never counted). */
  padding?: Padding;
  rounding?: Rounding;
}

const POOL_KEYS = optionKeys<PoolOptions>()("size", "stride", "padding", "rounding");

const REDUCERS: Record<PoolMode, (values: number[]) => number> = {
  max: (values) => Math.max(...values),
  min: (values) => Math.min(...values),
  // Only real cells are averaged (tfjs/TensorFlow convention; PyTorch counts padding by default).
  avg: (values) => values.reduce((a, b) => a + b, 0) / values.length,
};

/**
 * Pooling (풀링) of one 2-D map: slide a window and keep the largest, smallest or
 * average number inside it. No weights; cells outside the input (padding) are ignored.
 */
export function pool2d(input: Matrix, mode: PoolMode, options: PoolOptions, caller = "pool2d"): Matrix {
  if (!(mode in REDUCERS))
    throw new Error(`${caller}: mode must be "max", "avg" or "min", got ${describeValue(mode)}.`);
  requireOptions<PoolOptions>(caller, options, POOL_KEYS, "{ size: 2 }", { required: true });
  checkMatrix(caller, "input", input);
  const [sizeY, sizeX] = requirePair(caller, "size", options.size, 1);
  const padding = options.padding ?? 0;
  if (typeof padding === "number" && padding > Math.floor(Math.min(sizeY, sizeX) / 2)) {
    throw new Error(
      `${caller}: padding ${padding} is more than half the window (${sizeY}x${sizeX}), so some windows would hold no real cell. Use padding ≤ ${Math.floor(Math.min(sizeY, sizeX) / 2)}, or "same".`,
    );
  }
  const plan = planWindows(caller, input.length, input[0].length, sizeY, sizeX, {
    stride: options.stride ?? [sizeY, sizeX],
    padding,
    rounding: options.rounding,
  });
  const reduce = REDUCERS[mode];
  const out = filledMatrix(plan.outHeight, plan.outWidth);
  for (let outRow = 0; outRow < plan.outHeight; outRow++) {
    for (let outCol = 0; outCol < plan.outWidth; outCol++) {
      const values: number[] = [];
      for (let dy = 0; dy < sizeY; dy++) {
        for (let dx = 0; dx < sizeX; dx++) {
          const row = outRow * plan.strideY + dy - plan.padTop;
          const col = outCol * plan.strideX + dx - plan.padLeft;
          if (row >= 0 && row < input.length && col >= 0 && col < input[0].length) values.push(input[row][col]);
        }
      }
      out[outRow][outCol] = reduce(values);
    }
  }
  return out;
}

/** Max pooling: the largest number of each window. */
export function maxPool2d(input: Matrix, options: PoolOptions): Matrix {
  return pool2d(input, "max", options, "maxPool2d");
}

/** Average pooling: the mean of each window. */
export function avgPool2d(input: Matrix, options: PoolOptions): Matrix {
  return pool2d(input, "avg", options, "avgPool2d");
}

/** Min pooling: the smallest number of each window. */
export function minPool2d(input: Matrix, options: PoolOptions): Matrix {
  return pool2d(input, "min", options, "minPool2d");
}

/** Pools every channel on its own: the channel count does not change. */
export function poolChannels(input: Volume, mode: PoolMode, options: PoolOptions): Volume {
  checkVolume("poolChannels", "input", input);
  return input.map((channel) => pool2d(channel, mode, options, "poolChannels"));
}

/** Global average pooling: one number per channel, the mean of its whole map. */
export function globalAveragePool2d(input: Volume): number[] {
  checkVolume("globalAveragePool2d", "input", input);
  return input.map((channel) => channel.flat().reduce((a, b) => a + b, 0) / (channel.length * channel[0].length));
}

/**
 * All numbers of a volume in one list, as a Flatten layer does. "hwc" (default) is the
 * order of tfjs/Keras (channels vary fastest); "chw" is PyTorch's.
 */
export function flattenVolume(input: Volume, order: "hwc" | "chw" = "hwc"): number[] {
  checkVolume("flattenVolume", "input", input);
  if (order === "chw") return input.flat(2);
  if (order !== "hwc")
    throw new Error(
      `flattenVolume: order must be "hwc" or "chw", got ${describeValue(order)}. Use "hwc" to match tfjs.`,
    );
  const out: number[] = [];
  for (let r = 0; r < input[0].length; r++)
    for (let c = 0; c < input[0][0].length; c++) for (const channel of input) out.push(channel[r][c]);
  return out;
}

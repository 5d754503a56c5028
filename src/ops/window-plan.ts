import { Matrix, requirePair } from "../core/checks";
import { optionKeys } from "../core/options";
import { Padding, Rounding, sizeAlongAxis } from "./output-size";

/** How a kernel or pooling window slides over an input. */
export interface WindowOptions {
  /** Step between positions: one number, or [rows, columns] (default 1 for convolution). */
  stride?: number | [number, number];
  /** Zeros on each side, or "same" / "valid" as tfjs defines them (default 0). */
  padding?: Padding;
  /** Spacing between kernel taps (default 1). */
  dilation?: number | [number, number];
  /** "exact" (default) refuses strides that leave input rows unreached; "floor" drops them. */
  rounding?: Rounding;
}

/** Where every window goes: output size, padding per side, steps. */
export interface WindowPlan {
  outHeight: number;
  outWidth: number;
  strideY: number;
  strideX: number;
  dilationY: number;
  dilationX: number;
  padTop: number;
  padBottom: number;
  padLeft: number;
  padRight: number;
}

/** The keys of WindowOptions, for the functions that take them. */
export const WINDOW_KEYS = optionKeys<WindowOptions>()("stride", "padding", "dilation", "rounding");

/** Output size and padding on both axes, with the checks of outputSize (errors name the caller and the axis). */
export function planWindows(
  caller: string,
  inHeight: number,
  inWidth: number,
  kernelHeight: number,
  kernelWidth: number,
  options: WindowOptions = {},
  defaultStride = 1,
): WindowPlan {
  const [strideY, strideX] = requirePair(caller, "stride", options.stride ?? defaultStride, 1);
  const [dilationY, dilationX] = requirePair(caller, "dilation", options.dilation ?? 1, 1);
  const common = { padding: options.padding, rounding: options.rounding };
  const rows = sizeAlongAxis(
    caller,
    { input: inHeight, kernel: kernelHeight, stride: strideY, dilation: dilationY, ...common },
    "height",
  );
  const cols = sizeAlongAxis(
    caller,
    { input: inWidth, kernel: kernelWidth, stride: strideX, dilation: dilationX, ...common },
    "width",
  );
  return {
    outHeight: rows.size,
    outWidth: cols.size,
    strideY,
    strideX,
    dilationY,
    dilationX,
    padTop: rows.padBefore,
    padBottom: rows.padAfter,
    padLeft: cols.padBefore,
    padRight: cols.padAfter,
  };
}

/** A new rows x cols matrix filled with `value`. */
export function filledMatrix(rows: number, cols: number, value = 0): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(value));
}

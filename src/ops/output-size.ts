import { describeValue, requirePair, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";

/** Zero padding on each side (a number), or tfjs's named conventions "same" and "valid". */
export type Padding = number | "same" | "valid";

/** What to do when (n + 2p − k) / s is not a whole number: refuse ("exact") or drop the leftover rows ("floor", as PyTorch and Keras do). */
export type Rounding = "exact" | "floor";

export interface OutputSizeOptions {
  /** Input length along one axis (height or width). */
  input: number;
  /** Kernel (or pooling window) length along that axis. */
  kernel: number;
  /** Step between two kernel positions (default 1). */
  stride?: number;
  /** Zeros added on each side, or "same" / "valid" as tfjs defines them (default 0). */
  padding?: Padding;
  /** Spacing between kernel taps (default 1: no holes). */
  dilation?: number;
  /** Default "exact": a numeric padding whose division leaves a remainder is an error. */
  rounding?: Rounding;
}

export interface OutputSizeDetails {
  /** Number of kernel positions along the axis. */
  size: number;
  /** Zeros added before (top/left) and after (bottom/right). */
  padBefore: number;
  padAfter: number;
  /** Span of the kernel once dilated: dilation·(kernel − 1) + 1. */
  effectiveKernel: number;
  /** Input rows at the end that no kernel position reaches (0 when the division is exact). */
  leftover: number;
}

/** Span of a kernel with holes: taps at 0, d, 2d, …, (k−1)d. */
export function effectiveKernelSize(kernel: number, dilation = 1): number {
  requireWholeNumber("effectiveKernelSize", "kernel", kernel, 1);
  requireWholeNumber("effectiveKernelSize", "dilation", dilation, 1);
  return dilation * (kernel - 1) + 1;
}

const OUTPUT_SIZE_KEYS = optionKeys<OutputSizeOptions>()(
  "input",
  "kernel",
  "stride",
  "padding",
  "dilation",
  "rounding",
);

function checkOptions(caller: string, options: OutputSizeOptions): Required<OutputSizeOptions> {
  requireOptions<OutputSizeOptions>(
    caller,
    options,
    OUTPUT_SIZE_KEYS,
    "{ input: 32, kernel: 3, stride: 1, padding: 1 }",
    { required: true },
  );
  const { input, kernel, stride = 1, padding = 0, dilation = 1, rounding = "exact" } = options;
  requireWholeNumber(caller, "input", input, 1);
  requireWholeNumber(caller, "kernel", kernel, 1);
  requireWholeNumber(caller, "stride", stride, 1);
  requireWholeNumber(caller, "dilation", dilation, 1);
  if (padding !== "same" && padding !== "valid") {
    if (typeof padding !== "number" || !Number.isInteger(padding) || padding < 0) {
      throw new Error(
        `${caller}: padding must be a whole number ≥ 0, "same" or "valid", got ${describeValue(padding)}. Pass e.g. padding: 1.`,
      );
    }
  }
  if (rounding !== "exact" && rounding !== "floor") {
    throw new Error(
      `${caller}: rounding must be "exact" or "floor", got ${describeValue(rounding)}. Use "floor" to drop leftover rows as PyTorch and Keras do.`,
    );
  }
  return { input, kernel, stride, padding, dilation, rounding };
}

function listOrNone(values: number[]): string {
  return values.length ? values.join(", ") : "none";
}

function notWholeError(caller: string, n: number, p: number, k: number, s: number, kernelText: string): Error {
  const numerator = n + 2 * p - k;
  const leftover = numerator % s;
  const strides: number[] = [];
  for (let candidate = 1; candidate <= numerator && strides.length < 6; candidate++)
    if (numerator % candidate === 0) strides.push(candidate);
  const paddings: number[] = [];
  for (let candidate = 0; candidate <= k; candidate++)
    if (n + 2 * candidate - k >= 0 && (n + 2 * candidate - k) % s === 0) paddings.push(candidate);
  const value = Number((numerator / s).toFixed(3));
  return new Error(
    `${caller}: (${n} + 2·${p} − ${kernelText}) / ${s} = ${numerator} / ${s} = ${value} is not a whole number, so the last ${leftover} input row(s) would never be reached by the kernel. ` +
      `With padding ${p}, strides that fit: ${listOrNone(strides)}${strides.length === 6 ? ", …" : ""}. ` +
      `With stride ${s}, paddings that fit (0 to ${k}): ${listOrNone(paddings)}. ` +
      `Or pass rounding: "floor" to drop the leftover rows, as PyTorch and Keras do.`,
  );
}

/**
 * Output length of a convolution or pooling along one axis, with how it was padded.
 * Numeric padding: (n + 2p − k) / s + 1, which must be whole unless rounding is "floor".
 * "valid": no padding, floor((n − k) / s) + 1 (tfjs drops leftover rows).
 * "same": ceil(n / s), padding split as tfjs does (the extra zero goes after).
 */
export function outputSizeDetails(options: OutputSizeOptions): OutputSizeDetails {
  return sizeAlongAxis("outputSizeDetails", options);
}

/**
 * outputSizeDetails with the caller named in its errors; with `axis`, errors also say which axis
 * ("correlate2d, along the width: ..."). The window planner and convOutputShape use it.
 */
export function sizeAlongAxis(
  caller: string,
  options: OutputSizeOptions,
  axis?: "height" | "width",
): OutputSizeDetails {
  if (axis === undefined) return details(caller, options);
  try {
    return details(caller, options);
  } catch (error) {
    throw new Error((error as Error).message.replace(`${caller}: `, `${caller}, along the ${axis}: `), {
      cause: error,
    });
  }
}

function details(caller: string, options: OutputSizeOptions): OutputSizeDetails {
  const { input: n, kernel, stride: s, padding, dilation, rounding } = checkOptions(caller, options);
  const k = effectiveKernelSize(kernel, dilation);
  const kernelText = dilation === 1 ? `${kernel}` : `${k}`;
  if (padding === "same") {
    const size = Math.ceil(n / s);
    const total = Math.max((size - 1) * s + k - n, 0);
    const padBefore = Math.floor(total / 2);
    return {
      size,
      padBefore,
      padAfter: total - padBefore,
      effectiveKernel: k,
      leftover: n + total - k - (size - 1) * s,
    };
  }
  const p = padding === "valid" ? 0 : padding;
  const numerator = n + 2 * p - k;
  if (numerator < 0) {
    const dilated = dilation === 1 ? "" : ` (kernel ${kernel} with dilation ${dilation} spans ${k})`;
    throw new Error(
      `${caller}: the kernel${dilated} is ${k} long but the padded input is only ${n} + 2·${p} = ${n + 2 * p}; a kernel must fit inside the padded input. ` +
        `Use a kernel of at most ${n + 2 * p}, or padding of at least ${Math.ceil((k - n) / 2)}, or padding: "same".`,
    );
  }
  const leftover = numerator % s;
  if (leftover !== 0 && padding !== "valid" && rounding === "exact")
    throw notWholeError(caller, n, p, k, s, kernelText);
  return { size: Math.floor(numerator / s) + 1, padBefore: p, padAfter: p, effectiveKernel: k, leftover };
}

/** Output length along one axis: floor((n + 2p − k) / s) + 1, exact unless asked otherwise (see outputSizeDetails). */
export function outputSize(options: OutputSizeOptions): number {
  return sizeAlongAxis("outputSize", options).size;
}

export interface ConvOutputShapeOptions {
  /** Input as [height, width, channels] (HWC, as tfjs). */
  inputShape: [number, number, number];
  filters: number;
  kernel: number | [number, number];
  stride?: number | [number, number];
  padding?: Padding;
  dilation?: number | [number, number];
  rounding?: Rounding;
}

const CONV_OUTPUT_SHAPE_KEYS = optionKeys<ConvOutputShapeOptions>()(
  "inputShape",
  "filters",
  "kernel",
  "stride",
  "padding",
  "dilation",
  "rounding",
);

/** [height, width, filters] of a conv layer's output (HWC), each axis by outputSize. */
export function convOutputShape(options: ConvOutputShapeOptions): [number, number, number] {
  const caller = "convOutputShape";
  requireOptions<ConvOutputShapeOptions>(
    caller,
    options,
    CONV_OUTPUT_SHAPE_KEYS,
    "{ inputShape: [32, 32, 3], filters: 16, kernel: 3 }",
    { required: true },
  );
  const shape = options.inputShape;
  if (!Array.isArray(shape) || shape.length !== 3) {
    throw new Error(
      `${caller}: inputShape must be [height, width, channels], got ${describeValue(shape)}. Pass e.g. inputShape: [32, 32, 3].`,
    );
  }
  shape.forEach((v, i) => requireWholeNumber(caller, `inputShape[${i}]`, v, 1));
  requireWholeNumber(caller, "filters", options.filters, 1);
  const [kh, kw] = requirePair(caller, "kernel", options.kernel);
  const [sh, sw] = requirePair(caller, "stride", options.stride ?? 1);
  const [dh, dw] = requirePair(caller, "dilation", options.dilation ?? 1);
  const common = { padding: options.padding, rounding: options.rounding };
  const height = sizeAlongAxis(
    caller,
    { input: shape[0], kernel: kh, stride: sh, dilation: dh, ...common },
    "height",
  ).size;
  const width = sizeAlongAxis(
    caller,
    { input: shape[1], kernel: kw, stride: sw, dilation: dw, ...common },
    "width",
  ).size;
  return [height, width, options.filters];
}

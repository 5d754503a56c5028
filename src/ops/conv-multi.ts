import { checkFiniteNumbers, checkVolume, describeValue, requireWholeNumber, Volume } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { correlate2d } from "./correlate";
import { filledMatrix, planWindows, WINDOW_KEYS, WindowOptions, WindowPlan } from "./window-plan";

/** Filters of a conv layer, PyTorch order: filters[filter][channel][row][column]. */
export type FilterBank = number[][][][];

export interface Conv2dMultiOptions extends WindowOptions {
  /** One number per filter, added to every cell of that filter's output map (default none). */
  bias?: number[];
}

/** The keys conv2dMulti and conv2dAsMatrixProduct take. */
export const CONV_KEYS = optionKeys<Conv2dMultiOptions>()(...WINDOW_KEYS, "bias");

/** A multi-channel conv's arguments, checked: kernel size, bias (zeros when left out), the window options alone and the plan. */
export interface ConvSetup {
  kh: number;
  kw: number;
  bias: number[];
  window: WindowOptions;
  plan: WindowPlan;
}

/** Checks the input, the filters and the options of conv2dMulti or conv2dAsMatrixProduct. */
export function setUpConv(caller: string, input: unknown, filters: unknown, options: unknown): ConvSetup {
  checkVolume(caller, "input", input);
  const [kh, kw] = checkFilterBank(caller, filters, input.length);
  const count = (filters as FilterBank).length;
  const { bias, ...window } = requireOptions<Conv2dMultiOptions>(
    caller,
    options,
    CONV_KEYS,
    "{ stride: 1, padding: 1, bias: [0, 0] }",
  );
  if (bias !== undefined)
    checkFiniteNumbers(
      caller,
      "bias",
      bias,
      `Pass one number per filter, e.g. bias: [${new Array(count).fill(0).join(", ")}], or leave it out.`,
      count,
    );
  const plan = planWindows(caller, input[0].length, input[0][0].length, kh, kw, window);
  return { kh, kw, bias: bias === undefined ? new Array<number>(count).fill(0) : Array.from(bias), window, plan };
}

/** Checks filters against an input with `channels` channels; returns the kernel height and width. */
export function checkFilterBank(caller: string, filters: unknown, channels: number): [number, number] {
  requireWholeNumber(caller, "channels", channels, 1, "Pass the input's channel count.");
  if (!Array.isArray(filters) || filters.length === 0) {
    throw new Error(
      `${caller}: filters must be a non-empty array of filters, each number[channel][row][column], got ${describeValue(filters)}. Wrap a single filter f as [f].`,
    );
  }
  filters.forEach((filter: unknown, f: number) => checkVolume(caller, `filters[${f}]`, filter));
  const bank = filters as FilterBank;
  const [kh, kw] = [bank[0][0].length, bank[0][0][0].length];
  bank.forEach((filter, f) => {
    if (filter.length !== channels) {
      throw new Error(
        `${caller}: filters[${f}] has ${filter.length} channel(s) but the input has ${channels}. Every filter needs one kernel slice per input channel.`,
      );
    }
    if (filter[0].length !== kh || filter[0][0].length !== kw) {
      throw new Error(
        `${caller}: filters[${f}] is ${filter[0].length}x${filter[0][0].length} but filters[0] is ${kh}x${kw}. All filters of a layer have the same size.`,
      );
    }
  });
  return [kh, kw];
}

/**
 * A conv layer's forward pass on one image: input[channel][row][column] (CHW) and many
 * filters. Each output map = bias + the sum over input channels of
 * correlate2d(input channel, that filter's slice for the channel).
 */
export function conv2dMulti(input: Volume, filters: FilterBank, options: Conv2dMultiOptions = {}): Volume {
  const { bias, window, plan } = setUpConv("conv2dMulti", input, filters, options);
  return filters.map((filter, f) => {
    const map = filledMatrix(plan.outHeight, plan.outWidth, bias[f]);
    filter.forEach((slice, channel) => {
      const response = correlate2d(input[channel], slice, window);
      response.forEach((row, r) => row.forEach((v, c) => (map[r][c] += v)));
    });
    return map;
  });
}

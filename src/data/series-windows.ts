import { describeValue, requireWholeNumber } from "../core/checks";

/**
 * Sliding windows over a series: each input is `windowLength` consecutive values and its
 * target is the value `horizon` steps after the window's last value.
 */
export interface SeriesWindows {
  inputs: number[][];
  targets: number[];
  /** Position in the series of each target (to split by time and to plot). */
  targetIndices: number[];
}

function checkSeries(series: ArrayLike<number>, caller: string): void {
  if (series == null || typeof series.length !== "number") {
    throw new Error(
      `${caller}: series must be an array of numbers, got ${describeValue(series)}. Pass e.g. prices as number[].`,
    );
  }
  for (let i = 0; i < series.length; i++) {
    if (typeof series[i] !== "number" || !Number.isFinite(series[i])) {
      throw new Error(
        `${caller}: series[${i}] is ${describeValue(series[i])}; every value must be a finite number. Remove or fill missing values first.`,
      );
    }
  }
}

/** Cuts a series into (window → next value) pairs; there are n − windowLength − horizon + 1 of them. */
export function slidingWindows(series: ArrayLike<number>, windowLength: number, horizon = 1): SeriesWindows {
  checkSeries(series, "slidingWindows");
  requireWholeNumber("slidingWindows", "windowLength", windowLength, 1);
  requireWholeNumber("slidingWindows", "horizon", horizon, 1);
  const count = series.length - windowLength - horizon + 1;
  if (count < 1) {
    throw new Error(
      `slidingWindows: a series of ${series.length} values has no window of ${windowLength} values followed by a target ${horizon} step(s) later ` +
        `(needs at least windowLength + horizon = ${windowLength + horizon} values). Use a shorter window or a longer series.`,
    );
  }
  const result: SeriesWindows = { inputs: [], targets: [], targetIndices: [] };
  for (let start = 0; start < count; start++) {
    const input: number[] = [];
    for (let j = 0; j < windowLength; j++) input.push(series[start + j]);
    const targetIndex = start + windowLength - 1 + horizon;
    result.inputs.push(input);
    result.targets.push(series[targetIndex]);
    result.targetIndices.push(targetIndex);
  }
  return result;
}

/**
 * Splits windows by time: a window goes to `test` when its target lies at or after
 * `firstTestIndex` (its inputs may be earlier values, which are known by then), else to `train`.
 */
export function splitWindowsByTime(
  windows: SeriesWindows,
  firstTestIndex: number,
): { train: SeriesWindows; test: SeriesWindows } {
  checkWindows(windows, "splitWindowsByTime");
  requireWholeNumber("splitWindowsByTime", "firstTestIndex", firstTestIndex, 0);
  if (windows.targets.length < 2)
    throw new Error(
      `splitWindowsByTime: windows holds ${windows.targets.length} window(s); splitting needs at least 2. Use a longer series or a shorter windowLength.`,
    );
  const empty = (): SeriesWindows => ({ inputs: [], targets: [], targetIndices: [] });
  const train = empty();
  const test = empty();
  windows.targetIndices.forEach((t, i) => {
    const part = t >= firstTestIndex ? test : train;
    part.inputs.push(windows.inputs[i]);
    part.targets.push(windows.targets[i]);
    part.targetIndices.push(t);
  });
  for (const [name, part] of [
    ["test", test],
    ["train", train],
  ] as const) {
    if (part.targets.length === 0) {
      const first = Math.min(...windows.targetIndices);
      const last = Math.max(...windows.targetIndices);
      throw new Error(
        `splitWindowsByTime: firstTestIndex ${firstTestIndex} leaves the ${name} split empty: the targets lie at positions ${first} to ${last}. ` +
          `Pick a firstTestIndex from ${first + 1} to ${last}, so that both splits get windows.`,
      );
    }
  }
  return { train, test };
}

/** Joins several window sets (e.g. one per stock) into one. */
export function concatWindows(parts: SeriesWindows[]): SeriesWindows {
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new Error(
      "concatWindows: parts must be a non-empty array of SeriesWindows. Pass e.g. [windowsOfMsft, windowsOfIbm].",
    );
  }
  parts.forEach((p, i) => checkWindows(p, `concatWindows (part ${i})`));
  return {
    inputs: parts.flatMap((p) => p.inputs),
    targets: parts.flatMap((p) => p.targets),
    targetIndices: parts.flatMap((p) => p.targetIndices),
  };
}

function checkWindows(windows: SeriesWindows, caller: string): void {
  if (
    !windows ||
    !Array.isArray(windows.inputs) ||
    !Array.isArray(windows.targets) ||
    !Array.isArray(windows.targetIndices)
  ) {
    throw new Error(
      `${caller}: windows must be a SeriesWindows object ({ inputs, targets, targetIndices }). Make one with slidingWindows(series, windowLength).`,
    );
  }
  if (windows.inputs.length !== windows.targets.length || windows.targets.length !== windows.targetIndices.length) {
    throw new Error(
      `${caller}: windows has ${windows.inputs.length} inputs, ${windows.targets.length} targets and ${windows.targetIndices.length} targetIndices; ` +
        "the three must have the same length. Make it with slidingWindows.",
    );
  }
}

/**
 * Divides each window and its target by the window's last value, so every input ends at 1
 * and the target becomes "next value relative to the latest": prices of any size look alike.
 * `scales` holds the divisors, to turn predictions back into prices.
 */
export function scaleByLastValue(windows: SeriesWindows): SeriesWindows & { scales: number[] } {
  checkWindows(windows, "scaleByLastValue");
  const scales = windows.inputs.map((w, i) => {
    const last = w[w.length - 1];
    if (!Number.isFinite(last) || last === 0) {
      throw new Error(
        `scaleByLastValue: window ${i} ends with ${last}; dividing by it is impossible. Use a series without zeros (e.g. prices).`,
      );
    }
    return last;
  });
  return {
    inputs: windows.inputs.map((w, i) => w.map((v) => v / scales[i])),
    targets: windows.targets.map((t, i) => t / scales[i]),
    targetIndices: [...windows.targetIndices],
    scales,
  };
}

/** The naive forecast: "next value = the last value seen" (the baseline every forecaster must beat). */
export function lastValueForecast(windows: SeriesWindows): number[] {
  checkWindows(windows, "lastValueForecast");
  return windows.inputs.map((w, i) => {
    if (w.length === 0)
      throw new Error(
        `lastValueForecast: window ${i} is empty. Make windows with slidingWindows(series, windowLength ≥ 1).`,
      );
    return w[w.length - 1];
  });
}

function checkPair(predicted: ArrayLike<number>, actual: ArrayLike<number>, caller: string): void {
  if (predicted == null || actual == null || predicted.length !== actual.length || actual.length === 0) {
    throw new Error(
      `${caller}: predicted and actual must be non-empty arrays of the same length, got ${predicted?.length} and ${actual?.length}. ` +
        "Pass one prediction per target.",
    );
  }
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(predicted[i]) || !Number.isFinite(actual[i])) {
      throw new Error(
        `${caller}: value ${i} is not finite (predicted ${predicted[i]}, actual ${actual[i]}). Check the model's output for NaN.`,
      );
    }
  }
}

/** Mean of |predicted − actual|. */
export function meanAbsoluteForecastError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  checkPair(predicted, actual, "meanAbsoluteForecastError");
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(predicted[i] - actual[i]);
  return sum / actual.length;
}

/** Square root of the mean of (predicted − actual)². */
export function rootMeanSquaredForecastError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  checkPair(predicted, actual, "rootMeanSquaredForecastError");
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (predicted[i] - actual[i]) ** 2;
  return Math.sqrt(sum / actual.length);
}

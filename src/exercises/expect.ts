// Check helpers for lessons' check cells: each prints one short line when the check passes and
// throws an error that says what differs (so the notebook test fails) when it does not.
import * as tf from "@tensorflow/tfjs";
import { describeValue } from "../core/checks";
import { checkOptionKeys } from "../core/options";
import { formatNumber } from "./format-number";

/** Numbers a check can compare: a number, (nested) arrays of numbers, a typed array or a tensor. */
export type NumericValue = number | ArrayLike<number> | readonly NumericValue[] | tf.Tensor;

export interface ExpectCloseOptions {
  /** Compare |actual − expected| with tolerance · |expected| instead of with tolerance (default false). */
  relative?: boolean;
}

function checkLabel(caller: string, label: unknown): asserts label is string {
  if (typeof label !== "string" || label.trim() === "") {
    throw new Error(
      `${caller}: label must be a non-empty string saying what is checked, got ${describeValue(label)}. Pass e.g. "from-scratch vs tf.conv2d".`,
    );
  }
}

function checkFiniteNumber(caller: string, name: string, value: unknown, fix: string): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`${caller}: ${name} must be a finite number, got ${describeValue(value)}. ${fix}`);
  }
}

function fail(label: string, detail: string): never {
  throw new Error(`check failed: ${label}: ${detail}`);
}

function pass(label: string, detail: string): void {
  console.log(`✓ ${label}: ${detail}`);
}

interface Flat {
  shape: number[];
  values: ArrayLike<number>;
}

/** Shape and values of a NumericValue, row by row; throws (naming `name`) for anything else. */
function flatten(caller: string, name: string, value: unknown): Flat {
  if (value instanceof tf.Tensor) {
    if (value.isDisposed)
      throw new Error(
        `${caller}: ${name} is a disposed tensor. Compare it before calling dispose() (or outside the tf.tidy that frees it).`,
      );
    if (value.dtype === "string")
      throw new Error(`${caller}: ${name} is a string tensor; only numeric tensors can be compared.`);
    return { shape: [...value.shape], values: value.dataSync() as ArrayLike<number> };
  }
  if (
    ArrayBuffer.isView(value) &&
    !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) &&
    !(value instanceof BigUint64Array)
  ) {
    return { shape: [(value as unknown as ArrayLike<number>).length], values: value as unknown as ArrayLike<number> };
  }
  const values: number[] = [];
  const shapeOf = (v: unknown, path: string): number[] => {
    if (typeof v === "number") {
      values.push(v);
      return [];
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const typed = v as unknown as ArrayLike<number>;
      for (let i = 0; i < typed.length; i++) values.push(Number(typed[i]));
      return [typed.length];
    }
    if (!Array.isArray(v)) {
      throw new Error(
        `${caller}: ${name}${path} must be a number, an array of numbers (nested), a typed array or a tensor, got ${describeValue(v)}.`,
      );
    }
    if (v.length === 0) return [0];
    const first = shapeOf(v[0], `${path}[0]`);
    for (let i = 1; i < v.length; i++) {
      const inner = shapeOf(v[i], `${path}[${i}]`);
      if (inner.join() !== first.join()) {
        throw new Error(
          `${caller}: ${name}${path}[${i}] has shape [${inner.join(", ")}] but ${name}${path}[0] has [${first.join(", ")}]. Every row must have the same length.`,
        );
      }
    }
    return [v.length, ...first];
  };
  const shape = shapeOf(value, "");
  return { shape, values };
}

/** "[2][1]" for flat index 7 of shape [3, 3]; "" for a single number. */
function position(shape: number[], index: number): string {
  const parts: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    parts.unshift(index % shape[axis]);
    index = Math.floor(index / shape[axis]);
  }
  return parts.map((p) => `[${p}]`).join("");
}

/**
 * Passes when every |actual − expected| ≤ tolerance (or ≤ tolerance · |expected| with
 * `{ relative: true }`); prints the largest difference. Compares numbers, nested arrays, typed
 * arrays and tensors of the same shape; the tensors are read, not disposed.
 */
export function expectClose(
  label: string,
  actual: NumericValue,
  expected: NumericValue,
  tolerance: number,
  options: ExpectCloseOptions = {},
): void {
  const caller = "expectClose";
  checkLabel(caller, label);
  checkFiniteNumber(caller, "tolerance", tolerance, "Pass the largest |actual − expected| you accept, e.g. 1e-5.");
  if (tolerance < 0)
    throw new Error(`${caller}: tolerance must be ≥ 0, got ${tolerance}. Pass e.g. 1e-5, or 0 for exact equality.`);
  checkOptionKeys(caller, "options", options, ["relative"]);
  const relative = options.relative ?? false;
  if (typeof relative !== "boolean")
    throw new Error(`${caller}: options.relative must be true or false, got ${describeValue(relative)}.`);
  const a = flatten(caller, "actual", actual);
  const e = flatten(caller, "expected", expected);
  if (a.shape.join() !== e.shape.join()) {
    fail(
      label,
      `actual has shape [${a.shape.join(", ")}] but expected has shape [${e.shape.join(", ")}]. Compare values of the same shape (reshape, squeeze or flatten one of them).`,
    );
  }
  if (e.values.length === 0)
    throw new Error(
      `${caller}: actual and expected are empty; an empty comparison proves nothing. Compare the values themselves.`,
    );
  for (let i = 0; i < e.values.length; i++) {
    if (!Number.isFinite(e.values[i]))
      throw new Error(
        `${caller}: expected${position(e.shape, i)} is ${e.values[i]}; expected values must be finite numbers.`,
      );
  }
  const what = relative ? "relative difference" : "|difference|";
  let worst = -1;
  let worstIndex = 0;
  let off = 0;
  for (let i = 0; i < e.values.length; i++) {
    const difference = Math.abs(a.values[i] - e.values[i]);
    const expectedSize = Math.abs(e.values[i]);
    // NaN or Infinity in actual is the worst possible difference.
    const measure = !Number.isFinite(difference)
      ? Infinity
      : relative
        ? difference === 0
          ? 0
          : expectedSize === 0
            ? Infinity
            : difference / expectedSize
        : difference;
    if (measure > tolerance) off++;
    if (measure > worst) {
      worst = measure;
      worstIndex = i;
    }
  }
  const where = position(e.shape, worstIndex);
  const got = a.values[worstIndex];
  const want = e.values[worstIndex];
  const bound = relative ? `${formatNumber(tolerance)} × |expected|` : formatNumber(tolerance);
  if (off > 0) {
    const measured = Number.isFinite(got) ? `${what} ${formatNumber(worst, 3)}` : `a value of ${got}`;
    if (e.values.length === 1)
      fail(
        label,
        `got ${formatNumber(got, 8)}, expected ${formatNumber(want, 8)}: ${measured}, more than the tolerance ${bound}.`,
      );
    fail(
      label,
      `the largest ${what} is at ${where}: actual ${formatNumber(got, 8)}, expected ${formatNumber(want, 8)} (${measured}, more than the tolerance ${bound}); ${off} of ${e.values.length} values are off.`,
    );
  }
  if (e.values.length === 1)
    pass(label, `${formatNumber(got)} vs ${formatNumber(want)}, ${what} ${formatNumber(worst, 2)} ≤ ${bound}`);
  else
    pass(
      label,
      `max ${what} ${formatNumber(worst, 2)} ≤ ${bound} over ${e.values.length.toLocaleString("en-US")} values`,
    );
}

/** The largest |actual − expected| over two values of the same shape (numbers, nested arrays, typed arrays, tensors). */
export function maxAbsDifference(actual: NumericValue, expected: NumericValue): number {
  const caller = "maxAbsDifference";
  const a = flatten(caller, "actual", actual);
  const e = flatten(caller, "expected", expected);
  if (a.shape.join() !== e.shape.join()) {
    throw new Error(
      `${caller}: actual has shape [${a.shape.join(", ")}] but expected has shape [${e.shape.join(", ")}]; both must have the same shape.`,
    );
  }
  if (e.values.length === 0)
    throw new Error(`${caller}: actual and expected are empty; there is no difference to measure.`);
  let worst = 0;
  for (let i = 0; i < e.values.length; i++) {
    const difference = Math.abs(a.values[i] - e.values[i]);
    if (Number.isNaN(difference)) return NaN;
    worst = Math.max(worst, difference);
  }
  return worst;
}

type Plain = number | string | boolean | null | undefined | readonly Plain[] | { readonly [key: string]: Plain };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

/** Throws unless `expected` holds only numbers, strings, booleans, null, arrays and plain objects. */
function checkComparable(caller: string, value: unknown, path: string): void {
  if (value === null || value === undefined || ["number", "string", "boolean"].includes(typeof value)) return;
  if (value instanceof tf.Tensor)
    throw new Error(
      `${caller}: expected${path} is a tensor; compare tensors with expectClose(label, actual, expected, 0).`,
    );
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return;
  if (Array.isArray(value)) return value.forEach((v, i) => checkComparable(caller, v, `${path}[${i}]`));
  if (isPlainObject(value))
    return Object.entries(value).forEach(([k, v]) => checkComparable(caller, v, `${path}.${k}`));
  throw new Error(
    `${caller}: expected${path} is ${describeValue(value)} (${typeof value}); expectEqual compares numbers, strings, booleans, arrays and plain objects.`,
  );
}

/** A value as text; numbers inside arrays get no thousands separators (they would read as more numbers). */
function show(value: unknown, inList = false): string {
  if (typeof value === "number") return inList ? formatNumber(value, 8).replace(/,/g, "") : formatNumber(value, 8);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    return `[${Array.from(value as ArrayLike<unknown>, (v) => show(v, true)).join(", ")}]`;
  }
  if (isPlainObject(value))
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v, inList)}`)
      .join(", ")} }`;
  return String(value);
}

function shorten(text: string, limit = 80): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Where actual first differs from expected ("[2].name: got 3, expected 4"), or null when equal. */
function firstDifference(actual: unknown, expected: unknown, path: string): string | null {
  const at = path || "the value";
  const listLike = (v: unknown) => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
  if (listLike(expected)) {
    if (!listLike(actual))
      return `${at}: got ${shorten(show(actual))}, expected an array of length ${(expected as ArrayLike<unknown>).length}`;
    const a = actual as ArrayLike<unknown>;
    const e = expected as ArrayLike<unknown>;
    if (a.length !== e.length) return `${at}: got ${a.length} values, expected ${e.length}`;
    for (let i = 0; i < e.length; i++) {
      const difference = firstDifference(a[i], e[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return `${at}: got ${shorten(show(actual))}, expected an object`;
    const keys = Object.keys(expected);
    const extra = Object.keys(actual).filter((k) => !keys.includes(k));
    if (extra.length) return `${at}: has the unexpected key(s) ${extra.join(", ")}`;
    for (const key of keys) {
      const difference = firstDifference(actual[key], expected[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return null;
  }
  return actual === expected ? null : `${at}: got ${shorten(show(actual))}, expected ${shorten(show(expected))}`;
}

/**
 * Passes when actual equals expected exactly: numbers, strings, booleans, null, and arrays,
 * typed arrays and plain objects of them, compared element by element (NaN equals nothing).
 */
export function expectEqual(label: string, actual: unknown, expected: Plain | ArrayLike<number>): void {
  const caller = "expectEqual";
  checkLabel(caller, label);
  checkComparable(caller, expected, "");
  const difference = firstDifference(actual, expected, "");
  if (difference) fail(label, `${difference}.`);
  const text = show(actual);
  const many = Array.isArray(expected) || ArrayBuffer.isView(expected) || isPlainObject(expected);
  pass(
    label,
    text.length <= 80 || !many ? shorten(text) : `all ${formatNumber(leafCount(expected))} values as expected`,
  );
}

/** How many single values (numbers, strings, …) a nested array or object holds. */
function leafCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + leafCount(v), 0);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as unknown as ArrayLike<number>).length;
  if (isPlainObject(value)) return Object.values(value).reduce((sum: number, v) => sum + leafCount(v), 0);
  return 1;
}

type Comparison = "above" | "at least" | "below" | "at most";

function expectOrder(caller: string, comparison: Comparison, label: string, actual: number, bound: number): void {
  checkLabel(caller, label);
  if (typeof actual !== "number") throw new Error(`${caller}: actual must be a number, got ${describeValue(actual)}.`);
  checkFiniteNumber(caller, "bound", bound, "Pass the number actual is compared with, e.g. 0.95.");
  const holds = {
    above: actual > bound,
    "at least": actual >= bound,
    below: actual < bound,
    "at most": actual <= bound,
  }[comparison];
  const sign = { above: ">", "at least": "≥", below: "<", "at most": "≤" }[comparison];
  if (!holds) fail(label, `${formatNumber(actual, 8)} is not ${comparison} ${formatNumber(bound, 8)}.`);
  pass(label, `${formatNumber(actual)} ${sign} ${formatNumber(bound)}`);
}

/** Passes when actual > bound. */
export function expectAbove(label: string, actual: number, bound: number): void {
  expectOrder("expectAbove", "above", label, actual, bound);
}

/** Passes when actual ≥ bound. */
export function expectAtLeast(label: string, actual: number, bound: number): void {
  expectOrder("expectAtLeast", "at least", label, actual, bound);
}

/** Passes when actual < bound. */
export function expectBelow(label: string, actual: number, bound: number): void {
  expectOrder("expectBelow", "below", label, actual, bound);
}

/** Passes when actual ≤ bound. */
export function expectAtMost(label: string, actual: number, bound: number): void {
  expectOrder("expectAtMost", "at most", label, actual, bound);
}

/** Passes when fn throws an error whose message matches `pattern`; returns that message. */
export function expectThrows(label: string, fn: () => unknown, pattern: RegExp): string {
  const caller = "expectThrows";
  checkLabel(caller, label);
  if (typeof fn !== "function")
    throw new Error(
      `${caller}: fn must be a function to call, got ${describeValue(fn)}. Pass e.g. () => cl.outputSize({ input: 32, kernel: 3, stride: 2 }).`,
    );
  if (!(pattern instanceof RegExp))
    throw new Error(
      `${caller}: pattern must be a regular expression, got ${describeValue(pattern)}. Pass e.g. /is not a whole number/.`,
    );
  let message: string | undefined;
  try {
    fn();
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  if (message === undefined) fail(label, "the call returned normally instead of throwing an error.");
  if (!pattern.test(message))
    fail(label, `the error says ${JSON.stringify(shorten(message, 200))}, which does not match ${pattern}.`);
  pass(label, `threw ${JSON.stringify(shorten(message, 70))}`);
  return message;
}

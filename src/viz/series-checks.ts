// Input checks shared by the chart helpers (line-chart, bar-chart, point-cloud).
import { describeValue } from "../core/checks";
import { checkOptionKeys } from "../core/options";

/** Throws unless values is a non-empty array of finite numbers (positive ones when `positive`). */
export function checkNumbers(
  caller: string,
  name: string,
  values: unknown,
  positive = false,
): asserts values is number[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new Error(
      `${caller}: ${name} must be a non-empty array of numbers, got ${describeValue(values)}. Pass e.g. [0.9, 0.5, 0.3].`,
    );
  }
  values.forEach((v: unknown, i: number) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new Error(
        `${caller}: ${name}[${i}] is ${describeValue(v)}; every value must be a finite number. Leave out or replace the values that are not (a run that diverged?).`,
      );
    }
    if (positive && v <= 0) {
      throw new Error(
        `${caller}: ${name}[${i}] is ${v}, but a log-scale axis needs values > 0. Plot on a linear axis (logY: false) or leave out that value.`,
      );
    }
  });
}

/** Throws unless labels is an array of numbers or strings as long as the values it labels. */
export function checkLabels(caller: string, name: string, labels: unknown, length: number, of: string): void {
  if (!Array.isArray(labels) || labels.length !== length) {
    throw new Error(
      `${caller}: ${name} must be an array with one entry per value of ${of} (${length}), got ${describeValue(labels)}.`,
    );
  }
  labels.forEach((v: unknown, i: number) => {
    if (typeof v !== "string" && !(typeof v === "number" && Number.isFinite(v))) {
      throw new Error(`${caller}: ${name}[${i}] is ${describeValue(v)}; use numbers or strings.`);
    }
  });
}

/** Throws unless value is a non-empty string. */
export function checkText(caller: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new Error(
      `${caller}: ${name} must be a non-empty string, got ${describeValue(value)}. Pass e.g. ${name}: "validation accuracy".`,
    );
  }
}

/** Throws unless value is undefined or a whole number of pixels ≥ 100. */
export function checkPixels(caller: string, name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < 100)) {
    throw new Error(
      `${caller}: ${name} must be a whole number of pixels ≥ 100, got ${describeValue(value)}. Pass e.g. ${name}: 360, or leave it out.`,
    );
  }
}

/** What every chart helper checks first: a non-empty list, known option keys, a title, sizes in pixels, the x step. */
export function checkChartInput(
  caller: string,
  listName: string,
  list: unknown,
  example: string,
  options: unknown,
  allowedKeys: readonly string[],
): void {
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(
      `${caller}: ${listName} must be a non-empty array, got ${describeValue(list)}. Pass e.g. ${example}.`,
    );
  }
  checkOptionKeys(caller, "options", options, allowedKeys);
  if (options === undefined)
    throw new Error(`${caller}: options must give at least a title, e.g. { title: "validation accuracy per epoch" }.`);
  const given = options as Record<string, unknown>;
  checkText(caller, "options.title", given["title"]);
  checkPixels(caller, "options.height", given["height"]);
  checkPixels(caller, "options.width", given["width"]);
  if (given["xStep"] !== undefined) checkNumbers(caller, "options.xStep", [given["xStep"]], true);
}

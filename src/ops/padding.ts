import { checkMatrix, describeValue, Matrix, requireWholeNumber } from "../core/checks";
import { rejectUnknownKeys } from "../core/options";

/** Zeros (or `value`) on each side: one number for all four sides, or each side on its own. */
export type PadAmount = number | { top: number; bottom: number; left: number; right: number };

/** A new matrix with `value` added around it (zero padding by default). The input is not changed. */
export function pad2d(matrix: Matrix, padding: PadAmount, value = 0): Matrix {
  checkMatrix("pad2d", "matrix", matrix);
  const sides =
    typeof padding === "number" ? { top: padding, bottom: padding, left: padding, right: padding } : padding;
  if (sides === null || typeof sides !== "object") {
    throw new Error(
      `pad2d: padding must be a whole number ≥ 0 or { top, bottom, left, right }, got ${describeValue(padding)}. Pass e.g. 1.`,
    );
  }
  rejectUnknownKeys("pad2d", "padding", sides, ["top", "bottom", "left", "right"]);
  for (const side of ["top", "bottom", "left", "right"] as const)
    requireWholeNumber("pad2d", `padding.${side}`, sides[side], 0);
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new Error(`pad2d: value must be a number, got ${describeValue(value)}. Use 0 for zero padding.`);
  }
  const width = matrix[0].length + sides.left + sides.right;
  const padded: Matrix = [];
  for (let r = 0; r < sides.top; r++) padded.push(new Array<number>(width).fill(value));
  for (const row of matrix) {
    padded.push([...new Array<number>(sides.left).fill(value), ...row, ...new Array<number>(sides.right).fill(value)]);
  }
  for (let r = 0; r < sides.bottom; r++) padded.push(new Array<number>(width).fill(value));
  return padded;
}

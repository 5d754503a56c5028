import { checkMatrix, checkVolume, Matrix, requireWholeNumber, Volume } from "../core/checks";
import { requireOptions } from "../core/options";
import { checkFilterBank, Conv2dMultiOptions, FilterBank, setUpConv } from "./conv-multi";
import { pad2d } from "./padding";
import { planWindows, WINDOW_KEYS, WindowOptions } from "./window-plan";

/**
 * Unrolls every kernel window into one row: the result has one row per output position
 * (row by row) and one column per kernel tap (channel, then kernel row, then kernel column).
 * A convolution is then one matrix product: im2col(input) × (filters as columns).
 */
export function im2col(input: Volume, kernelHeight: number, kernelWidth: number, options: WindowOptions = {}): Matrix {
  const caller = "im2col";
  requireOptions<WindowOptions>(caller, options, WINDOW_KEYS, "{ stride: 1, padding: 1 }");
  checkVolume(caller, "input", input);
  requireWholeNumber(caller, "kernelHeight", kernelHeight, 1);
  requireWholeNumber(caller, "kernelWidth", kernelWidth, 1);
  const plan = planWindows(caller, input[0].length, input[0][0].length, kernelHeight, kernelWidth, options);
  const padded = input.map((channel) =>
    pad2d(channel, { top: plan.padTop, bottom: plan.padBottom, left: plan.padLeft, right: plan.padRight }),
  );
  const rows: Matrix = [];
  for (let outRow = 0; outRow < plan.outHeight; outRow++) {
    for (let outCol = 0; outCol < plan.outWidth; outCol++) {
      const patch: number[] = [];
      for (const channel of padded) {
        for (let kRow = 0; kRow < kernelHeight; kRow++) {
          for (let kCol = 0; kCol < kernelWidth; kCol++) {
            patch.push(
              channel[outRow * plan.strideY + kRow * plan.dilationY][outCol * plan.strideX + kCol * plan.dilationX],
            );
          }
        }
      }
      rows.push(patch);
    }
  }
  return rows;
}

/** The matrix product a × b (a is n×m, b is m×p): out[i][j] = Σ_k a[i][k]·b[k][j]. */
export function matrixMultiply(a: Matrix, b: Matrix): Matrix {
  checkMatrix("matrixMultiply", "a", a);
  checkMatrix("matrixMultiply", "b", b);
  if (a[0].length !== b.length) {
    throw new Error(
      `matrixMultiply: a is ${a.length}x${a[0].length} and b is ${b.length}x${b[0].length}; a's column count (${a[0].length}) must equal b's row count (${b.length}). Transpose one of them, or check the shapes.`,
    );
  }
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, v, k) => sum + v * b[k][j], 0)));
}

/** Each filter unrolled into one column (same tap order as im2col): a (channels·kh·kw) × filters matrix. */
export function filtersAsColumns(filters: FilterBank): Matrix {
  const channels = Array.isArray(filters) && Array.isArray(filters[0]) ? filters[0].length : 1;
  checkFilterBank("filtersAsColumns", filters, channels);
  const columns = filters.map((filter) => filter.flat(2));
  return columns[0].map((_, tap) => columns.map((column) => column[tap]));
}

/** The same result as conv2dMulti, computed as im2col(input) × filtersAsColumns(filters), plus bias. */
export function conv2dAsMatrixProduct(input: Volume, filters: FilterBank, options: Conv2dMultiOptions = {}): Volume {
  const { kh, kw, bias, window, plan } = setUpConv("conv2dAsMatrixProduct", input, filters, options);
  const product = matrixMultiply(im2col(input, kh, kw, window), filtersAsColumns(filters));
  // Row p of the product is output position p = row·outWidth + col; column f is filter f.
  return filters.map((_, f) =>
    Array.from({ length: plan.outHeight }, (_, r) =>
      Array.from({ length: plan.outWidth }, (_, c) => product[r * plan.outWidth + c][f] + bias[f]),
    ),
  );
}

import { checkMatrix, Matrix, requireWholeNumber } from "../core/checks";

/**
 * The kernel with (dilation − 1) zeros between its taps: a 3x3 kernel with dilation 2
 * becomes 5x5. Correlating with it equals correlating with the original at that dilation.
 */
export function dilateKernel(kernel: Matrix, dilation: number): Matrix {
  checkMatrix("dilateKernel", "kernel", kernel);
  requireWholeNumber("dilateKernel", "dilation", dilation, 1);
  const rows = dilation * (kernel.length - 1) + 1;
  const cols = dilation * (kernel[0].length - 1) + 1;
  const out: Matrix = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  kernel.forEach((row, r) => row.forEach((v, c) => (out[r * dilation][c * dilation] = v)));
  return out;
}

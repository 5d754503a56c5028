import { checkMatrix, Matrix } from "../core/checks";
import { requireOptions } from "../core/options";
import { pad2d } from "./padding";
import { filledMatrix, planWindows, WINDOW_KEYS, WindowOptions } from "./window-plan";

const WINDOW_EXAMPLE = "{ stride: 1, padding: 1 }";

/** The kernel turned by 180°: last row first, each row reversed. */
export function flip180(kernel: Matrix): Matrix {
  checkMatrix("flip180", "kernel", kernel);
  return kernel.map((row) => [...row].reverse()).reverse();
}

/** The input with the plan's zeros around it. */
function padForPlan(input: Matrix, plan: ReturnType<typeof planWindows>): Matrix {
  return pad2d(input, { top: plan.padTop, bottom: plan.padBottom, left: plan.padLeft, right: plan.padRight });
}

/**
 * 2-D cross-correlation (교차 상관), what deep-learning frameworks call "convolution":
 * slide the kernel over the (padded) input and, at each position, multiply the
 * overlapping numbers pairwise and add them up.
 */
export function correlate2d(input: Matrix, kernel: Matrix, options: WindowOptions = {}): Matrix {
  requireOptions<WindowOptions>("correlate2d", options, WINDOW_KEYS, WINDOW_EXAMPLE);
  checkMatrix("correlate2d", "input", input);
  checkMatrix("correlate2d", "kernel", kernel);
  const plan = planWindows("correlate2d", input.length, input[0].length, kernel.length, kernel[0].length, options);
  const padded = padForPlan(input, plan);
  const out = filledMatrix(plan.outHeight, plan.outWidth);
  for (let outRow = 0; outRow < plan.outHeight; outRow++) {
    for (let outCol = 0; outCol < plan.outWidth; outCol++) {
      let sum = 0;
      for (let kRow = 0; kRow < kernel.length; kRow++) {
        for (let kCol = 0; kCol < kernel[0].length; kCol++) {
          const row = outRow * plan.strideY + kRow * plan.dilationY;
          const col = outCol * plan.strideX + kCol * plan.dilationX;
          sum += padded[row][col] * kernel[kRow][kCol];
        }
      }
      out[outRow][outCol] = sum;
    }
  }
  return out;
}

/** True 2-D convolution (합성곱) as in mathematics: cross-correlation with the kernel flipped by 180°. */
export function convolve2d(input: Matrix, kernel: Matrix, options: WindowOptions = {}): Matrix {
  requireOptions<WindowOptions>("convolve2d", options, WINDOW_KEYS, WINDOW_EXAMPLE);
  checkMatrix("convolve2d", "input", input);
  checkMatrix("convolve2d", "kernel", kernel);
  planWindows("convolve2d", input.length, input[0].length, kernel.length, kernel[0].length, options);
  return correlate2d(input, flip180(kernel), options);
}

/** One position of the kernel during a cross-correlation, for step-by-step pictures. */
export interface CorrelationStep {
  /** Output cell this step fills. */
  outRow: number;
  outCol: number;
  /** Top-left corner of the window in the padded input. */
  top: number;
  left: number;
  /** The numbers under the kernel, and their products with the kernel. */
  window: Matrix;
  products: Matrix;
  /** Sum of the products: the output value. */
  sum: number;
}

/** Every step of correlate2d in order (row by row), with the padded input it slides over. */
export function correlationSteps(
  input: Matrix,
  kernel: Matrix,
  options: WindowOptions = {},
  caller = "correlationSteps",
): { padded: Matrix; steps: CorrelationStep[] } {
  requireOptions<WindowOptions>(caller, options, WINDOW_KEYS, WINDOW_EXAMPLE);
  checkMatrix(caller, "input", input);
  checkMatrix(caller, "kernel", kernel);
  const plan = planWindows(caller, input.length, input[0].length, kernel.length, kernel[0].length, options);
  const padded = padForPlan(input, plan);
  const steps: CorrelationStep[] = [];
  for (let outRow = 0; outRow < plan.outHeight; outRow++) {
    for (let outCol = 0; outCol < plan.outWidth; outCol++) {
      const top = outRow * plan.strideY;
      const left = outCol * plan.strideX;
      const window = kernel.map((row, kRow) =>
        row.map((_, kCol) => padded[top + kRow * plan.dilationY][left + kCol * plan.dilationX]),
      );
      const products = window.map((row, kRow) => row.map((v, kCol) => v * kernel[kRow][kCol]));
      const sum = products.flat().reduce((a, b) => a + b, 0);
      steps.push({ outRow, outCol, top, left, window, products, sum });
    }
  }
  return { padded, steps };
}

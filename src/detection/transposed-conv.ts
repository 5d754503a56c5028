import { checkMatrix, describeValue, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";

export interface TransposedConvSize {
  /** Input height (or width). */
  input: number;
  kernel: number;
  stride?: number;
  /**
   * A whole number p (rows removed from each border, PyTorch's `padding`), or tfjs/Keras's
   * "valid" / "same" of tf.layers.conv2dTranspose.
   */
  padding?: number | "valid" | "same";
  /** Extra rows added at the bottom/right (must be < stride); only with a numeric padding. */
  outputPadding?: number;
}

/**
 * Output size of a transposed convolution (전치 합성곱):
 * numeric padding: (input − 1)·stride − 2·padding + kernel + outputPadding;
 * "valid": input·stride + max(kernel − stride, 0); "same": input·stride (tfjs layers' rules).
 * It undoes the ordinary output-size formula: a convolution with the same kernel, stride and
 * padding maps the output size back to `input`.
 */
const SIZE_KEYS = optionKeys<TransposedConvSize>()("input", "kernel", "stride", "padding", "outputPadding");
const CONV_KEYS = optionKeys<TransposedConv2dOptions>()("stride", "padding", "outputPadding");

export function transposedConvOutputSize(options: TransposedConvSize, caller = "transposedConvOutputSize"): number {
  requireOptions<TransposedConvSize>(caller, options, SIZE_KEYS, "{ input: 4, kernel: 4, stride: 2, padding: 1 }", {
    required: true,
  });
  const input = requireWholeNumber(caller, "input", options.input, 1, "Give the input height or width, e.g. 4.");
  const kernel = requireWholeNumber(caller, "kernel", options.kernel, 1, "Give the kernel size, e.g. 3.");
  const stride = requireWholeNumber(caller, "stride", options.stride ?? 1, 1, "Use 2 to double the size.");
  const padding = options.padding ?? 0;
  const outputPadding = options.outputPadding ?? 0;
  if (padding === "valid" || padding === "same") {
    if (outputPadding !== 0) {
      throw new Error(
        `${caller}: outputPadding (${describeValue(outputPadding)}) only applies to a numeric padding, not "${padding}". Remove it, or give padding as a number.`,
      );
    }
    return padding === "same" ? input * stride : input * stride + Math.max(kernel - stride, 0);
  }
  requireWholeNumber(caller, "padding", padding, 0, 'Use a whole number such as 1, or "same" / "valid".');
  requireWholeNumber(caller, "outputPadding", outputPadding, 0, "Use 0 unless you need one extra row.");
  if (outputPadding >= stride) {
    throw new Error(
      `${caller}: outputPadding must be smaller than stride, got outputPadding = ${outputPadding} with stride = ${stride}. Use outputPadding from 0 to ${stride - 1}.`,
    );
  }
  const size = (input - 1) * stride - 2 * padding + kernel + outputPadding;
  if (size < 1) {
    throw new Error(
      `${caller}: (${input} − 1)·${stride} − 2·${padding} + ${kernel} + ${outputPadding} = ${size} is not a positive size. Lower the padding or raise the kernel size.`,
    );
  }
  return size;
}

export interface TransposedConv2dOptions {
  stride?: number;
  padding?: number;
  outputPadding?: number;
}

/**
 * A single-channel transposed convolution on plain arrays, written as a scatter: each input
 * value paints `value × kernel` onto the output at (row·stride, column·stride), overlapping
 * paintings add up, then `padding` rows/columns are cut from each border. This is the
 * gradient of a strided convolution, which is what tf.conv2dTranspose computes.
 */
export function transposedConv2d(
  input: number[][],
  kernel: number[][],
  options: TransposedConv2dOptions = {},
): number[][] {
  requireOptions<TransposedConv2dOptions>("transposedConv2d", options, CONV_KEYS, "{ stride: 2, padding: 1 }");
  checkMatrix("transposedConv2d", "input", input);
  const [rows, columns] = [input.length, input[0].length];
  checkMatrix("transposedConv2d", "kernel", kernel);
  const [kh, kw] = [kernel.length, kernel[0].length];
  const stride = options.stride ?? 1;
  const padding = options.padding ?? 0;
  const outputPadding = options.outputPadding ?? 0;
  const outH = transposedConvOutputSize(
    { input: rows, kernel: kh, stride, padding, outputPadding },
    "transposedConv2d",
  );
  const outW = transposedConvOutputSize(
    { input: columns, kernel: kw, stride, padding, outputPadding },
    "transposedConv2d",
  );
  const out = Array.from({ length: outH }, () => new Array<number>(outW).fill(0));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      for (let a = 0; a < kh; a++) {
        for (let b = 0; b < kw; b++) {
          const r = i * stride + a - padding;
          const c = j * stride + b - padding;
          if (r >= 0 && r < outH && c >= 0 && c < outW) out[r][c] += input[i][j] * kernel[a][b];
        }
      }
    }
  }
  return out;
}

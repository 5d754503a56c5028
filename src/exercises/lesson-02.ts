// Exercises of lesson 02 (registered on import).
import { correlate2d, flip180 } from "../ops/correlate";
import { defineExercise, defineValueExercises } from "./check";

/** The input and kernel of exercises 02.1 and 02.2. */
export const exercise02_1 = {
  input: [
    [1, 2, 0, 1],
    [0, 1, 3, 1],
    [2, 0, 1, 0],
    [1, 1, 0, 2],
  ],
  kernel: [
    [1, 0],
    [-1, 2],
  ],
};

/** Exercise 02.3: the lesson's 5 × 5 input and 3 × 3 kernel, with stride 2 and padding 1. */
export const exercise02_3 = {
  input: [
    [3, 3, 2, 1, 0],
    [0, 0, 1, 3, 1],
    [3, 1, 2, 2, 3],
    [2, 0, 0, 2, 2],
    [2, 0, 0, 0, 1],
  ],
  kernel: [
    [0, 1, 2],
    [2, 2, 0],
    [0, 1, 2],
  ],
  stride: 2,
  padding: 1,
};

defineValueExercises([
  {
    id: "02.1",
    title: "cross-correlate by hand",
    hint: "Put the 2x2 kernel on the top-left 2x2 block, multiply the four pairs and add them; then move one column right. The output is 3x3 because (4 − 2) / 1 + 1 = 3.",
    answerName: "your output",
    expected: () => correlate2d(exercise02_1.input, exercise02_1.kernel),
  },
  {
    id: "02.2",
    title: "the kernel that turns cross-correlation into convolution",
    hint: "True convolution turns the kernel by 180° before sliding it: the last row comes first and each row is read backwards.",
    answerName: "your kernel",
    expected: () => flip180(exercise02_1.kernel),
    form: "give a 2x2 matrix (number[][]).",
  },
  {
    id: "02.3",
    title: "stride 2 with padding 1",
    hint: "Pad the 5x5 input with one ring of zeros (7x7), then take the kernel's multiply-and-sum at rows 0, 2, 4 and columns 0, 2, 4 of the padded input.",
    answerName: "your output",
    expected: () =>
      correlate2d(exercise02_3.input, exercise02_3.kernel, {
        stride: exercise02_3.stride,
        padding: exercise02_3.padding,
      }),
    form: "the output should be 3x3: (5 + 2·1 − 3) / 2 + 1 = 3.",
  },
]);

function isMatrix(value: unknown, rows: number, cols: number): value is number[][] {
  return (
    Array.isArray(value) &&
    value.length === rows &&
    value.every((r) => Array.isArray(r) && r.length === cols && r.every((v) => typeof v === "number"))
  );
}

defineExercise<number[][]>({
  id: "02.4",
  title: "design a horizontal-edge filter",
  hint: "Give the rows above the centre one sign and the rows below the other sign, with a row of zeros in between, so that the numbers add up to 0 (flat areas give 0).",
  verify(answer) {
    if (!isMatrix(answer, 3, 3)) return "give a 3x3 kernel (number[][]).";
    // Dark top and bright bottom (a horizontal edge), and dark left, bright right (a vertical edge).
    const horizontalEdge = Array.from({ length: 8 }, (_, r) => new Array<number>(8).fill(r < 4 ? 0 : 1));
    const verticalEdge = Array.from({ length: 8 }, () => Array.from({ length: 8 }, (_, c) => (c < 4 ? 0 : 1)));
    const onHorizontal = correlate2d(horizontalEdge, answer);
    const onVertical = correlate2d(verticalEdge, answer);
    const flatRows = [onHorizontal[0], onHorizontal[5]];
    if (flatRows.flat().some((v) => Math.abs(v) > 1e-9))
      return "on a flat area (all 0s or all 1s) the response should be 0: make the kernel's numbers add up to 0.";
    if (Math.abs(onHorizontal[2][3]) < 1e-9)
      return "the filter gives 0 right on a horizontal edge: it should respond there.";
    if (onVertical.flat().some((v) => Math.abs(v) > 1e-9))
      return "the filter also responds to a vertical edge: make each column's pattern the same from left to right.";
    return null;
  },
});

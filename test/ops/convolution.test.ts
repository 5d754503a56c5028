import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { conv2dAsMatrixProduct } from "../../src/ops/im2col";
import { conv2dMulti } from "../../src/ops/conv-multi";
import { convolve2d, correlate2d, correlationSteps, flip180 } from "../../src/ops/correlate";
import {
  batchToChw,
  chwToBatch,
  expectNoLeak,
  filtersToTf,
  nestedMaxDiff,
  randomInt,
  randomVolume,
  seededRandom,
  useBackend,
} from "../helpers";
import { Padding } from "../../src/ops/output-size";

const grid = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];

test("correlate2d vs convolve2d: a kernel with a single 1 picks opposite corners (by hand)", () => {
  // Cross-correlation with [[1,0],[0,0]] reads each window's top-left value...
  assert.deepEqual(
    correlate2d(grid, [
      [1, 0],
      [0, 0],
    ]),
    [
      [1, 2],
      [4, 5],
    ],
  );
  // ...true convolution flips the kernel to [[0,0],[0,1]], so it reads the bottom-right one.
  assert.deepEqual(
    convolve2d(grid, [
      [1, 0],
      [0, 0],
    ]),
    [
      [5, 6],
      [8, 9],
    ],
  );
  assert.deepEqual(
    flip180([
      [1, 2],
      [3, 4],
    ]),
    [
      [4, 3],
      [2, 1],
    ],
  );
});

test("correlate2d: stride, padding and dilation by hand", () => {
  // Padding 1 around the 3x3 grid, a 3x3 box of ones, stride 2: sums of the four corner 2x2 blocks.
  const box = [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ];
  assert.deepEqual(correlate2d(grid, box, { padding: 1, stride: 2 }), [
    [1 + 2 + 4 + 5, 2 + 3 + 5 + 6],
    [4 + 5 + 7 + 8, 5 + 6 + 8 + 9],
  ]);
  // Dilation 2 spreads a 2x2 kernel over the corners of the 3x3 grid: 1 + 3 + 7 + 9.
  assert.deepEqual(
    correlate2d(
      grid,
      [
        [1, 1],
        [1, 1],
      ],
      { dilation: 2 },
    ),
    [[20]],
  );
});

test("conv2dMulti and conv2dAsMatrixProduct match tf.conv2d on 120 random cases (strides, paddings, dilations, channels, filters, bias)", async () => {
  await useBackend("cpu");
  const random = seededRandom(20261123);
  for (let trial = 0; trial < 120; trial++) {
    const channels = randomInt(random, 1, 3);
    const height = randomInt(random, 4, 9);
    const width = randomInt(random, 4, 9);
    const kh = randomInt(random, 1, 3);
    const kw = randomInt(random, 1, 3);
    const filterCount = randomInt(random, 1, 3);
    // tfjs allows dilation > 1 only with stride 1.
    const dilation = trial % 4 === 3 ? 2 : 1;
    const stride: [number, number] = dilation > 1 ? [1, 1] : [randomInt(random, 1, 3), randomInt(random, 1, 3)];
    const paddingChoice = randomInt(random, 0, 2);
    const padding: Padding = paddingChoice === 0 ? "same" : paddingChoice === 1 ? "valid" : randomInt(random, 0, 2);
    if (dilation * (Math.max(kh, kw) - 1) + 1 > Math.min(height, width)) continue;
    const input = randomVolume(random, channels, height, width);
    const filters = Array.from({ length: filterCount }, () => randomVolume(random, channels, kh, kw));
    const bias = Array.from({ length: filterCount }, () => randomInt(random, -2, 2));
    const options = { stride, padding, dilation, bias, rounding: "floor" as const };
    const label = JSON.stringify({ trial, channels, height, width, kh, kw, filterCount, stride, padding, dilation });

    const expected = await expectNoLeak(() =>
      tf.tidy(() => {
        // tfjs sizes numeric padding with the kernel's height on both axes, so pad explicitly instead.
        const x =
          typeof padding === "number"
            ? tf.pad(chwToBatch(input), [
                [0, 0],
                [padding, padding],
                [padding, padding],
                [0, 0],
              ])
            : chwToBatch(input);
        const w = filtersToTf(filters);
        const y = tf
          .conv2d(x as tf.Tensor4D, w, stride, typeof padding === "number" ? "valid" : padding, "NHWC", dilation)
          .add(tf.tensor1d(bias).reshape([1, 1, 1, filterCount])) as tf.Tensor4D;
        return batchToChw(y);
      }),
    );
    assert.ok(
      nestedMaxDiff(conv2dMulti(input, filters, options), expected) < 1e-4,
      `conv2dMulti differs from tf.conv2d: ${label}`,
    );
    assert.ok(
      nestedMaxDiff(conv2dAsMatrixProduct(input, filters, options), expected) < 1e-4,
      `conv2dAsMatrixProduct differs from tf.conv2d: ${label}`,
    );
  }
});

/** The kernel with (dilation − 1) zeros between its taps: the reference a dilated correlation must equal. */
function dilateKernel(kernel: number[][], dilation: number): number[][] {
  const out = Array.from({ length: dilation * (kernel.length - 1) + 1 }, () =>
    new Array<number>(dilation * (kernel[0].length - 1) + 1).fill(0),
  );
  kernel.forEach((row, r) => row.forEach((v, c) => (out[r * dilation][c * dilation] = v)));
  return out;
}

test("correlate2d with dilation equals correlate2d with the dilated kernel", () => {
  assert.deepEqual(
    dilateKernel(
      [
        [1, 2],
        [3, 4],
      ],
      2,
    ),
    [
      [1, 0, 2],
      [0, 0, 0],
      [3, 0, 4],
    ],
  ); // the helper itself, by hand
  const random = seededRandom(7);
  const input = randomVolume(random, 1, 9, 8)[0];
  const kernel = randomVolume(random, 1, 3, 2)[0];
  assert.deepEqual(correlate2d(input, kernel, { dilation: 3 }), correlate2d(input, dilateKernel(kernel, 3)));
});

test("convolution ops reject bad input with messages that name the argument and a fix", () => {
  assert.throws(() => correlate2d([], [[1]]), /correlate2d: input must be a non-empty 2-D array/);
  assert.throws(() => correlate2d([[1, 2], [3]], [[1]]), /correlate2d: input row 1 has 1 values but row 0 has 2/);
  assert.throws(() => correlate2d([[1, NaN]], [[1]]), /input\[0\]\[1\] is NaN; every entry must be a finite number/);
  assert.throws(
    () => correlate2d(grid, [[1, 1, 1, 1]]),
    /along the width: the kernel is 4 long but the padded input is only 3 \+ 2·0 = 3.*padding of at least 1/,
  );
  assert.throws(
    () =>
      correlate2d(
        grid,
        [
          [1, 1],
          [1, 1],
        ],
        { stride: 0 },
      ),
    /correlate2d: stride must be a whole number ≥ 1, got 0/,
  );
  assert.throws(
    () =>
      correlate2d(
        grid,
        [
          [1, 1],
          [1, 1],
        ],
        { stride: 2 },
      ),
    /correlate2d, along the height: \(3 \+ 2·0 − 2\) \/ 2 = 1 \/ 2 = 0.5 is not a whole number/,
  );
  assert.throws(
    () => correlate2d(grid, [[1]], { padding: -1 }),
    /padding must be a whole number ≥ 0, "same" or "valid", got -1/,
  );
  const input = [grid, grid];
  assert.throws(() => conv2dMulti(input, [[grid]]), /conv2dMulti: filters\[0\] has 1 channel\(s\) but the input has 2/);
  assert.throws(
    () =>
      conv2dMulti(input, [
        [grid, grid],
        [[[1]], [[1]]],
      ]),
    /filters\[1\] is 1x1 but filters\[0\] is 3x3/,
  );
  assert.throws(
    () => conv2dMulti(input, [[grid, grid]], { bias: [1, 2] }),
    /bias must be an array of 1 finite number\(s\), got \[1, 2\]/,
  );
  assert.throws(
    () =>
      conv2dMulti(
        [
          grid,
          [
            [1, 2],
            [3, 4],
          ],
        ],
        [[grid, grid]],
      ),
    /input\[1\] is 2x2 but input\[0\] is 3x3/,
  );
});

test("correlationSteps: one step per output cell, row by row, each sum equal to correlate2d's value", () => {
  const input = [
    [3, 3, 2, 1, 0],
    [0, 0, 1, 3, 1],
    [3, 1, 2, 2, 3],
    [2, 0, 0, 2, 2],
    [2, 0, 0, 0, 1],
  ];
  const kernel = [
    [0, 1, 2],
    [2, 2, 0],
    [0, 1, 2],
  ];
  const { padded, steps } = correlationSteps(input, kernel, { padding: 1, stride: 2 });
  assert.equal(padded.length, 7);
  assert.deepEqual(
    steps.map((s) => [s.outRow, s.outCol, s.top, s.left]),
    [
      [0, 0, 0, 0],
      [0, 1, 0, 2],
      [0, 2, 0, 4],
      [1, 0, 2, 0],
      [1, 1, 2, 2],
      [1, 2, 2, 4],
      [2, 0, 4, 0],
      [2, 1, 4, 2],
      [2, 2, 4, 4],
    ],
  );
  // First window of the padded input, by hand: a row of zeros, then 0 3 3, then 0 0 0.
  assert.deepEqual(steps[0].window, [
    [0, 0, 0],
    [0, 3, 3],
    [0, 0, 0],
  ]);
  assert.deepEqual(steps[0].products, [
    [0, 0, 0],
    [0, 6, 0],
    [0, 0, 0],
  ]);
  const expected = correlate2d(input, kernel, { padding: 1, stride: 2 }).flat();
  assert.deepEqual(
    steps.map((s) => s.sum),
    expected,
  );
});

test("convolve2d equals tf.conv2d with the kernel reversed on both spatial axes", async () => {
  await useBackend("cpu");
  const random = seededRandom(99);
  const input = randomVolume(random, 1, 6, 7)[0];
  const kernel = randomVolume(random, 1, 3, 2)[0];
  const expected = await expectNoLeak(() =>
    tf.tidy(() => {
      const flipped = tf.reverse(tf.tensor4d(kernel.flat(), [3, 2, 1, 1]), [0, 1]) as tf.Tensor4D;
      return (
        tf.conv2d(tf.tensor4d(input.flat(), [1, 6, 7, 1]), flipped, 1, "valid").squeeze([0, 3]) as tf.Tensor2D
      ).arraySync();
    }),
  );
  assert.ok(nestedMaxDiff(convolve2d(input, kernel), expected) < 1e-5);
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { conv2dAsMatrixProduct, filtersAsColumns, im2col, matrixMultiply } from "../../src/ops/im2col";

const grid = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];

test("im2col: each 2x2 window of a 3x3 grid becomes one row (by hand)", () => {
  assert.deepEqual(im2col([grid], 2, 2), [
    [1, 2, 4, 5],
    [2, 3, 5, 6],
    [4, 5, 7, 8],
    [5, 6, 8, 9],
  ]);
  // Two channels: the second channel's taps follow the first's.
  assert.deepEqual(im2col([grid, grid.map((r) => r.map((v) => 10 * v))], 1, 1, { stride: 2 }), [
    [1, 10],
    [3, 30],
    [7, 70],
    [9, 90],
  ]);
  // Padding adds zeros to the windows at the border.
  assert.deepEqual(im2col([[[5]]], 3, 3, { padding: 1 }), [[0, 0, 0, 0, 5, 0, 0, 0, 0]]);
});

test("matrixMultiply and filtersAsColumns by hand; conv2dAsMatrixProduct on seed 001's example", () => {
  assert.deepEqual(
    matrixMultiply(
      [
        [1, 2],
        [3, 4],
      ],
      [[5], [6]],
    ),
    [[17], [39]],
  );
  assert.deepEqual(filtersAsColumns([[[[1, 2]]], [[[3, 4]]]]), [
    [1, 3],
    [2, 4],
  ]);
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
  assert.deepEqual(conv2dAsMatrixProduct([input], [[kernel]]), [
    [
      [12, 12, 17],
      [10, 17, 19],
      [9, 6, 14],
    ],
  ]);
});

test("im2col and matrixMultiply reject bad input", () => {
  assert.throws(
    () => matrixMultiply([[1, 2]], [[1, 2]]),
    /a is 1x2 and b is 1x2; a's column count \(2\) must equal b's row count \(1\)/,
  );
  assert.throws(() => im2col([grid], 0, 2), /im2col: kernelHeight must be a whole number ≥ 1, got 0/);
  assert.throws(() => im2col([grid], 4, 1), /im2col, along the height: the kernel is 4 long/);
  assert.throws(() => im2col(grid as never, 1, 1), /im2col: input\[0\] must be a non-empty 2-D array/);
});

// The worked examples of the seed notes (001 and 004), recomputed by the from-scratch ops.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { avgPool2d, maxPool2d, minPool2d } from "../../src/ops/pooling";
import { convOutputShape, outputSize } from "../../src/ops/output-size";
import { correlate2d } from "../../src/ops/correlate";

// Seed 001: a 5x5 input and a 3x3 kernel, stride 1, no padding.
const input5 = [
  [3, 3, 2, 1, 0],
  [0, 0, 1, 3, 1],
  [3, 1, 2, 2, 3],
  [2, 0, 0, 2, 2],
  [2, 0, 0, 0, 1],
];
const kernel3 = [
  [0, 1, 2],
  [2, 2, 0],
  [0, 1, 2],
];

test("correlate2d: seed 001's 5x5 input with a 3x3 kernel gives [[12,12,17],[10,17,19],[9,6,14]]", () => {
  assert.deepEqual(correlate2d(input5, kernel3), [
    [12, 12, 17],
    [10, 17, 19],
    [9, 6, 14],
  ]);
});

test("correlate2d: seed 001's 4x4 binary input with the mask [[1,0],[0,1]] gives [[2,1,1],[0,2,2],[0,1,1]]", () => {
  const binary = [
    [1, 0, 1, 0],
    [0, 1, 1, 0],
    [0, 0, 1, 1],
    [0, 0, 1, 0],
  ];
  assert.deepEqual(
    correlate2d(binary, [
      [1, 0],
      [0, 1],
    ]),
    [
      [2, 1, 1],
      [0, 2, 2],
      [0, 1, 1],
    ],
  );
});

// Seed 004: 2x2 pooling with stride 2 on a 4x4 map; expected values by hand.
const pool4 = [
  [29, 15, 28, 184],
  [0, 100, 70, 38],
  [12, 12, 7, 2],
  [12, 12, 45, 6],
];

test("pooling: seed 004's 4x4 example, 2x2 windows, stride 2 (max, average, min by hand)", () => {
  assert.deepEqual(maxPool2d(pool4, { size: 2 }), [
    [100, 184],
    [12, 45],
  ]);
  // (29+15+0+100)/4 = 36, (28+184+70+38)/4 = 80, 48/4 = 12, (7+2+45+6)/4 = 15
  assert.deepEqual(avgPool2d(pool4, { size: 2 }), [
    [36, 80],
    [12, 15],
  ]);
  assert.deepEqual(minPool2d(pool4, { size: 2 }), [
    [0, 28],
    [12, 2],
  ]);
});

test("outputSize: seed 004's 3x32x32 input, ten 4x4 filters, stride 2, padding 1 gives 10x16x16", () => {
  // (32 + 2·1 − 4) / 2 + 1 = 30 / 2 + 1 = 16
  assert.equal(outputSize({ input: 32, kernel: 4, stride: 2, padding: 1 }), 16);
  assert.deepEqual(
    convOutputShape({ inputShape: [32, 32, 3], filters: 10, kernel: 4, stride: 2, padding: 1 }),
    [16, 16, 10],
  );
});

test("convOutputShape: seed 000's 10x10x3 input with two 4x4x3 filters and 'same' padding gives 10x10x2", () => {
  assert.deepEqual(convOutputShape({ inputShape: [10, 10, 3], filters: 2, kernel: 4, padding: "same" }), [10, 10, 2]);
});

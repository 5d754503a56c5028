import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { upsampleBilinear, upsampleNearest } from "../../src/detection/upsampling";
import { maxAbsDiff, useBackend } from "../helpers";

test("upsampleNearest: each value becomes a factor × factor block", () => {
  assert.deepEqual(
    upsampleNearest(
      [
        [1, 2],
        [3, 4],
      ],
      2,
    ),
    [
      [1, 1, 2, 2],
      [1, 1, 2, 2],
      [3, 3, 4, 4],
      [3, 3, 4, 4],
    ],
  );
  assert.deepEqual(upsampleNearest([[5]], 3), [
    [5, 5, 5],
    [5, 5, 5],
    [5, 5, 5],
  ]);
});

test("upsampleBilinear: a hand-computed row", () => {
  // Row [0, 4], factor 2, half-pixel centres: sources (i + 0.5)/2 − 0.5 = −0.25, 0.25, 0.75, 1.25,
  // clamped to 0, 0.25, 0.75, 1 → values 0, 1, 3, 4.
  assert.deepEqual(upsampleBilinear([[0, 4]], 2), [
    [0, 1, 3, 4],
    [0, 1, 3, 4],
  ]);
  // Top-left alignment: sources i/2 = 0, 0.5, 1, 1.5 → clamped 0, 0.5, 1, 1 → 0, 2, 4, 4.
  assert.deepEqual(upsampleBilinear([[0, 4]], 2, { halfPixelCenters: false }), [
    [0, 2, 4, 4],
    [0, 2, 4, 4],
  ]);
});

test("upsampling agrees with tf.image.resizeNearestNeighbor / resizeBilinear", async () => {
  await useBackend("cpu");
  const matrix = [
    [1, -2, 3.5, 0],
    [0.25, 7, -1, 2],
    [3, 3, 0, -4],
  ];
  for (const factor of [2, 3]) {
    const size: [number, number] = [3 * factor, 4 * factor];
    const input = tf.tensor4d(matrix.flat(), [1, 3, 4, 1]);
    const nearest = tf.image.resizeNearestNeighbor(input, size);
    assert.equal(maxAbsDiff(upsampleNearest(matrix, factor).flat(), await nearest.data()), 0);
    for (const half of [true, false]) {
      const bilinear = tf.image.resizeBilinear(input, size, false, half);
      const diff = maxAbsDiff(
        upsampleBilinear(matrix, factor, { halfPixelCenters: half }).flat(),
        await bilinear.data(),
      );
      assert.ok(diff < 1e-5, `factor ${factor}, halfPixelCenters ${half}: max difference ${diff}`);
      bilinear.dispose();
    }
    tf.dispose([input, nearest]);
  }
});

test("upsampling: bad input is rejected with a clear message", () => {
  assert.throws(() => upsampleNearest([[1, 2], [3]], 2), /upsampleNearest: matrix row 1 has 1 values but row 0 has 2/);
  assert.throws(() => upsampleNearest([[1]], 1.5), /factor must be a whole number ≥ 1, got 1.5/);
  assert.throws(() => upsampleBilinear([], 2), /matrix must be a non-empty 2-D array/);
  assert.throws(() => upsampleBilinear([[1, NaN]], 2), /matrix\[0\]\[1\] is NaN; every entry must be a finite number/);
});

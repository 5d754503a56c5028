import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { transposedConv2d, transposedConvOutputSize } from "../../src/detection/transposed-conv";
import { maxAbsDiff, useBackend } from "../helpers";

test("transposedConvOutputSize: hand-computed cases", () => {
  // (2 − 1)·2 − 0 + 3 = 5
  assert.equal(transposedConvOutputSize({ input: 2, kernel: 3, stride: 2 }), 5);
  // DCGAN's doubling block: (4 − 1)·2 − 2·1 + 4 = 8
  assert.equal(transposedConvOutputSize({ input: 4, kernel: 4, stride: 2, padding: 1 }), 8);
  // (3 − 1)·1 − 2·1 + 3 = 3: stride 1, "same"-like padding keeps the size
  assert.equal(transposedConvOutputSize({ input: 3, kernel: 3, stride: 1, padding: 1 }), 3);
  // (7 − 1)·2 − 2·1 + 3 + 1 = 14
  assert.equal(transposedConvOutputSize({ input: 7, kernel: 3, stride: 2, padding: 1, outputPadding: 1 }), 14);
  // tfjs layers: "same" → 5·2 = 10; "valid" → 5·2 + max(3 − 2, 0) = 11; k < s: 5·3 + 0 = 15
  assert.equal(transposedConvOutputSize({ input: 5, kernel: 3, stride: 2, padding: "same" }), 10);
  assert.equal(transposedConvOutputSize({ input: 5, kernel: 3, stride: 2, padding: "valid" }), 11);
  assert.equal(transposedConvOutputSize({ input: 5, kernel: 2, stride: 3, padding: "valid" }), 15);
});

test("transposedConvOutputSize matches tf.layers.conv2dTranspose output shapes", async () => {
  await useBackend("cpu");
  for (const input of [1, 4, 5]) {
    for (const kernel of [1, 2, 3, 4]) {
      for (const stride of [1, 2, 3]) {
        for (const padding of ["same", "valid"] as const) {
          const layer = tf.layers.conv2dTranspose({ filters: 1, kernelSize: kernel, strides: stride, padding });
          const x = tf.zeros([1, input, input, 1]);
          const y = layer.apply(x) as tf.Tensor;
          assert.equal(
            transposedConvOutputSize({ input, kernel, stride, padding }),
            y.shape[1],
            `in ${input} k ${kernel} s ${stride} ${padding}`,
          );
          tf.dispose([x, y]);
          layer.dispose();
        }
      }
    }
  }
});

test("transposedConvOutputSize inverts the convolution output-size formula (checked with tf.conv2d)", async () => {
  await useBackend("cpu");
  for (const [input, kernel, stride, padding, outputPadding] of [
    [4, 4, 2, 1, 0],
    [3, 3, 2, 1, 1],
    [5, 3, 1, 0, 0],
    [2, 5, 3, 2, 2],
  ]) {
    const out = transposedConvOutputSize({ input, kernel, stride, padding, outputPadding });
    // A convolution with the same kernel, stride and padding maps `out` back to `input`.
    const x = tf.zeros([1, out, out, 1]) as tf.Tensor4D;
    const w = tf.zeros([kernel, kernel, 1, 1]) as tf.Tensor4D;
    const y = tf.conv2d(x, w, stride, padding);
    assert.equal(
      y.shape[1],
      input,
      `${JSON.stringify({ input, kernel, stride, padding, outputPadding })} gives ${out}`,
    );
    tf.dispose([x, w, y]);
  }
});

test("transposedConv2d: a hand-computed scatter", () => {
  // Input [[1, 2]], kernel [[1, 1], [1, 1]], stride 2: each value paints a 2×2 block, no overlap.
  assert.deepEqual(
    transposedConv2d(
      [[1, 2]],
      [
        [1, 1],
        [1, 1],
      ],
      { stride: 2 },
    ),
    [
      [1, 1, 2, 2],
      [1, 1, 2, 2],
    ],
  );
  // Input [[1, 2]], kernel [[1, 10, 100]], stride 1: paintings overlap and add.
  // out = [1, 10, 100, 0] + [0, 2, 20, 200] = [1, 12, 120, 200] (height 1 + 1 − 1 = 1).
  assert.deepEqual(transposedConv2d([[1, 2]], [[1, 10, 100]]), [[1, 12, 120, 200]]);
  // Padding cuts rows and columns from each border: input [[2]] with a 3×3 kernel paints
  // 2·kernel (3×3); padding 1 keeps (1 − 1) − 2 + 3 = 1 value, the centre 2·5 = 10.
  assert.deepEqual(
    transposedConv2d(
      [[2]],
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      { padding: 1 },
    ),
    [[10]],
  );
});

test("transposedConv2d agrees with tf.conv2dTranspose", async () => {
  await useBackend("cpu");
  const input = [
    [1, -2, 0.5],
    [3, 0, -1],
  ];
  const kernel = [
    [0.5, -1, 2],
    [1, 0.25, -0.5],
    [2, 1, 0],
  ];
  for (const [stride, padding, outputPadding] of [
    [1, 0, 0],
    [2, 0, 0],
    [2, 1, 1],
    [3, 1, 0],
  ]) {
    const ours = transposedConv2d(input, kernel, { stride, padding, outputPadding });
    const x = tf.tensor4d(input.flat(), [1, 2, 3, 1]);
    const w = tf.tensor4d(kernel.flat(), [3, 3, 1, 1]);
    const y = tf.conv2dTranspose(x, w, [1, ours.length, ours[0].length, 1], stride, padding);
    const diff = maxAbsDiff(ours.flat(), await y.data());
    assert.ok(diff < 1e-5, `stride ${stride} padding ${padding}: difference ${diff}`);
    tf.dispose([x, w, y]);
  }
});

test("transposed convolution: bad input is rejected with a clear message", () => {
  assert.throws(() => transposedConvOutputSize({ input: 0, kernel: 3 }), /input must be a whole number ≥ 1, got 0/);
  assert.throws(
    () => transposedConvOutputSize({ input: 4, kernel: 3, stride: 2, outputPadding: 2 }),
    /outputPadding must be smaller than stride, got outputPadding = 2 with stride = 2/,
  );
  assert.throws(
    () => transposedConvOutputSize({ input: 1, kernel: 1, padding: 1 }),
    /\(1 − 1\)·1 − 2·1 \+ 1 \+ 0 = -1 is not a positive size/,
  );
  assert.throws(
    () => transposedConvOutputSize({ input: 4, kernel: 3, padding: "full" as "same" }),
    /padding must be a whole number ≥ 0, got "full"/,
  );
  assert.throws(
    () => transposedConvOutputSize({ input: 4, kernel: 3, padding: "same", outputPadding: 1 }),
    /outputPadding \(1\) only applies to a numeric padding/,
  );
  assert.throws(() => transposedConv2d([[1]], [[1, 2], [3]]), /kernel row 1 has 1 values but row 0 has 2/);
});

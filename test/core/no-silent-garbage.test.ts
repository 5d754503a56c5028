// Issue #15, the other "silent garbage" cases: each call used to return NaN, strings, an empty
// result or a made-up number; now each stops with a message that names the argument and the value.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { conv2dAsMatrixProduct } from "../../src/ops/im2col";
import { conv2dMulti } from "../../src/ops/conv-multi";
import { takeExamples } from "../../src/data/batches";
import { splitFromArrays } from "../../src/data/split";
import { slidingWindows, splitWindowsByTime } from "../../src/data/series-windows";
import { imageToTensor } from "../../src/data/image-io";
import { pixelImageFromArray } from "../../src/core/image";
import { heatmapFigure } from "../../src/viz/heatmap";
import { tableHtml } from "../../src/viz/table";
import { LiveChart } from "../../src/viz/live-chart";
import { recordDisplays } from "../../src/viz/display";
import { imageGridHtml } from "../../src/viz/image";
import { maskIoU, pixelAccuracy } from "../../src/detection/segmentation";
import { expectNoLeak, useBackend } from "../helpers";

const input = [
  [
    [1, 2],
    [3, 4],
  ],
];
const filter = [[[[1]]]];

test("conv2dAsMatrixProduct and conv2dMulti refuse a bias of NaN or text instead of returning NaN or strings", () => {
  assert.throws(
    () => conv2dAsMatrixProduct(input, filter, { bias: [NaN] }),
    /conv2dAsMatrixProduct: bias\[0\] is NaN; every entry must be a finite number/,
  );
  assert.throws(
    () => conv2dAsMatrixProduct(input, filter, { bias: ["a" as unknown as number] }),
    /conv2dAsMatrixProduct: bias\[0\] is "a"/,
  );
  assert.throws(() => conv2dMulti(input, filter, { bias: [Infinity] }), /conv2dMulti: bias\[0\] is Infinity/);
  assert.deepEqual(conv2dAsMatrixProduct(input, filter, { bias: [10] }), [
    [
      [11, 12],
      [13, 14],
    ],
  ]); // 1·x + 10, by hand
});

test("takeExamples refuses 1.5, NaN and non-arrays instead of rounding them or returning an empty split", async () => {
  await useBackend("cpu");
  const split = splitFromArrays(
    new Float32Array(3),
    Int32Array.from([0, 1, 0]),
    { height: 1, width: 1, channels: 1 },
    2,
  );
  await expectNoLeak(() => {
    assert.throws(
      () => takeExamples(split, 1.5 as unknown as number[]),
      /takeExamples: indices must be a non-empty array of example indices, got 1\.5/,
    );
    assert.throws(
      () => takeExamples(split, NaN as unknown as number[]),
      /indices must be a non-empty array of example indices, got NaN/,
    );
    assert.throws(
      () => takeExamples(split, [0, 1.5]),
      /takeExamples: indices\[1\] must be a whole number from 0 to 2, got 1\.5/,
    );
    assert.throws(() => takeExamples(split, [NaN]), /indices\[0\] must be a whole number from 0 to 2, got NaN/);
    assert.throws(() => takeExamples(split, []), /non-empty array/);
    const two = takeExamples(split, [2, 1]);
    assert.deepEqual(Array.from(two.labels), [0, 1]);
    tf.dispose([two.xs, two.ys]);
  });
  tf.dispose([split.xs, split.ys]);
});

test("splitWindowsByTime refuses a split point that leaves the test (or train) part empty", () => {
  const windows = slidingWindows([1, 2, 3, 4, 5, 6], 2); // targets at positions 2, 3, 4, 5
  assert.throws(
    () => splitWindowsByTime(windows, 6),
    /firstTestIndex 6 leaves the test split empty: the targets lie at positions 2 to 5\. Pick a firstTestIndex from 3 to 5/,
  );
  assert.throws(() => splitWindowsByTime(windows, 2), /firstTestIndex 2 leaves the train split empty/);
  const { train, test: held } = splitWindowsByTime(windows, 5);
  assert.deepEqual([train.targets, held.targets], [[3, 4, 5], [6]]);
});

test("heatmap, tables, live charts, image grids and pixels refuse NaN and text where numbers belong", async () => {
  assert.throws(
    () => heatmapFigure([[1, NaN]]),
    /heatmapFigure: matrix\[0\]\[1\] is NaN; every entry must be a finite number\. Use null to leave a cell empty\./,
  );
  assert.deepEqual((heatmapFigure([[1, null]]).data[0] as { z: unknown }).z, [[1, null]]); // an empty cell, said so
  assert.throws(() => heatmapFigure([[1, "2" as unknown as number]]), /matrix\[0\]\[1\] is "2"/);
  assert.throws(
    () => heatmapFigure([[1, 2]], { xLabels: ["a"] }),
    /xLabels must hold one string or number per column \(2\), got \["a"\]/,
  );
  assert.throws(
    () => tableHtml([{ layer: "conv", accuracy: NaN }]),
    /tableHtml: rows\[0\]\["accuracy"\] is NaN; table cells must be text, finite numbers or booleans/,
  );
  assert.throws(
    () => tableHtml([{ layer: { name: "conv" } as unknown as string }]),
    /rows\[0\]\["layer"\] is \{name: "conv"\}/,
  );
  assert.throws(() => tableHtml([3 as never]), /rows\[0\] must be an object of column values, got 3/);
  const recorder = recordDisplays();
  try {
    const chart = new LiveChart({ throttleMs: 0 });
    assert.throws(
      () => chart.add(1, { loss: NaN }),
      /LiveChart\.add: the value of "loss" at x = 1 is NaN; it must be a finite number\. A NaN or infinite loss means training diverged/,
    );
    assert.throws(() => chart.add(1, { loss: "0.5" as unknown as number }), /the value of "loss" at x = 1 is "0\.5"/);
    assert.deepEqual(chart.values("loss"), [], "nothing was recorded");
  } finally {
    recorder.stop();
  }
  assert.throws(() => pixelImageFromArray([[0, NaN]]), /pixelImageFromArray: pixel \(0, 1\) channel 0 is NaN/);
  assert.throws(() => pixelImageFromArray([["a" as unknown as number]]), /pixel \(0, 0\) channel 0 is "a"/);
  assert.throws(
    () => imageToTensor({ width: 2, height: 1, channels: 1, data: [0, NaN] }),
    /imageToTensor: image value at row 0, column 1, channel 0 is NaN/,
  );
  await assert.rejects(
    imageGridHtml([{ width: 1, height: 1, channels: 1, data: ["x" as unknown as number] }]),
    /imageGridHtml: images\[0\] value at row 0, column 0, channel 0 is "x"/,
  );
});

test("maskIoU and pixelAccuracy refuse a NaN prediction instead of counting it as background", async () => {
  await useBackend("cpu");
  await expectNoLeak(() => {
    const truth = tf.tensor2d([[1, 0]]);
    const nan = tf.tensor2d([[NaN, 0]]);
    assert.throws(
      () => maskIoU(nan, truth),
      /maskIoU: predicted holds NaN at \[0, 0\]; every value must be a finite number/,
    );
    assert.throws(() => pixelAccuracy(nan, truth), /pixelAccuracy: predicted holds NaN/);
    assert.throws(() => maskIoU(truth, nan), /maskIoU: truth holds NaN/);
    const good = tf.tensor2d([[0.9, 0.1]]);
    assert.equal(maskIoU(good, truth), 1); // {pixel 0} ∩ {pixel 0} over their union
    tf.dispose([truth, nan, good]);
  });
});

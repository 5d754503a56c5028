// Issue #15, "training on NaN/Infinity or inconsistent labels runs on": fit, evaluate and
// confusionMatrix look at the data once per call and stop with a message; a loss that becomes
// NaN stops fit and says where.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { splitFromArrays, Split } from "../../src/data/split";
import { confusionMatrix, evaluate, predictClasses } from "../../src/train/evaluate";
import { fit } from "../../src/train/fit";
import { expectNoLeak, useBackend } from "../helpers";

function split(pixels: number[], labels: number[]): Split {
  return splitFromArrays(Float32Array.from(pixels), Int32Array.from(labels), { height: 1, width: 2, channels: 1 }, 2);
}

function denseModel(learningRate = 0.1): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [1, 2, 1] }),
      tf.layers.dense({ units: 2, activation: "softmax", kernelInitializer: "ones" }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(learningRate), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

test("fit and evaluate refuse NaN or Infinity pixels before training, naming where they are", async () => {
  await useBackend("cpu");
  const model = denseModel();
  const good = split([0, 1, 1, 0], [1, 0]);
  const nan = split([0, 1, 1, NaN], [1, 0]);
  const inf = split([0, Infinity, 1, 0], [1, 0]);
  const before = model.getWeights().map((w) => Array.from(w.dataSync()));
  await assert.rejects(
    fit(model, nan, { epochs: 1, chart: false }),
    /fit: train\.xs holds NaN at \[1, 0, 1, 0\]; every value must be a finite number/,
  );
  await assert.rejects(
    fit(model, good, { epochs: 1, chart: false, validation: inf }),
    /fit: options\.validation\.xs holds Infinity at \[0, 0, 1, 0\]/,
  );
  assert.deepEqual(
    model.getWeights().map((w) => Array.from(w.dataSync())),
    before,
    "no step was taken",
  );
  await assert.rejects(evaluate(model, nan), /evaluate: split\.xs holds NaN at \[1, 0, 1, 0\]/);
  await assert.rejects(confusionMatrix(model, inf), /confusionMatrix: split\.xs holds Infinity/);
  await assert.rejects(predictClasses(model, nan.xs), /predictClasses: xs holds NaN/);
  tf.dispose([good.xs, good.ys, nan.xs, nan.ys, inf.xs, inf.ys]);
  model.dispose();
});

test("labels that disagree with the one-hot targets, and targets that are not one-hot, are refused", async () => {
  await useBackend("cpu");
  const model = denseModel();
  const disagree = split([0, 1, 1, 0], [1, 0]);
  disagree.labels[1] = 1; // ys row 1 still says class 0
  await assert.rejects(
    fit(model, disagree, { epochs: 1, chart: false }),
    /fit: train\.labels\[1\] is 1 but train\.ys row 1 is one-hot for class 0; labels and targets disagree/,
  );
  const soft: Split = {
    xs: tf.zeros([2, 1, 2, 1]),
    ys: tf.tensor2d([
      [0, 1],
      [0.5, 0.5],
    ]),
    labels: Int32Array.from([1, 0]),
  };
  await assert.rejects(
    fit(model, soft, { epochs: 1, chart: false }),
    /fit: train\.ys row 1 is \[0\.5, 0\.5\], not one-hot/,
  );
  const empty: Split = { xs: tf.zeros([1, 1, 2, 1]), ys: tf.tensor2d([[0, 0]]), labels: Int32Array.from([0]) };
  await assert.rejects(evaluate(model, empty), /evaluate: split\.ys row 0 is all zeros/);
  tf.dispose([disagree.xs, disagree.ys, soft.xs, soft.ys, empty.xs, empty.ys]);
  model.dispose();
});

test("confusionMatrix with a label outside the classes says so instead of a TypeError", async () => {
  await useBackend("cpu");
  const model = denseModel();
  const bad = split([0, 1, 1, 0], [1, 0]);
  bad.labels[0] = 7;
  await assert.rejects(
    confusionMatrix(model, bad),
    (error: Error) =>
      !(error instanceof TypeError) &&
      /confusionMatrix: split\.labels\[0\] is 7 but split\.ys row 0 is one-hot for class 1/.test(error.message),
  );
  tf.dispose([bad.xs, bad.ys]);
  model.dispose();
});

test("a loss that becomes NaN stops fit at that epoch and batch, with what to do", async () => {
  await useBackend("cpu");
  // Batch 1's loss is computed with the finite starting weights; a learning rate of 1e39 (Infinity
  // in float32) then makes them ±Infinity or NaN, so batch 2's loss is NaN.
  const model = denseModel(1e39);
  const data = split([0, 1, 1, 0, 0, 1, 1, 0], [1, 0, 1, 0]);
  await assert.rejects(
    fit(model, data, { epochs: 3, batchSize: 1, shuffle: false, chart: false }),
    /fit: the loss became NaN at epoch 1 of 3, batch 2 of 4, so training stopped .*build it again, then lower the learning rate \(it was 1e\+39\)/,
  );
  tf.dispose([data.xs, data.ys]);
  model.dispose();
});

test("the data checks leave no tensor behind", async () => {
  await useBackend("cpu");
  const model = denseModel();
  const good = split([0, 1, 1, 0], [1, 0]);
  await expectNoLeak(async () => {
    await evaluate(model, good);
    await confusionMatrix(model, good);
  });
  tf.dispose([good.xs, good.ys]);
  model.dispose();
});

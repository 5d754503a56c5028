import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { splitFromArrays } from "../../src/data/split";
import { confusionMatrix, evaluate } from "../../src/train/evaluate";
import { expectNoLeak, useBackend } from "../helpers";

/** A 1x1x2 "image" classifier whose softmax we can do by hand: logits = the two pixels. */
function identityClassifier(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [1, 1, 2] }),
      tf.layers.dense({ units: 2, activation: "softmax", useBias: false, kernelInitializer: "identity" }),
    ],
  });
  model.compile({ optimizer: "sgd", loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

test("evaluate and confusionMatrix: known answers from a hand-computed softmax", async () => {
  await useBackend("cpu");
  const model = identityClassifier();
  // Pixels (ln 3, 0): softmax = (3/4, 1/4), predicted class 0. Pixels (0, ln 3): (1/4, 3/4), class 1.
  const ln3 = Math.log(3);
  const images = Float32Array.from([ln3, 0, ln3, 0, 0, ln3, 0, ln3]);
  const labels = Int32Array.from([0, 1, 1, 1]); // one mistake: the second image is class 1, predicted 0
  const split = splitFromArrays(images, labels, { height: 1, width: 1, channels: 2 }, 2);
  const result = await expectNoLeak(() => evaluate(model, split, { batchSize: 3 }));
  // Cross-entropy by hand: −(ln ¾ + ln ¼ + ln ¾ + ln ¾) / 4.
  const expectedLoss = -(3 * Math.log(0.75) + Math.log(0.25)) / 4;
  assert.ok(Math.abs(result.loss - expectedLoss) < 1e-5, `loss ${result.loss} vs ${expectedLoss}`);
  assert.equal(result.accuracy, 0.75);
  const matrix = await expectNoLeak(() => confusionMatrix(model, split, { batchSize: 3 }));
  assert.deepEqual(matrix, [
    [1, 0],
    [1, 2],
  ]);
  tf.dispose([split.xs, split.ys]);
  model.dispose();
});

test("evaluate: refuses an uncompiled model, a mismatched split, and a disposed one", async () => {
  await useBackend("cpu");
  const model = identityClassifier();
  const raw = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [1, 1, 2] }), tf.layers.dense({ units: 2 })] });
  const split = splitFromArrays(new Float32Array(2), Int32Array.from([0]), { height: 1, width: 1, channels: 2 }, 2);
  await assert.rejects(evaluate(raw, split), /the model is not compiled\. Call model\.compile/);
  const wrong = splitFromArrays(new Float32Array(3), Int32Array.from([0]), { height: 1, width: 1, channels: 3 }, 2);
  await assert.rejects(evaluate(model, wrong), /images of shape \[1, 1, 3\] but the model expects \[1, 1, 2\]/);
  await assert.rejects(evaluate(model, { xs: split.xs } as never), /split must be a Split \{ xs, ys, labels \}/);
  tf.dispose([split.xs, split.ys, wrong.xs, wrong.ys]);
  await assert.rejects(evaluate(model, split), /disposed tensors/);
  model.dispose();
  raw.dispose();
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createRng } from "../../src/data/random";
import { splitFromArrays, Split } from "../../src/data/split";
import { fit } from "../../src/train/fit";
import { clearSeed, setSeed } from "../../src/train/seed";
import { expectNoLeak, useBackend } from "../helpers";

/** 6x6 images: class 0 has a bright left half, class 1 a bright right half, plus noise. */
function halves(count: number, seed: number): Split {
  const rng = createRng(seed);
  const data = new Float32Array(count * 36);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < 36; p++) {
      const left = p % 6 < 3;
      data[i * 36 + p] = 0.3 * rng.next() + (left === (labels[i] === 0) ? 0.6 : 0);
    }
  }
  return splitFromArrays(data, labels, { height: 6, width: 6, channels: 1 }, 2);
}

function smallCnn(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3, activation: "relu" }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.dense({ units: 2, activation: "softmax" }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

async function seededRun(
  seed: number,
  train: Split,
  validation: Split,
): Promise<{ history: Record<string, number[]>; weights: number[] }> {
  setSeed(seed); // seeds the weight initialisers, which draw from Math.random
  const model = smallCnn();
  const { history } = await fit(model, train, {
    epochs: 3,
    batchSize: 8,
    validation,
    chart: false,
    verbose: false,
    seed,
    augment: { rotation: 10, widthShift: 0.1 },
  });
  const weights = Array.from(await model.getWeights()[0].data());
  model.dispose();
  clearSeed();
  return { history, weights };
}

test("fit: a seeded run repeats exactly (weights, dropout, shuffling, augmentation); another seed differs", async () => {
  await useBackend("cpu");
  const train = halves(40, 1);
  const validation = halves(10, 2);
  const a = await seededRun(7, train, validation);
  const b = await seededRun(7, train, validation);
  const c = await seededRun(8, train, validation);
  assert.deepEqual(b.history, a.history);
  assert.deepEqual(b.weights, a.weights);
  assert.notDeepEqual(c.weights, a.weights);
  assert.deepEqual(Object.keys(a.history).sort(), ["acc", "loss", "val_acc", "val_loss"]);
  assert.equal(a.history.loss.length, 3);
  tf.dispose([train.xs, train.ys, validation.xs, validation.ys]);
});

test("fit: learns an easy task (loss falls, validation accuracy high) and leaks no tensor", async () => {
  await useBackend("cpu");
  const train = halves(64, 3);
  const validation = halves(32, 4);
  setSeed(1);
  const model = smallCnn();
  clearSeed();
  await fit(model, train, { epochs: 1, chart: false, verbose: false, seed: 1 }); // creates the optimizer's slots
  const result = await expectNoLeak(() =>
    fit(model, train, { epochs: 15, batchSize: 16, validation, chart: false, verbose: false, seed: 2 }),
  );
  assert.deepEqual(
    result.epochs,
    Array.from({ length: 15 }, (_, i) => i + 1),
  );
  assert.ok(
    result.history.loss[14] < result.history.loss[0],
    `loss ${result.history.loss[0]} → ${result.history.loss[14]}`,
  );
  assert.ok(result.history.val_acc[14] >= 0.9, `val_acc ${result.history.val_acc[14]}`);
  assert.ok(result.seconds > 0);
  model.dispose();
  tf.dispose([train.xs, train.ys, validation.xs, validation.ys]);
});

test("fit: a learning-rate schedule sets the rate per epoch, is recorded, and the rate is restored", async () => {
  await useBackend("cpu");
  const train = halves(16, 5);
  const model = smallCnn(); // Adam with rate 0.05
  const seen: number[] = [];
  const optimizer = model.optimizer as unknown as { learningRate: number; applyGradients: (g: unknown) => void };
  const apply = optimizer.applyGradients.bind(optimizer);
  optimizer.applyGradients = (g) => {
    seen.push(optimizer.learningRate);
    apply(g);
  };
  const run = await fit(model, train, {
    epochs: 3,
    batchSize: 8,
    chart: false,
    verbose: false,
    seed: 1,
    learningRate: (epoch, lr) => lr / 10 ** (epoch - 1),
  });
  assert.deepEqual(run.history.lr, [0.05, 0.005, 0.0005]);
  // Two batches per epoch, each step used that epoch's rate.
  assert.deepEqual(seen, [0.05, 0.05, 0.005, 0.005, 0.0005, 0.0005]);
  assert.equal(optimizer.learningRate, 0.05);
  await assert.rejects(
    fit(model, train, { epochs: 1, chart: false, learningRate: () => -1 }),
    /schedule returned -1 for epoch 1; it must return a positive number/,
  );
  model.dispose();
  tf.dispose([train.xs, train.ys]);
});

test("fit: bad arguments are refused with the rule and a fix", async () => {
  await useBackend("cpu");
  const train = halves(4, 1);
  const model = smallCnn();
  await assert.rejects(fit(model, train, { epochs: 0 }), /epochs must be a whole number ≥ 1, got 0/);
  await assert.rejects(
    fit(model, train, { epochs: 1, batchSize: 2.5 }),
    /batchSize must be a whole number ≥ 1, got 2\.5/,
  );
  await assert.rejects(fit(model, train, { epochs: 1, seed: 1.5 }), /seed must be a whole number/);
  await assert.rejects(
    fit(model, train, { epochs: 1, augment: 3 as never }),
    /options\.augment must be an object like \{ rotation: 10, zoom: 0\.1 \}, got 3/,
  );
  const raw = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [6, 6, 1] }), tf.layers.dense({ units: 2 })] });
  await assert.rejects(fit(raw, train, { epochs: 1 }), /not compiled/);
  const three = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [6, 6, 1] }), tf.layers.dense({ units: 3, activation: "softmax" })],
  });
  three.compile({ optimizer: "sgd", loss: "categoricalCrossentropy" });
  await assert.rejects(
    fit(three, train, { epochs: 1, chart: false }),
    /train\.ys has 2 classes but the model outputs 3/,
  );
  [model, raw, three].forEach((m) => m.dispose());
  tf.dispose([train.xs, train.ys]);
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { kernelGradientNorms } from "../../src/models/gradient-flow";
import { useBackend, expectNoLeak } from "../helpers";

/** Cross-entropy computed in plain JS from the model's predicted probabilities. */
function lossByHand(model: tf.LayersModel, xs: tf.Tensor, labels: number[]): number {
  const p = tf.tidy(() => (model.predict(xs) as tf.Tensor).arraySync() as number[][]);
  return -p.reduce((s, row, i) => s + Math.log(row[labels[i]]), 0) / p.length;
}

test("kernelGradientNorms agrees with centred-difference gradients on a tiny conv net", async () => {
  await useBackend("cpu");
  const input = tf.input({ shape: [4, 4, 1] });
  const conv = tf.layers
    .conv2d({
      filters: 2,
      kernelSize: 3,
      activation: "tanh",
      name: "conv",
      kernelInitializer: tf.initializers.randomNormal({ stddev: 0.5, seed: 3 }),
    })
    .apply(input) as tf.SymbolicTensor;
  const flat = tf.layers.flatten().apply(conv) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({
      units: 3,
      activation: "softmax",
      name: "fc",
      kernelInitializer: tf.initializers.randomNormal({ stddev: 0.5, seed: 4 }),
    })
    .apply(flat) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  const xs = tf.randomNormal([5, 4, 4, 1], 0, 1, "float32", 7) as tf.Tensor4D;
  const labels = [0, 2, 1, 1, 0];
  const ys = tf.oneHot(tf.tensor1d(labels, "int32"), 3).toFloat() as tf.Tensor2D;

  const measured = await expectNoLeak(() => kernelGradientNorms(model, xs, ys));
  assert.deepEqual(
    measured.map((m) => [m.layer, m.index]),
    [
      ["conv", 1],
      ["fc", 2],
    ],
  );

  const h = 1e-2;
  for (const [name, row] of [
    ["conv", measured[0]],
    ["fc", measured[1]],
  ] as const) {
    const layer = model.getLayer(name);
    const [kernel, bias] = layer.getWeights();
    const values = Array.from(kernel.dataSync());
    let sumSquares = 0;
    for (let i = 0; i < values.length; i++) {
      const at = (delta: number) => {
        const changed = values.slice();
        changed[i] += delta;
        layer.setWeights([tf.tensor(changed, kernel.shape), bias]);
        return lossByHand(model, xs, labels);
      };
      const g = (at(h) - at(-h)) / (2 * h);
      sumSquares += g * g;
    }
    layer.setWeights([kernel, bias]);
    const numericRms = Math.sqrt(sumSquares) / Math.sqrt(values.length);
    assert.ok(
      Math.abs(row.rms - numericRms) / numericRms < 1e-2,
      `${name}: analytic ${row.rms} vs numeric ${numericRms}`,
    );
  }
  tf.dispose([xs, ys]);
  model.dispose();
});

test("kernelGradientNorms rejects mismatched batches", () => {
  const input = tf.input({ shape: [4, 4, 1] });
  const model = tf.model({
    inputs: input,
    outputs: tf.layers.conv2d({ filters: 1, kernelSize: 1 }).apply(input) as tf.SymbolicTensor,
  });
  const xs = tf.zeros([2, 4, 4, 1]) as tf.Tensor4D;
  const ys = tf.zeros([3, 10]) as tf.Tensor2D;
  assert.throws(() => kernelGradientNorms(model, xs, ys), /same number of rows, got shapes \[2,4,4,1\] and \[3,10\]/);
  tf.dispose([xs, ys]);
  model.dispose();
});

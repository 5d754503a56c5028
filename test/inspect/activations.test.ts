import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { activationModel, featureMapImages, layerActivations } from "../../src/inspect/activations";
import { filterVisualisation } from "../../src/inspect/filter-visualisation";
import { withInputSize } from "../../src/inspect/input-size";
import { expectNoLeak, useBackend } from "../helpers";

function smallNet(): tf.LayersModel {
  const model = tf.sequential();
  // conv1: a 1×1 convolution, bias 0, kernel [input channel][output channel] =
  // red (2, 0), green (0, 1), blue (0, −1): channel 0 = 2·red, channel 1 = green − blue.
  model.add(
    tf.layers.conv2d({
      inputShape: [4, 4, 3],
      filters: 2,
      kernelSize: 1,
      name: "conv1",
      weights: [tf.tensor4d([2, 0, 0, 1, 0, -1], [1, 1, 3, 2]), tf.zeros([2])],
    }),
  );
  model.add(tf.layers.maxPooling2d({ poolSize: 2, name: "pool1" }));
  model.add(tf.layers.flatten({ name: "flat" }));
  model.add(tf.layers.dense({ units: 3, name: "out" }));
  return model;
}

test("activationModel / layerActivations: outputs of the named layers, computed by hand", async () => {
  await useBackend("cpu");
  const model = smallNet();
  // Default: the layers with feature-map outputs.
  assert.deepEqual(
    activationModel(model).outputs.map((o) => o.sourceLayer.name),
    ["conv1", "pool1"],
  );
  // Red channel 0..15 row by row, green 1, blue 0.
  const x = tf.tensor4d(Array.from({ length: 16 }, (_, i) => [i, 1, 0]).flat(), [1, 4, 4, 3]);
  const found = await expectNoLeak(() => {
    const list = layerActivations(model, x, ["conv1", "pool1"]);
    const values = list.map((l) => ({
      name: l.name,
      shape: l.activation.shape,
      data: Array.from(l.activation.dataSync()),
    }));
    tf.dispose(list.map((l) => l.activation));
    return values;
  });
  assert.deepEqual(
    found.map((f) => f.shape),
    [
      [1, 4, 4, 2],
      [1, 2, 2, 2],
    ],
  );
  // conv1 channel 0 at pixel i = 2·i; channel 1 = green − blue = 1.
  assert.deepEqual(found[0].data.slice(0, 6), [0, 1, 2, 1, 4, 1]);
  // pool1 channel 0: max of 2·red over each 2×2 block: blocks end at pixels 5, 7, 13, 15 → 10, 14, 26, 30.
  assert.deepEqual(
    found[1].data.filter((_, i) => i % 2 === 0),
    [10, 14, 26, 30],
  );
  const images = featureMapImages(tf.tensor4d(found[1].data, [1, 2, 2, 2]), 1);
  assert.equal(images.length, 1);
  assert.deepEqual(Array.from(images[0].data), [10, 14, 26, 30]);
  assert.throws(
    () => activationModel(model, ["conv9"]),
    /activationModel: the model has no layer named "conv9". Pick one of: conv1, pool1, flat, out/,
  );
  assert.throws(
    () => featureMapImages(tf.zeros([2, 3])),
    /activation must be a 4-D tensor \[batch, height, width, channels\], got shape \[2, 3\]/,
  );
  const unbatched = tf.zeros([4, 4, 3]);
  assert.throws(
    () => layerActivations(model, unbatched),
    /layerActivations: input must be a batch of shape \[n,4,4,3\], got \[4,4,3\]. Add the batch axis/,
  );
  unbatched.dispose();
  x.dispose();
  model.dispose();
});

test("filterVisualisation: the filter green − blue gets a green picture", async () => {
  await useBackend("cpu");
  const model = smallNet();
  const result = await expectNoLeak(() =>
    filterVisualisation(model, { layerName: "conv1", filter: 1, steps: 30, stepSize: 0.05 }),
  );
  const data = Array.from(result.image.data);
  const mean = (c: number) => data.filter((_, i) => i % 3 === c).reduce((a, b) => a + b, 0) / 16;
  // Channel 1 = green − blue: ascent drives green to 1 and blue to 0; red has no gradient, stays ~0.5.
  assert.ok(mean(1) > 0.99 && mean(2) < 0.01, `green ${mean(1)}, blue ${mean(2)}`);
  assert.ok(Math.abs(mean(0) - 0.5) < 0.06, `red ${mean(0)}`);
  // The filter's mean activation rises from about 0 (gray noise) to 1 (green 1 − blue 0).
  assert.ok(Math.abs(result.activations[0]) < 0.1);
  assert.ok(Math.abs(result.activations[result.activations.length - 1] - 1) < 1e-5);
  assert.throws(
    () => filterVisualisation(model, { layerName: "conv1", filter: 2 }),
    /filter must be a whole number from 0 to 1, got 2. Layer conv1 has 2 channels/,
  );
  assert.throws(
    () => filterVisualisation(model, { layerName: "out", filter: 0 }),
    /layer "out" outputs shape \[null, 3\], not a feature map/,
  );
  model.dispose();
});

test("withInputSize: the same filters on a larger image; on the original size the outputs agree", async () => {
  await useBackend("cpu");
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      inputShape: [8, 8, 1],
      filters: 3,
      kernelSize: 3,
      padding: "same",
      activation: "relu",
      name: "c1",
    }),
  );
  model.add(tf.layers.maxPooling2d({ poolSize: 2, name: "p1" }));
  model.add(tf.layers.flatten({ name: "f" }));
  model.add(tf.layers.dense({ units: 2, name: "d" }));
  const big = withInputSize(model, { height: 20, width: 30, upTo: "p1" });
  // 20 × 30 → pooling 2 → 10 × 15, 3 channels.
  assert.deepEqual(big.outputs[0].shape, [null, 10, 15, 3]);
  const same = withInputSize(model, { height: 8, width: 8, upTo: "p1" });
  const x = tf.randomUniform([2, 8, 8, 1], 0, 1, "float32", 4);
  const viewer = activationModel(model, ["p1"]);
  const a = viewer.predict(x) as tf.Tensor;
  const b = same.predict(x) as tf.Tensor;
  assert.deepEqual(Array.from(await a.data()), Array.from(await b.data()));
  assert.throws(
    () => withInputSize(model, { height: 20, width: 30, upTo: "d" }),
    /layer "f" \(Flatten\) depends on the input size/,
  );
  assert.throws(
    () => withInputSize(model, { height: 0, width: 30, upTo: "p1" }),
    /height must be a whole number ≥ 1, got 0/,
  );
  tf.dispose([x, a, b]);
  model.dispose();
  big.dispose();
  same.dispose();
});

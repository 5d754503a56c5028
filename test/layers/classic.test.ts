import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { LocalResponseNormalization, localResponseNormPixel } from "../../src/layers/local-response-norm";
import { ConnectionTableConv2D, LENET5_C3_TABLE } from "../../src/layers/connection-table-conv";
import { convBnReluLayers, vggBlockLayers } from "../../src/layers/vgg-block";
import { convBnRelu } from "../../src/layers/conv-bn-relu";
import { expectNoLeak, maxAbsDiff, useBackend } from "../helpers";

async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  return tf.loadLayersModel(tf.io.fromMemory(saved!));
}

test("LRN layer matches the AlexNet formula computed by hand", async () => {
  await useBackend("cpu");
  // One pixel, channels [1, 2, 3, 4]; depthRadius 1, k = 1, α = 0.5, β = 1:
  // b0 = 1 / (1 + 0.5·(1+4))      = 1/3.5
  // b1 = 2 / (1 + 0.5·(1+4+9))    = 2/8
  // b2 = 3 / (1 + 0.5·(4+9+16))   = 3/15.5
  // b3 = 4 / (1 + 0.5·(9+16))     = 4/13.5
  const easy = [1 / 3.5, 2 / 8, 3 / 15.5, 4 / 13.5];
  const layer = new LocalResponseNormalization({ depthRadius: 1, bias: 1, alpha: 0.5, beta: 1 });
  const x = tf.tensor4d([1, 2, 3, 4], [1, 1, 1, 4]);
  await expectNoLeak(() => (layer.apply(x) as tf.Tensor).dispose());
  const y = layer.apply(x) as tf.Tensor;
  assert.ok(maxAbsDiff(await y.data(), easy) < 1e-6);
  assert.ok(
    maxAbsDiff(localResponseNormPixel([1, 2, 3, 4], { depthRadius: 1, bias: 1, alpha: 0.5, beta: 1 }), easy) < 1e-12,
  );
  tf.dispose([x, y]);

  // AlexNet's settings (n = 5, k = 2, α = 1e-4, β = 0.75) on channels 10, 20, …, 60 at two pixels.
  const values = [10, 20, 30, 40, 50, 60];
  const alex = [
    10 / Math.pow(2 + 1e-4 * (100 + 400 + 900), 0.75),
    20 / Math.pow(2 + 1e-4 * (100 + 400 + 900 + 1600), 0.75),
    30 / Math.pow(2 + 1e-4 * (100 + 400 + 900 + 1600 + 2500), 0.75),
    40 / Math.pow(2 + 1e-4 * (400 + 900 + 1600 + 2500 + 3600), 0.75),
    50 / Math.pow(2 + 1e-4 * (900 + 1600 + 2500 + 3600), 0.75),
    60 / Math.pow(2 + 1e-4 * (1600 + 2500 + 3600), 0.75),
  ];
  const x2 = tf.tensor4d([...values, ...values.map((v) => -v)], [1, 1, 2, 6]);
  const y2 = new LocalResponseNormalization().apply(x2) as tf.Tensor;
  const got = await y2.data();
  assert.ok(maxAbsDiff(got, [...alex, ...alex.map((v) => -v)]) < 1e-4);
  assert.ok(maxAbsDiff(localResponseNormPixel(values), alex) < 1e-12);
  tf.dispose([x2, y2]);
});

test("LRN layer: no weights, shape kept, saved and loaded by name", async () => {
  await useBackend("cpu");
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 2], filters: 7, kernelSize: 3 }),
      new LocalResponseNormalization({ name: "lrn" }),
    ],
  });
  assert.equal(model.getLayer("lrn").countParams(), 0);
  assert.deepEqual(model.outputs[0].shape, [null, 4, 4, 7]);
  const restored = await roundTrip(model);
  assert.equal(restored.getLayer("lrn").getClassName(), "LocalResponseNormalization");
  const x = tf.randomNormal([2, 6, 6, 2]);
  const a = model.predict(x) as tf.Tensor;
  const b = restored.predict(x) as tf.Tensor;
  assert.ok(maxAbsDiff(await a.data(), await b.data()) < 1e-6);
  tf.dispose([x, a, b]);
  model.dispose();
  restored.dispose();
});

test("LRN: bad settings are rejected, naming the argument", () => {
  assert.throws(
    () => new LocalResponseNormalization({ depthRadius: -1 }),
    /depthRadius must be a whole number ≥ 0, got -1/,
  );
  assert.throws(() => new LocalResponseNormalization({ bias: 0 }), /bias must be a finite number > 0, got 0/);
  assert.throws(() => new LocalResponseNormalization({ beta: Number.NaN }), /beta must be a finite number ≥ 0/);
  assert.throws(() => localResponseNormPixel([]), /values is empty; pass one number per channel/);
});

test("ConnectionTableConv2D equals a dense conv whose unconnected kernel slices are zero", async () => {
  await useBackend("cpu");
  const layer = new ConnectionTableConv2D({ table: LENET5_C3_TABLE, kernelSize: 5 });
  const x = tf.randomNormal([2, 9, 9, 6], 0, 1, "float32", 7) as tf.Tensor4D;
  const y = layer.apply(x) as tf.Tensor4D;
  assert.deepEqual(y.shape, [2, 5, 5, 16]);
  // Hand bookkeeping: 60 connections × 25 taps + 16 biases = 1,516 (a full C3 would have 2,416).
  assert.equal(layer.countParams(), 60 * 25 + 16);
  // Build the reference kernel independently: connection c of map f is column c of the stored kernel.
  const stored = (await layer.getWeights()[0].data()) as Float32Array; // [25, 60]
  const bias = await layer.getWeights()[1].data();
  const full = new Float32Array(5 * 5 * 6 * 16);
  let c = 0;
  LENET5_C3_TABLE.forEach((inputs, f) => {
    for (const channel of inputs) {
      for (let tap = 0; tap < 25; tap++) full[tap * 6 * 16 + channel * 16 + f] = stored[tap * 60 + c];
      c++;
    }
  });
  const reference = tf.add(
    tf.conv2d(x, tf.tensor4d(full, [5, 5, 6, 16]), 1, "valid"),
    tf.tensor1d(bias as Float32Array),
  );
  assert.ok(maxAbsDiff(await y.data(), await reference.data()) < 1e-4);
  // An input channel a map does not read cannot change it: map 0 reads channels 0, 1, 2 only.
  const bumped = tf.tidy(() => x.add(tf.oneHot(tf.fill([2, 9, 9], 5, "int32"), 6).mul(100))) as tf.Tensor4D;
  const y2 = layer.apply(bumped) as tf.Tensor4D;
  const map0 = (t: tf.Tensor4D) => t.slice([0, 0, 0, 0], [2, 5, 5, 1]);
  const [m1, m2] = [map0(y), map0(y2)];
  assert.ok(maxAbsDiff(await m1.data(), await m2.data()) < 1e-4);
  tf.dispose([x, y, reference, bumped, y2, m1, m2]);
  const zeros = tf.zeros([1, 9, 9, 6]);
  await expectNoLeak(() => (layer.apply(zeros) as tf.Tensor).dispose());
  zeros.dispose();
  layer.dispose();
});

test("ConnectionTableConv2D: gradients reach only the stored connections, and it saves and loads", async () => {
  await useBackend("cpu");
  const model = tf.sequential({
    layers: [
      new ConnectionTableConv2D({ table: [[0], [0, 1]], kernelSize: 3, activation: "tanh", inputShape: [5, 5, 2] }),
    ],
  });
  assert.equal(model.countParams(), 3 * 9 + 2); // 3 connections × 9 taps + 2 biases
  const x = tf.randomNormal([3, 5, 5, 2]);
  const { grads } = tf.variableGrads(() => (model.predict(x) as tf.Tensor).square().sum() as tf.Scalar);
  const g = Object.values(grads);
  assert.deepEqual(g.map((t) => t.shape).sort(), [[2], [9, 3]]);
  for (const t of g) assert.ok((await t.abs().sum().data())[0] > 0, "every weight gets a gradient");
  const restored = await roundTrip(model);
  const [a, b] = [model.predict(x) as tf.Tensor, restored.predict(x) as tf.Tensor];
  assert.ok(maxAbsDiff(await a.data(), await b.data()) < 1e-6);
  tf.dispose([x, a, b, ...g]);
  model.dispose();
  restored.dispose();
});

test("ConnectionTableConv2D: bad tables are rejected with a fix", () => {
  assert.throws(() => new ConnectionTableConv2D({ table: [] }), /table must be a non-empty array/);
  assert.throws(() => new ConnectionTableConv2D({ table: [[0, 0]] }), /table\[0\] lists a channel twice/);
  const layer = new ConnectionTableConv2D({ table: [[0, 3]] });
  assert.throws(
    () => layer.apply(tf.input({ shape: [8, 8, 2] })),
    /reads input channel 3, but the input shape is \[null, 8, 8, 2\]/,
  );
});

test("convBnReluLayers builds the same layers and weights as convBnRelu", () => {
  const input = tf.input({ shape: [6, 6, 5] });
  const reference = tf.model({ inputs: input, outputs: convBnRelu(input, { filters: 4, kernelSize: 3, name: "r" }) });
  const listed = tf.sequential({
    layers: [
      tf.layers.inputLayer({ inputShape: [6, 6, 5] }),
      ...convBnReluLayers({ filters: 4, kernelSize: 3, name: "l" }),
    ],
  });
  const describe = (m: tf.LayersModel) =>
    m.layers
      .filter((l) => l.getClassName() !== "InputLayer")
      .map((l) => {
        const { name: _name, ...config } = l.getConfig();
        return { type: l.getClassName(), config, weights: l.weights.map((w) => w.shape) };
      });
  assert.deepEqual(describe(listed), describe(reference));
  reference.dispose();
  listed.dispose();
});

test("vggBlockLayers: n 3×3 convs then a 2×2 pool; parameters by hand", () => {
  const block = tf.sequential({
    layers: [tf.layers.inputLayer({ inputShape: [8, 8, 3] }), ...vggBlockLayers({ convs: 2, filters: 4, name: "b" })],
  });
  // conv1: 3·3·3·4 + 4 = 112; conv2: 3·3·4·4 + 4 = 148
  assert.equal(block.countParams(), 112 + 148);
  assert.deepEqual(block.outputs[0].shape, [null, 4, 4, 4]);
  block.dispose();
  const odd = tf.sequential({
    layers: [
      tf.layers.inputLayer({ inputShape: [7, 7, 1] }),
      ...vggBlockLayers({ convs: 1, filters: 2, batchNorm: true, poolPadding: "same", name: "s" }),
    ],
  });
  assert.deepEqual(odd.outputs[0].shape, [null, 4, 4, 2]); // 'same' pooling rounds 7/2 up
  assert.equal(odd.countParams(), 3 * 3 * 1 * 2 + 4 * 2); // no conv bias; BN gamma, beta, mean, variance
  odd.dispose();
  assert.throws(() => vggBlockLayers({ convs: 0, filters: 4, name: "b" }), /convs must be a whole number ≥ 1, got 0/);
  assert.throws(() => vggBlockLayers({ convs: 2, filters: 4, name: "" }), /name must be a non-empty string/);
});

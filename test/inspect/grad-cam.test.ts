import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { gradCam } from "../../src/inspect/grad-cam";
import { overlayHeatmap, heatColour } from "../../src/inspect/overlay";
import { expectNoLeak, useBackend } from "../helpers";

/**
 * A model whose only feature map is the input itself (a 1×1 convolution with weight 1, bias 0),
 * then global average pooling and a dense softmax layer with logits (mean, −mean).
 * Class 0's score before softmax is mean(x), so its gradient is 1/64 on every pixel of the
 * map, α = 1/64 > 0, and the Grad-CAM map is ReLU(x / 64) scaled to max 1: x / max(x).
 * Class 1's score is −mean(x): α = −1/64 and ReLU(−x / 64) = 0 for a non-negative input.
 */
function identityFeatureModel(softmaxAsLayer = false): tf.LayersModel {
  const input = tf.input({ shape: [8, 8, 1] });
  const features = tf.layers
    .conv2d({ filters: 1, kernelSize: 1, name: "features", weights: [tf.ones([1, 1, 1, 1]), tf.zeros([1])] })
    .apply(input) as tf.SymbolicTensor;
  const pooled = tf.layers.globalAveragePooling2d({}).apply(features) as tf.SymbolicTensor;
  const dense = tf.layers.dense({
    units: 2,
    activation: softmaxAsLayer ? "linear" : "softmax",
    weights: [tf.tensor2d([[1, -1]]), tf.zeros([2])],
  });
  let output = dense.apply(pooled) as tf.SymbolicTensor;
  if (softmaxAsLayer) output = tf.layers.activation({ activation: "softmax" }).apply(output) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

function brightSquareImage(): { tensor: tf.Tensor3D; values: number[][] } {
  // Dark image (0.1) with a bright 2×2 square (0.9) at rows 5–6, columns 1–2.
  const values = Array.from({ length: 8 }, (_, r) =>
    Array.from({ length: 8 }, (_, c) => (r >= 5 && r <= 6 && c >= 1 && c <= 2 ? 0.9 : 0.1)),
  );
  return { tensor: tf.tensor3d(values.map((row) => row.map((v) => [v]))), values };
}

test("gradCam on a model whose feature map is the input: the heatmap is the input / max", async () => {
  await useBackend("cpu");
  for (const softmaxAsLayer of [false, true]) {
    const model = identityFeatureModel(softmaxAsLayer);
    const { tensor, values } = brightSquareImage();
    const result = await expectNoLeak(() => gradCam(model, tensor, { layerName: "features", classIndex: 0 }));
    assert.equal(result.classIndex, 0);
    // α = d mean(x) / dA = 1/64 for the single channel.
    assert.ok(Math.abs(result.channelWeights[0] - 1 / 64) < 1e-7, `weight ${result.channelWeights[0]}`);
    for (let r = 0; r < 8; r++)
      for (let c = 0; c < 8; c++) assert.ok(Math.abs(result.heatmap[r][c] - values[r][c] / 0.9) < 1e-5);
    // The peak is on the bright square.
    assert.equal(result.heatmap[5][1], 1);
    // Class 1 is argued against by every bright pixel: the map is all zeros.
    const against = gradCam(model, tensor, { layerName: "features", classIndex: 1 });
    assert.ok(against.heatmap.flat().every((v) => v === 0));
    // Default class: the top prediction. Logits (0.3, −0.3) → class 0, softmax 1/(1+e^(−0.6)).
    const mean = (0.9 * 4 + 0.1 * 60) / 64; // = 0.15
    const top = gradCam(model, tensor, { layerName: "features" });
    assert.equal(top.classIndex, 0);
    assert.ok(Math.abs(top.score - 1 / (1 + Math.exp(-2 * mean))) < 1e-5);
    tensor.dispose();
    model.dispose();
  }
});

test("hires-cam gives each position's contribution where Grad-CAM's average cancels out", async () => {
  await useBackend("cpu");
  // Feature map = the 4×4 input; flatten; dense class-0 weights +1 on the left two columns and −1 on
  // the right two (class 1: all 0). On an input of ones, class 0's score is 8 − 8 = 0, the gradient is
  // the weight pattern itself: Grad-CAM's α = mean(±1) = 0 → an all-zero map; HiResCAM = ReLU(w ⊙ 1)
  // → 1 on the left half, 0 on the right.
  const input = tf.input({ shape: [4, 4, 1] });
  const features = tf.layers
    .conv2d({ filters: 1, kernelSize: 1, name: "features", weights: [tf.ones([1, 1, 1, 1]), tf.zeros([1])] })
    .apply(input) as tf.SymbolicTensor;
  const flat = tf.layers.flatten().apply(features) as tf.SymbolicTensor;
  const pattern = Array.from({ length: 16 }, (_, p) => (p % 4 < 2 ? 1 : -1));
  const output = tf.layers
    .dense({ units: 2, weights: [tf.tensor2d(pattern.map((w) => [w, 0])), tf.zeros([2])] })
    .apply(flat) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  const x = tf.ones([4, 4, 1]);
  const averaged = gradCam(model, x, { layerName: "features", classIndex: 0 });
  assert.ok(averaged.heatmap.flat().every((v) => v === 0));
  const hires = await expectNoLeak(() =>
    gradCam(model, x, { layerName: "features", classIndex: 0, method: "hires-cam" }),
  );
  assert.deepEqual(
    hires.heatmap,
    [0, 1, 2, 3].map(() => [1, 1, 0, 0]),
  );
  assert.throws(
    () => gradCam(model, x, { layerName: "features", method: "cam" as "grad-cam" }),
    /method must be "grad-cam" or "hires-cam", got "cam"/,
  );
  x.dispose();
  model.dispose();
});

test("gradCam: bad arguments are rejected with a clear message", async () => {
  await useBackend("cpu");
  const model = identityFeatureModel();
  const { tensor } = brightSquareImage();
  assert.throws(
    () => gradCam(model, tensor, { layerName: "nope" }),
    /gradCam: the model has no layer named "nope". Pick one of: .*features/,
  );
  assert.throws(
    () => gradCam(model, tensor, { layerName: "features", classIndex: 2 }),
    /classIndex must be a whole number from 0 to 1.*got 2/,
  );
  const pooledName = model.layers[2].name;
  assert.throws(
    () => gradCam(model, tensor, { layerName: pooledName }),
    /outputs shape \[null, 1\], not a feature map.*Pick a convolution or pooling layer: features/,
  );
  const wrong = tf.zeros([4, 4, 1]);
  assert.throws(
    () => gradCam(model, wrong, { layerName: "features" }),
    /image has shape \[4,4,1\] but the model expects \[8,8,1\]/,
  );
  // A residual add after the chosen layer: not a chain.
  const input = tf.input({ shape: [8, 8, 1] });
  const a = tf.layers.conv2d({ filters: 1, kernelSize: 1, name: "a" }).apply(input) as tf.SymbolicTensor;
  const b = tf.layers.conv2d({ filters: 1, kernelSize: 1, name: "b" }).apply(a) as tf.SymbolicTensor;
  const sum = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ units: 2 })
    .apply(tf.layers.flatten().apply(sum) as tf.SymbolicTensor) as tf.SymbolicTensor;
  const branched = tf.model({ inputs: input, outputs: out });
  assert.throws(() => gradCam(branched, tensor, { layerName: "a" }), /not a simple chain.*Pick a later layer/);
  tf.dispose([tensor, wrong]);
  model.dispose();
  branched.dispose();
});

test("overlayHeatmap: heat colours at the ends, blend by alpha", () => {
  assert.deepEqual(heatColour(0), [0, 0, 0.5]); // dark blue
  assert.deepEqual(heatColour(1), [0.5, 0, 0]); // dark red
  assert.deepEqual(heatColour(0.5), [0.5, 1, 0.5]); // green in the middle
  const image = { width: 2, height: 2, channels: 1 as const, data: [0, 0, 1, 1] };
  const blended = overlayHeatmap(
    image,
    [
      [1, 1],
      [1, 1],
    ],
    0.5,
  );
  // Pixel 0: 0.5·0 + 0.5·(0.5, 0, 0); pixel 2: 0.5·1 + 0.5·(0.5, 0, 0).
  assert.deepEqual(Array.from(blended.data as Float32Array).slice(0, 3), [0.25, 0, 0]);
  assert.deepEqual(Array.from(blended.data as Float32Array).slice(6, 9), [0.75, 0.5, 0.5]);
  assert.throws(() => overlayHeatmap(image, [[1, 2], [3]]), /heatmap row 1 has 1 values but row 0 has 2/);
  assert.throws(() => overlayHeatmap(image, [[1]], 2), /alpha must be a finite number from 0 to 1, got 2/);
});

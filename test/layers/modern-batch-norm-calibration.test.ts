import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { recalibrateBatchNorm } from "../../src/layers/batch-norm-calibration";
import { useBackend, expectNoLeak, maxAbsDiff } from "../helpers";

test("recalibrateBatchNorm sets moving mean/variance to the input's statistics, layer after layer", async () => {
  await useBackend("cpu");
  const input = tf.input({ shape: [2, 2, 1] });
  const bn1 = tf.layers.batchNormalization({ name: "bn1" });
  const scale = tf.layers.conv2d({
    filters: 1,
    kernelSize: 1,
    useBias: false,
    kernelInitializer: "ones",
    name: "scale",
  });
  const bn2 = tf.layers.batchNormalization({ name: "bn2" });
  const output = bn2.apply(scale.apply(bn1.apply(input))) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  // Two images: [[1, 2], [3, 4]] and [[5, 6], [7, 8]]: mean 4.5, variance (Σ(v − 4.5)²)/8 = (12.25+6.25+2.25+0.25)·2/8 = 5.25.
  const images = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]);
  const count = await expectNoLeak(() => recalibrateBatchNorm(model, images));
  assert.equal(count, 2);
  const [, , mean1, variance1] = bn1.getWeights();
  assert.ok(maxAbsDiff(await mean1.data(), [4.5]) < 1e-6);
  assert.ok(maxAbsDiff(await variance1.data(), [5.25]) < 1e-5);
  // bn2 sees bn1's output with the new statistics: (v − 4.5)/sqrt(5.25 + 0.001), mean 0, variance 5.25/5.251.
  const [, , mean2, variance2] = bn2.getWeights();
  assert.ok(maxAbsDiff(await mean2.data(), [0]) < 1e-6);
  assert.ok(maxAbsDiff(await variance2.data(), [5.25 / 5.251]) < 1e-5);
  images.dispose();
  model.dispose();
});

test("recalibrateBatchNorm rejects bad arguments", () => {
  const input = tf.input({ shape: [2, 2, 1] });
  const model = tf.model({ inputs: input, outputs: tf.layers.batchNormalization().apply(input) as tf.SymbolicTensor });
  const one = tf.zeros([1, 2, 2, 1]) as tf.Tensor4D;
  assert.throws(() => recalibrateBatchNorm(model, one), /at least 2 images, got shape \[1,2,2,1\]/);
  assert.throws(() => recalibrateBatchNorm({} as tf.LayersModel, one), /model must be a tf.LayersModel/);
  one.dispose();
  model.dispose();
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { dcganGenerator, dcganDiscriminator } from "../../src/models/dcgan";
import { pointGenerator, pointDiscriminator } from "../../src/models/point-gan";
import { createGan, ganTrainStep, latentNoise, disposeGan } from "../../src/models/gan-training";
import { imageMosaic } from "../../src/data/batch-images";
import { expectNoLeak, useBackend } from "../helpers";

test("dcgan: shapes and parameter counts by arithmetic (latent 32, filters 64, 28×28×1)", async () => {
  await useBackend("cpu");
  const g = dcganGenerator({ latentDim: 32, filters: 64, batchNorm: false });
  const d = dcganDiscriminator({ filters: 64 });
  assert.deepEqual(g.outputs[0].shape, [null, 28, 28, 1]);
  assert.deepEqual(d.outputs[0].shape, [null, 1]);
  // dense 32 → 7·7·64 (+ bias); transposed conv 4×4×64→32 (+32); transposed conv 4×4×32→1 (+1)
  assert.equal(g.countParams(), 32 * 3136 + 3136 + (16 * 64 * 32 + 32) + (16 * 32 + 1));
  // conv 4×4×1→32 (+32); conv 4×4×32→64 (+64); dense 7·7·64 → 1 (+1)
  assert.equal(d.countParams(), 16 * 32 + 32 + (16 * 32 * 64 + 64) + (3136 + 1));
  // batch normalisation adds γ, β, moving mean and moving variance per channel: 4 · 3136 after the dense layer, 4 · 32 after g_up1
  const gBn = dcganGenerator({ latentDim: 32, filters: 64 });
  assert.equal(gBn.countParams() - g.countParams(), 4 * 3136 + 4 * 32);
  gBn.dispose();
  await expectNoLeak(() => {
    const images = tf.tidy(() => g.predict(latentNoise(3, 32, 1)) as tf.Tensor);
    assert.deepEqual(images.shape, [3, 28, 28, 1]);
    const [min, max] = tf.tidy(() => [images.min().dataSync()[0], images.max().dataSync()[0]]);
    assert.ok(min >= 0 && max <= 1, "sigmoid pixels lie in [0, 1]");
    tf.dispose(images);
  });
  g.dispose();
  d.dispose();
  assert.throws(() => dcganGenerator({ imageSize: 30 }), /imageSize must be divisible by 4.*got 30/);
  assert.throws(() => dcganDiscriminator({ filters: 7 }), /filters must be even/);
  assert.throws(() => dcganGenerator({ latentDim: 0 }), /latentDim must be a whole number ≥ 1, got 0/);
  assert.throws(
    () => dcganGenerator({ batchNorm: "yes" as unknown as boolean }),
    /batchNorm must be true or false, got "yes"/,
  );
});

test("createGan: checks that the generator's output fits the discriminator", () => {
  const g = dcganGenerator({ latentDim: 8, filters: 4 });
  const d = pointDiscriminator();
  assert.throws(() => createGan(g, d), /generator makes \[batch, 28, 28, 1\] but the discriminator reads \[batch, 2\]/);
  assert.throws(
    () => createGan(pointGenerator(), pointDiscriminator(), { learningRate: 0 }),
    /learningRate must be a finite number > 0, got 0/,
  );
  g.dispose();
  d.dispose();
});

test("ganTrainStep: at a zero-weight discriminator the police loss is 2·ln 2 and both scores are 0.5", async () => {
  await useBackend("cpu");
  const gan = createGan(pointGenerator({ latentDim: 2, hiddenUnits: 8 }), pointDiscriminator({ hiddenUnits: 8 }));
  const last = gan.discriminator.getLayer("d_score");
  last.setWeights(last.getWeights().map((w) => tf.zerosLike(w)));
  const real = tf.tensor2d([
    [2, 0],
    [0, 2],
    [-2, 0],
    [0, -2],
  ]);
  const result = ganTrainStep(gan, real, { seed: 3 });
  // score 0 → probability 0.5 for every sample; BCE(1, 0.5) = BCE(0, 0.5) = ln 2.
  assert.ok(Math.abs(result.discriminatorLoss - 2 * Math.log(2)) < 1e-6, `got ${result.discriminatorLoss}`);
  assert.ok(Math.abs(result.realScore - 0.5) < 1e-7 && Math.abs(result.fakeScore - 0.5) < 1e-7);
  assert.ok(Number.isFinite(result.generatorLoss));
  real.dispose();
  disposeGan(gan);
});

test("ganTrainStep: changes both players' weights and leaks no tensor (DCGAN on cpu)", async () => {
  await useBackend("cpu");
  const gan = createGan(dcganGenerator({ latentDim: 8, filters: 8 }), dcganDiscriminator({ filters: 8 }), {
    learningRate: 1e-3,
  });
  const real = tf.randomUniform([4, 28, 28, 1], 0, 1, "float32", 1);
  const snapshot = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
  const g0 = snapshot(gan.generator);
  const d0 = snapshot(gan.discriminator);
  ganTrainStep(gan, real, { seed: 1 }); // first step creates Adam's slot variables
  const changed = (before: number[][], m: tf.LayersModel) =>
    snapshot(m).some((w, i) => w.some((v, j) => v !== before[i][j]));
  assert.ok(changed(g0, gan.generator), "the generator learned");
  assert.ok(changed(d0, gan.discriminator), "the discriminator learned");
  const result = await expectNoLeak(() => ganTrainStep(gan, real, { seed: 2 }));
  assert.ok(result.discriminatorLoss > 0 && result.generatorLoss > 0);
  assert.throws(
    () => ganTrainStep(gan, tf.zeros([4, 28, 28, 3])),
    /realBatch has shape \[4,28,28,3\] but the discriminator reads \[batch, 28, 28, 1\]/,
  );
  real.dispose();
  disposeGan(gan);
});

test("imageMosaic: two 1×1 images side by side with a 1-pixel gap; three images in two rows", async () => {
  await useBackend("cpu");
  const batch = tf.tensor4d([0.1, 0.9], [2, 1, 1, 1]);
  const m = imageMosaic(batch, { columns: 2, gap: 1, gapValue: 0 });
  assert.deepEqual([m.width, m.height, m.channels], [3, 1, 1]);
  assert.deepEqual(
    Array.from(m.data).map((v) => Number(v.toFixed(3))),
    [0.1, 0, 0.9],
  );
  const three = tf.tensor4d([1, 2, 3], [3, 1, 1, 1]);
  const t = imageMosaic(three, { columns: 2, gap: 0 });
  assert.deepEqual([t.width, t.height], [2, 2]);
  assert.deepEqual(Array.from(t.data), [1, 2, 3, 0.5]); // the empty fourth cell keeps gapValue 0.5
  assert.throws(
    () => imageMosaic(tf.zeros([2, 2]) as unknown as tf.Tensor4D),
    /imageMosaic: images must be a 4-D tensor \[N, height, width, channels\], got shape \[2, 2\]/,
  );
  assert.throws(() => imageMosaic(batch, { columns: 0 }), /columns must be a whole number ≥ 1, got 0/);
  tf.dispose([batch, three]);
});

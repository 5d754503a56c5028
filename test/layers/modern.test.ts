import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { residualBlock, bottleneckBlock } from "../../src/layers/residual";
import { seBlock, seBlockParams } from "../../src/layers/se-block";
import { inceptionModule } from "../../src/layers/inception";
import { separableConv } from "../../src/layers/separable";
import { standardConvCost, depthwiseConvCost, pointwiseConvCost, separableConvCost } from "../../src/ops/counts";
import { useBackend, expectNoLeak, maxAbsDiff } from "../helpers";

function modelOf(shape: number[], build: (x: tf.SymbolicTensor) => tf.SymbolicTensor): tf.LayersModel {
  const input = tf.input({ shape });
  return tf.model({ inputs: input, outputs: build(input) });
}

const layerTypes = (model: tf.LayersModel) => model.layers.map((l) => l.getClassName());

/** Sets a batch-norm layer's gamma, beta, moving mean and moving variance to random positive/any values. */
function randomiseBatchNorm(layer: tf.layers.Layer, seed: number): void {
  const c = layer.getWeights()[0].shape[0];
  layer.setWeights([
    tf.randomUniform([c], 0.5, 1.5, "float32", seed),
    tf.randomNormal([c], 0, 0.3, "float32", seed + 1),
    tf.randomNormal([c], 0, 0.3, "float32", seed + 2),
    tf.randomUniform([c], 0.5, 2, "float32", seed + 3),
  ]);
}

test("residualBlock computes ReLU(F(x) + x): same weights, by hand with tf ops", async () => {
  await useBackend("cpu");
  const model = modelOf([5, 5, 3], (x) => residualBlock(x, { filters: 3, name: "r" }));
  randomiseBatchNorm(model.getLayer("r_conv1_bn"), 10);
  randomiseBatchNorm(model.getLayer("r_conv2_bn"), 20);
  const x = tf.randomNormal([2, 5, 5, 3], 0, 1, "float32", 1) as tf.Tensor4D;
  const [k1] = model.getLayer("r_conv1_conv").getWeights();
  const [k2] = model.getLayer("r_conv2_conv").getWeights();
  // Inference-mode batch norm: gamma·(y − mean)/sqrt(var + ε) + beta, with tfjs's default ε = 0.001.
  const bn = (y: tf.Tensor, name: string) => {
    const [gamma, beta, mean, variance] = model.getLayer(name).getWeights();
    return y.sub(mean).div(variance.add(0.001).sqrt()).mul(gamma).add(beta);
  };
  const expected = tf.tidy(() => {
    const f1 = tf.relu(bn(tf.conv2d(x, k1 as tf.Tensor4D, 1, "same"), "r_conv1_bn")) as tf.Tensor4D;
    const f = bn(tf.conv2d(f1, k2 as tf.Tensor4D, 1, "same"), "r_conv2_bn");
    return tf.relu(f.add(x)); // F(x) + x, then ReLU
  });
  const actual = model.predict(x) as tf.Tensor;
  assert.ok(maxAbsDiff(await actual.data(), await expected.data()) < 1e-4);
  // Identity shortcut: no projection layers, exactly one Add.
  assert.equal(layerTypes(model).filter((t) => t === "Add").length, 1);
  assert.ok(!model.layers.some((l) => l.name.includes("proj")));
  tf.dispose([x, expected, actual]);
  model.dispose();
});

test("residualBlock: projection shortcut when stride or channels change; parameters by hand", async () => {
  await useBackend("cpu");
  const model = modelOf([8, 8, 4], (x) => residualBlock(x, { filters: 8, strides: 2, name: "p" }));
  assert.deepEqual(model.outputs[0].shape, [null, 4, 4, 8]);
  // conv1 3·3·4·8 = 288, BN 2·8 = 16; conv2 3·3·8·8 = 576, BN 16; projection 1·1·4·8 = 32, BN 16. Trainable: 944.
  // BN moving mean and variance add 3 layers × 2 × 8 = 48 non-trainable.
  const trainable = model.trainableWeights.reduce((s, w) => s + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  assert.equal(trainable, 288 + 16 + 576 + 16 + 32 + 16);
  assert.equal(model.countParams(), 944 + 48);
  assert.ok(model.layers.some((l) => l.name === "p_proj_conv"));
  model.dispose();
});

test("residualBlock with shortcut: false is the plain block (no Add, same parameters)", async () => {
  await useBackend("cpu");
  const plain = modelOf([6, 6, 4], (x) => residualBlock(x, { filters: 4, shortcut: false }));
  const residual = modelOf([6, 6, 4], (x) => residualBlock(x, { filters: 4 }));
  assert.equal(layerTypes(plain).filter((t) => t === "Add").length, 0);
  assert.equal(plain.countParams(), residual.countParams()); // identity shortcut has no weights
  assert.equal(plain.countParams(), 2 * (3 * 3 * 4 * 4 + 4 * 4));
  plain.dispose();
  residual.dispose();
});

test("bottleneckBlock: 1x1 → 3x3 → 1x1 (×4) with projection; ResNet-50's first block counted by hand", async () => {
  await useBackend("cpu");
  const model = modelOf([56, 56, 64], (x) => bottleneckBlock(x, { filters: 64 }));
  assert.deepEqual(model.outputs[0].shape, [null, 56, 56, 256]);
  // 1x1: 64·64 = 4096 (+128 BN); 3x3: 9·64·64 = 36864 (+128); 1x1: 64·256 = 16384 (+512);
  // projection 64·256 = 16384 (+512). Trainable 75,008 (torchvision layer1[0]: 75,008).
  const trainable = model.trainableWeights.reduce((s, w) => s + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  assert.equal(trainable, 4096 + 128 + 36864 + 128 + 16384 + 512 + 16384 + 512);
  model.dispose();
  const strided = modelOf([8, 8, 16], (x) => bottleneckBlock(x, { filters: 4, strides: 2, expansion: 4 }));
  assert.deepEqual(strided.outputs[0].shape, [null, 4, 4, 16]);
  strided.dispose();
});

test("seBlock re-weights channels: hand-checked on a 2x2x2 input with set weights", async () => {
  await useBackend("cpu");
  const model = modelOf([2, 2, 2], (x) => seBlock(x, { reduction: 2, name: "se" }));
  // fc1: 2 → 1 unit, fc2: 1 → 2 units.
  model.getLayer("se_fc1").setWeights([tf.tensor2d([[0.5], [-1]]), tf.tensor1d([0])]);
  model.getLayer("se_fc2").setWeights([tf.tensor2d([[2, -3]]), tf.tensor1d([0, 1])]);
  // channel 0 = [[1,3],[5,7]] (mean 4), channel 1 = [[0,2],[2,0]] (mean 1).
  const x = tf.tensor4d([1, 0, 3, 2, 5, 2, 7, 0], [1, 2, 2, 2]);
  // squeeze z = [4, 1]; h = ReLU(0.5·4 − 1·1 + 0) = 1; logits = [2·1 + 0, −3·1 + 1] = [2, −2];
  // weights = sigmoid: [1/(1+e^−2), 1/(1+e^2)] = [0.8807970779778823, 0.11920292202211755].
  const s0 = 0.8807970779778823;
  const s1 = 0.11920292202211755;
  const expected = [1 * s0, 0 * s1, 3 * s0, 2 * s1, 5 * s0, 2 * s1, 7 * s0, 0 * s1];
  const y = model.predict(x) as tf.Tensor;
  assert.ok(maxAbsDiff(await y.data(), expected) < 1e-6);
  tf.dispose([x, y]);
  model.dispose();
});

test("seBlock parameters: two dense layers with biases, C·C/r + C/r + C/r·C + C", async () => {
  await useBackend("cpu");
  const model = modelOf([4, 4, 64], (x) => seBlock(x, { reduction: 16 }));
  assert.equal(model.countParams(), 64 * 4 + 4 + 4 * 64 + 64); // 580
  assert.equal(seBlockParams(64, 16), 580);
  assert.deepEqual(model.outputs[0].shape, [null, 4, 4, 64]);
  model.dispose();
  assert.throws(() => seBlockParams(8, 16), /reduction 16 is larger than the 8 channels/);
});

test("inceptionModule 3a: output channels and parameters by hand; naive module without 1x1 reductions", async () => {
  await useBackend("cpu");
  const counts = {
    branch1x1: 64,
    branch3x3Reduce: 96,
    branch3x3: 128,
    branch5x5Reduce: 16,
    branch5x5: 32,
    poolProjection: 32,
  };
  const model = modelOf([28, 28, 192], (x) => inceptionModule(x, counts));
  assert.deepEqual(model.outputs[0].shape, [null, 28, 28, 256]); // 64 + 128 + 32 + 32
  // conv weights (bias-free): 192·64 + 192·96 + 9·96·128 + 192·16 + 25·16·32 + 192·32 = 163,328; BN: 2·(64+96+128+16+32+32) = 736.
  const trainable = model.trainableWeights.reduce((s, w) => s + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  assert.equal(trainable, 192 * 64 + 192 * 96 + 9 * 96 * 128 + 192 * 16 + 25 * 16 * 32 + 192 * 32 + 736);
  model.dispose();
  const naive = modelOf([28, 28, 192], (x) => inceptionModule(x, { ...counts, reduce: false }));
  assert.deepEqual(naive.outputs[0].shape, [null, 28, 28, 64 + 128 + 32 + 192]); // pooling keeps all 192 channels
  const naiveTrainable = naive.trainableWeights.reduce(
    (s, w) => s + w.shape.reduce((a: number, b) => a * (b ?? 1), 1),
    0,
  );
  assert.equal(naiveTrainable, 192 * 64 + 9 * 192 * 128 + 25 * 192 * 32 + 2 * (64 + 128 + 32));
  naive.dispose();
});

test("separableConv: depthwise then pointwise; parameters by hand and from the cost arithmetic", async () => {
  await useBackend("cpu");
  const model = modelOf([8, 8, 16], (x) => separableConv(x, { filters: 32, strides: 2, name: "sep" }));
  assert.deepEqual(model.outputs[0].shape, [null, 4, 4, 32]);
  assert.deepEqual(layerTypes(model).slice(1), [
    "DepthwiseConv2D",
    "BatchNormalization",
    "Activation",
    "Conv2D",
    "BatchNormalization",
    "Activation",
  ]);
  const trainable = model.trainableWeights.reduce((s, w) => s + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  assert.equal(trainable, 3 * 3 * 16 + 2 * 16 + 16 * 32 + 2 * 32); // 144 + 32 + 512 + 64
  const cost = separableConvCost({ height: 8, width: 8, inChannels: 16, filters: 32, kernel: 3, stride: 2 });
  assert.equal(cost.separable.params, 144 + 512);
  model.dispose();
});

test("convolution cost arithmetic: hand-computed parameters and multiply-adds", () => {
  // Standard 3x3, 32x32x16 → 32x32x32: 9·16·32 = 4,608 weights, each used at 32·32 positions.
  const std = standardConvCost({ height: 32, width: 32, inChannels: 16, filters: 32, kernel: 3 });
  assert.deepEqual(std, {
    params: 4608,
    multiplyAdds: 4608 * 1024,
    outputHeight: 32,
    outputWidth: 32,
    outputChannels: 32,
  });
  assert.equal(
    standardConvCost({ height: 32, width: 32, inChannels: 16, filters: 32, kernel: 3, bias: true }).params,
    4608 + 32,
  );
  // Valid padding, stride 2: (32 − 3)/2 floored + 1 = 15.
  assert.equal(
    standardConvCost({
      height: 32,
      width: 32,
      inChannels: 1,
      filters: 1,
      kernel: 3,
      stride: 2,
      padding: "valid",
    }).outputHeight,
    15,
  );
  const dw = depthwiseConvCost({ height: 32, width: 32, inChannels: 16, kernel: 3 });
  assert.equal(dw.params, 9 * 16);
  assert.equal(dw.multiplyAdds, 9 * 16 * 1024);
  const pw = pointwiseConvCost({ height: 32, width: 32, inChannels: 16, filters: 32 });
  assert.equal(pw.params, 16 * 32);
  assert.equal(pw.multiplyAdds, 16 * 32 * 1024);
  const sep = separableConvCost({ height: 32, width: 32, inChannels: 16, filters: 32, kernel: 3 });
  assert.equal(sep.separable.multiplyAdds, (144 + 512) * 1024);
  // MobileNet paper: the ratio is 1/N + 1/k² = 1/32 + 1/9.
  assert.ok(Math.abs(sep.ratio - (1 / 32 + 1 / 9)) < 1e-12);
});

test("modern blocks leave no tensors behind when run", async () => {
  await useBackend("cpu");
  const model = modelOf([8, 8, 8], (x) => {
    let y = residualBlock(x, { filters: 8, se: { reduction: 4 } });
    y = bottleneckBlock(y, { filters: 4, strides: 2 });
    y = inceptionModule(y, {
      branch1x1: 2,
      branch3x3Reduce: 2,
      branch3x3: 4,
      branch5x5Reduce: 1,
      branch5x5: 2,
      poolProjection: 2,
    });
    return separableConv(y, { filters: 6 });
  });
  const x = tf.randomNormal([2, 8, 8, 8]);
  await expectNoLeak(() => tf.tidy(() => model.predict(x) as tf.Tensor).dispose());
  await expectNoLeak(() => {
    const y = model.predict(x) as tf.Tensor;
    y.dispose();
  });
  x.dispose();
  model.dispose();
});

test("modern blocks reject bad arguments, naming the argument and the fix", () => {
  const input = tf.input({ shape: [8, 8, 4] });
  assert.throws(() => residualBlock(input, { filters: 0 }), /residualBlock: filters must be a whole number ≥ 1, got 0/);
  assert.throws(() => residualBlock(input, { filters: 4, strides: 3 }), /strides must be one of 1, 2, got 3/);
  assert.throws(
    () => bottleneckBlock(input, { filters: 4, expansion: 0 }),
    /expansion must be a whole number ≥ 1, got 0/,
  );
  assert.throws(() => seBlock(input, { reduction: 8 }), /reduction 8 is larger than the 4 channels/);
  assert.throws(
    () =>
      inceptionModule(input, {
        branch1x1: 1,
        branch3x3Reduce: 1,
        branch3x3: -2,
        branch5x5Reduce: 1,
        branch5x5: 1,
        poolProjection: 1,
      }),
    /branch3x3 must be a whole number ≥ 1, got -2/,
  );
  assert.throws(() => separableConv(input, { filters: 4, kernelSize: 2.5 }), /kernelSize must be a whole number/);
  assert.throws(
    () => standardConvCost({ height: 2, width: 2, inChannels: 1, filters: 1, kernel: 3, padding: "valid" }),
    /standardConvCost, along the height: the kernel is 3 long but the padded input is only 2/,
  );
  const flat = tf.input({ shape: [10] });
  assert.throws(() => seBlock(flat), /shape \[batch, height, width, channels\]/);
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { lenet5, lenet5Plan, LENET5_MODERN } from "../../src/models/lenet5";
import { alexnet, alexnetPlan } from "../../src/models/alexnet";
import { vgg, vggPlan } from "../../src/models/vgg";
import { buildPlan, ModelPlan } from "../../src/models/plan";
import { modelSummary } from "../../src/models/counting";
import { expectNoLeak, useBackend } from "../helpers";

// Published-size models are counted from their plans (layer shapes only, no weights allocated:
// VGG16 built would hold 553 MB of float32). The plan counts are cross-checked against tfjs's own
// model.countParams() on every small model below and on the built LeNet-5.

test("LeNet-5 with full C3 connections has the published 61,706 parameters", async () => {
  // C1 6·(5·5·1+1) = 156; C3 16·(5·5·6+1) = 2,416; C5 120·(5·5·16+1) = 48,120; F6 84·(120+1) = 10,164; out 10·(84+1) = 850
  assert.equal(156 + 2416 + 48120 + 10164 + 850, 61706);
  assert.equal(modelSummary(lenet5Plan({ c3: "full" })).totalParams, 61706);
  await useBackend("cpu");
  const model = lenet5({ c3: "full" });
  assert.equal(model.countParams(), 61706);
  model.dispose();
});

test("LeNet-5 with the paper's C3 table: 60 connections, 60,806 parameters; table and full agree on shapes", async () => {
  // C3 with the table: 60·25 + 16 = 1,516 instead of 2,416, so 61,706 − 900 = 60,806
  const summary = modelSummary(lenet5Plan());
  assert.equal(summary.totalParams, 61706 - (2416 - 1516));
  assert.deepEqual(
    summary.rows.map((r) => [r.name, r.outputShape]),
    [
      ["C1", [28, 28, 6]],
      ["S2", [14, 14, 6]],
      ["C3", [10, 10, 16]],
      ["S4", [5, 5, 16]],
      ["C5", [1, 1, 120]],
      ["flatten", [120]],
      ["F6", [84]],
      ["output", [10]],
    ],
  );
  // C1 multiply-adds: 28·28·6 outputs × 25 taps = 117,600; C3 with the table: 10·10 × 60 connections × 25 = 150,000
  assert.equal(summary.rows[0].multiplyAdds, 117600);
  assert.equal(summary.rows[2].multiplyAdds, 150000);
  await useBackend("cpu");
  const model = lenet5({ inputSize: 28 });
  assert.equal(model.countParams(), 60806);
  assert.deepEqual(model.layers.map((l) => l.getClassName()).slice(0, 5), [
    "InputLayer",
    "ZeroPadding2D",
    "Conv2D",
    "AveragePooling2D",
    "ConnectionTableConv2D",
  ]);
  const x = tf.zeros([2, 28, 28, 1]);
  await expectNoLeak(() => {
    const y = model.predict(x) as tf.Tensor;
    assert.deepEqual(y.shape, [2, 10]);
    y.dispose();
  });
  x.dispose();
  model.dispose();
});

test("LeNet-5 modern variant: ReLU and max pooling, same parameter count as full C3", async () => {
  await useBackend("cpu");
  const model = lenet5({ ...LENET5_MODERN, inputSize: 28 });
  const types = model.layers.map((l) => l.getClassName());
  assert.ok(types.includes("MaxPooling2D") && !types.includes("AveragePooling2D"));
  assert.equal((model.getLayer("C1").getConfig() as { activation: string }).activation, "relu");
  assert.equal(model.countParams(), 61706);
  model.dispose();
});

test("AlexNet single tower (96/256/384/384/256 filters, 227×227) has 62,378,344 parameters", () => {
  // conv1 11·11·3·96+96 = 34,944; conv2 5·5·96·256+256 = 614,656; conv3 3·3·256·384+384 = 885,120;
  // conv4 3·3·384·384+384 = 1,327,488; conv5 3·3·384·256+256 = 884,992; fc6 (6·6·256)·4096+4096 = 37,752,832;
  // fc7 4096·4096+4096 = 16,781,312; fc8 4096·1000+1000 = 4,097,000
  assert.equal(34944 + 614656 + 885120 + 1327488 + 884992 + 37752832 + 16781312 + 4097000, 62378344);
  const summary = modelSummary(alexnetPlan());
  assert.equal(summary.totalParams, 62378344);
  const shape = (name: string) => summary.rows.find((r) => r.name === name)?.outputShape;
  assert.deepEqual(shape("conv1"), [55, 55, 96]); // (227 − 11)/4 + 1 = 55
  assert.deepEqual(shape("pool1"), [27, 27, 96]); // (55 − 3)/2 + 1 = 27
  assert.deepEqual(shape("pool2"), [13, 13, 256]);
  assert.deepEqual(shape("pool5"), [6, 6, 256]);
  // conv1 multiply-adds: 55·55·96 outputs × 11·11·3 = 363 taps = 105,415,200
  assert.equal(summary.rows.find((r) => r.name === "conv1")?.multiplyAdds, 105415200);
  assert.deepEqual(
    summary.rows.filter((r) => r.type === "LocalResponseNormalization").map((r) => r.name),
    ["lrn1", "lrn2"],
  );
});

test("VGG16 and VGG19 (ImageNet, 4096-4096-1000 head) have 138,357,544 and 143,667,240 parameters", () => {
  const vgg16 = modelSummary(vggPlan({ depth: 16 }));
  const vgg19 = modelSummary(vggPlan({ depth: 19 }));
  assert.equal(vgg16.totalParams, 138357544);
  assert.equal(vgg19.totalParams, 143667240);
  // The conv base of VGG16 (everything before flatten) is Keras's include_top=false model: 14,714,688.
  const flattenAt = vgg16.rows.findIndex((r) => r.name === "flatten");
  assert.equal(
    vgg16.rows.slice(0, flattenAt).reduce((s, r) => s + r.params, 0),
    14714688,
  );
  assert.deepEqual(vgg16.rows[flattenAt].outputShape, [7 * 7 * 512]);
  // VGG19 adds one 3×3 conv to each of stages 3, 4, 5: 256·256·9+256 + 2·(512·512·9+512) = 590,080 + 4,719,616
  assert.equal(vgg19.totalParams - vgg16.totalParams, 590080 + 2 * 2359808);
  // block1_conv1 multiply-adds: 224·224·64 outputs × 3·3·3 taps = 86,704,128
  assert.equal(vgg16.rows[0].multiplyAdds, 224 * 224 * 64 * 27);
});

test("VGG16 with batch norm: conv biases replaced by BN (γ, β trainable; mean, variance not)", () => {
  const plain = modelSummary(vggPlan({ depth: 16 }));
  const bn = modelSummary(vggPlan({ depth: 16, batchNorm: true }));
  // 13 convs with 64·2 + 128·2 + 256·3 + 512·6 = 4,224 channels in all
  const channels = 64 * 2 + 128 * 2 + 256 * 3 + 512 * 6;
  assert.equal(channels, 4224);
  assert.equal(bn.trainableParams, 138357544 - channels + 2 * channels);
  assert.equal(bn.totalParams, 138357544 - channels + 4 * channels);
  assert.equal(plain.nonTrainableParams, 0);
});

const smallPlans: [string, () => ModelPlan, number[]][] = [
  ["lenet5 classic", () => lenet5Plan({ inputSize: 28 }), [28, 28, 1]],
  ["alexnet small", () => alexnetPlan({ size: "small" }), [28, 28, 1]],
  ["alexnet small on 32×32×3", () => alexnetPlan({ size: "small", inputShape: [32, 32, 3], classes: 4 }), [32, 32, 3]],
  ["vgg11 small BN", () => vggPlan({ depth: 11, size: "small", batchNorm: true }), [28, 28, 1]],
  ["vgg16 small", () => vggPlan({ depth: 16, size: "small" }), [28, 28, 1]],
];

for (const [label, makePlan, inputShape] of smallPlans) {
  test(`${label}: the plan's counts equal tfjs's countParams on the built model, and a forward pass leaks nothing`, async () => {
    await useBackend("cpu");
    const plan = makePlan();
    const planned = modelSummary(plan);
    const model = buildPlan(plan);
    assert.equal(planned.totalParams, model.countParams());
    const built = modelSummary(model);
    assert.deepEqual(
      built.rows.map((r) => [r.name, r.outputShape, r.params, r.trainableParams, r.multiplyAdds]),
      planned.rows.map((r) => [r.name, r.outputShape, r.params, r.trainableParams, r.multiplyAdds]),
    );
    const x = tf.randomUniform([2, ...inputShape]);
    await expectNoLeak(() => {
      const y = model.predict(x) as tf.Tensor;
      const sums = y.sum(1);
      assert.ok(
        Array.from(sums.dataSync()).every((s) => Math.abs(s - 1) < 1e-4),
        "softmax rows sum to 1",
      );
      tf.dispose([y, sums]);
    });
    x.dispose();
    model.dispose();
  });
}

test("alexnet and vgg small builders: one builder, options change the network", async () => {
  await useBackend("cpu");
  const tanh = alexnet({ size: "small", activation: "tanh", lrn: false, dropout: 0 });
  assert.ok(!tanh.layers.some((l) => ["LocalResponseNormalization", "Dropout"].includes(l.getClassName())));
  assert.equal((tanh.getLayer("conv3").getConfig() as { activation: string }).activation, "tanh");
  tanh.dispose();
  const v = vgg({ depth: 11, size: "small", filters: [4, 4, 8, 8, 8], denseUnits: 16 });
  assert.equal(v.layers.filter((l) => l.getClassName() === "Conv2D").length, 8);
  v.dispose();
});

test("model builders reject bad options, naming them", () => {
  assert.throws(
    () => lenet5Plan({ activation: "sigmoid" as "tanh" }),
    /activation must be one of "tanh", "relu", got "sigmoid"/,
  );
  assert.throws(() => lenet5Plan({ inputSize: 30 as 28 }), /inputSize must be one of 28, 32, got 30/);
  assert.throws(() => alexnetPlan({ filters: [1, 2, 3] }), /filters must be 5 whole numbers/);
  assert.throws(() => alexnetPlan({ dropout: 1 }), /dropout must be a finite number in \[0, 1\), got 1/);
  assert.throws(() => vggPlan({ depth: 17 as 16 }), /depth must be one of 11, 13, 16, 19, got 17/);
  assert.throws(() => vggPlan({ inputShape: [28, 28] }), /inputShape must be \[height, width, channels\]/);
});

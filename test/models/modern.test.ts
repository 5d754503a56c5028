import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { resnet, seResnet, resnetDepth } from "../../src/models/resnet";
import { trainableParamCount } from "../../src/models/counting";
import { googlenet } from "../../src/models/googlenet";
import { mobilenetLike, MOBILENET_V1_BLOCKS } from "../../src/models/mobilenet-like";
import { standardConvCost, separableConvCost } from "../../src/ops/counts";
import { useBackend, expectNoLeak } from "../helpers";

/** Builds a model, returns f(model), and disposes of it (published-size models are 25–115 MB). */
function withModel<T>(build: () => tf.LayersModel, f: (m: tf.LayersModel) => T): T {
  const model = build();
  try {
    return f(model);
  } finally {
    model.dispose();
  }
}

// Published trainable-parameter counts (torchvision's model tables; bias-free convs + BN gamma/beta).
test("ResNet-18/34/50 match torchvision's published parameter counts", async () => {
  await useBackend("cpu");
  assert.equal(
    withModel(() => resnet({ depth: 18 }), trainableParamCount),
    11_689_512,
  );
  assert.equal(
    withModel(() => resnet({ depth: 34 }), trainableParamCount),
    21_797_672,
  );
  assert.equal(
    withModel(() => resnet({ depth: 50 }), trainableParamCount),
    25_557_032,
  );
});

test("ResNet-50 with BN statistics and conv biases gives Keras's published 25,636,712", async () => {
  await useBackend("cpu");
  // BN channels = conv output channels in ResNet-50: stem 64; stage 1: 3·(64+64+256) + 256 projection = 1,408;
  // stage 2: 4·(128+128+512) + 512 = 3,584; stage 3: 6·(256+256+1024) + 1024 = 10,240; stage 4: 3·(512+512+2048) + 2048 = 11,264.
  const bnChannels = 64 + 1408 + 3584 + 10240 + 11264; // 26,560
  const all = withModel(
    () => resnet({ depth: 50 }),
    (m) => m.countParams(),
  ); // trainable + moving mean/variance
  assert.equal(all, 25_557_032 + 2 * bnChannels);
  assert.equal(all + bnChannels /* one bias per conv output channel */, 25_636_712);
});

test("SE-ResNet-50 (same builder, se option) matches the published 28,088,024", async () => {
  await useBackend("cpu");
  assert.equal(
    withModel(() => seResnet({ depth: 50 }), trainableParamCount),
    28_088_024,
  );
  // And it is the ResNet-50 builder with SE: same count as resnet({ depth: 50, se: { reduction: 16 } }).
  assert.equal(
    withModel(() => resnet({ depth: 50, se: { reduction: 16 } }), trainableParamCount),
    28_088_024,
  );
});

test("GoogLeNet in torchvision's variant (BN, no aux heads, 3x3 in the '5x5' branch) has 6,624,904 parameters", async () => {
  await useBackend("cpu");
  assert.equal(
    withModel(() => googlenet(), trainableParamCount),
    6_624_904,
  );
  withModel(
    () => googlenet(),
    (m) => assert.deepEqual(m.outputs[0].shape, [null, 1000]),
  );
  // With true 5x5 kernels, each "5x5" branch gains 16·r5·c5 weights over the 3x3 version:
  // 16·(16·32 + 32·96 + 16·48 + 24·64 + 24·64 + 32·64 + 32·128 + 32·128 + 48·128) = 16·23,808 = 380,928.
  assert.equal(
    withModel(() => googlenet({ branch5x5Kernel: 5 }), trainableParamCount),
    6_624_904 + 380_928,
  );
});

test("mobilenetLike matches MobileNet v1 (Keras: 4,231,976 trainable, 4,253,864 total; paper: 4.2M vs 29.3M standard)", async () => {
  await useBackend("cpu");
  const trainable = withModel(() => mobilenetLike(), trainableParamCount);
  assert.equal(trainable, 4_231_976);
  // BN channels: stem 32, then depthwise + pointwise per block: 32+64, 64+128, 128+128, 128+256, 256+256,
  // 256+512, 5·(512+512), 512+1024, 1024+1024 = 10,944; moving mean and variance double that.
  assert.equal(
    withModel(
      () => mobilenetLike(),
      (m) => m.countParams(),
    ),
    4_231_976 + 2 * 10_944,
  );
  assert.equal(Math.round(trainable / 1e5) / 10, 4.2);
  const standard = withModel(() => mobilenetLike({ separable: false }), trainableParamCount);
  assert.equal(Math.round(standard / 1e5) / 10, 29.3);
});

test("MobileNet v1 multiply-adds from the cost arithmetic: the paper's 569M (separable) and 4866M (standard)", () => {
  let side = 224;
  const stem = standardConvCost({
    height: side,
    width: side,
    inChannels: 3,
    filters: 32,
    kernel: 3,
    stride: 2,
  });
  side = stem.outputHeight;
  let channels = 32;
  let separable = stem.multiplyAdds;
  let standard = stem.multiplyAdds;
  for (const [filters, strides] of MOBILENET_V1_BLOCKS) {
    const cost = separableConvCost({
      height: side,
      width: side,
      inChannels: channels,
      filters: filters,
      kernel: 3,
      stride: strides,
    });
    separable += cost.separable.multiplyAdds;
    standard += cost.standard.multiplyAdds;
    side = cost.separable.outputHeight;
    channels = filters;
  }
  separable += 1024 * 1000; // the classifier
  standard += 1024 * 1000;
  assert.equal(side, 7);
  // Exactly 568,740,352 and 4,867,293,184 here; the paper's table 4 prints 569M and 4866M (its
  // accounting of the classifier is not stated), so allow 0.1%: a wrong block would be off by far more.
  assert.ok(Math.abs(separable / 569e6 - 1) < 1e-3, `separable ${separable}`);
  assert.ok(Math.abs(standard / 4866e6 - 1) < 1e-3, `standard ${standard}`);
});

test("small trainable variants: shapes, depth naming, plain vs residual, and no leaks on predict", async () => {
  await useBackend("cpu");
  const small = {
    blocksPerStage: [2, 2, 2],
    widths: [8, 16, 32],
    stem: "small" as const,
    inputShape: [28, 28, 1] as [number, number, number],
    classes: 10,
  };
  assert.equal(resnetDepth(small), 14); // 1 stem conv + 6 blocks × 2 + 1 dense
  assert.equal(resnetDepth({ depth: 50 }), 50);
  const x = tf.randomNormal([2, 28, 28, 1]);
  const builders = [
    () => resnet(small),
    () => resnet({ ...small, shortcuts: false }),
    () => seResnet({ ...small, se: { reduction: 4 } }),
    () => resnet({ blocksPerStage: [1, 1], widths: [4, 8], block: "bottleneck", stem: "small", stemStrides: 2 }),
    () => googlenet({ stem: "small", width: 0.0625, inputShape: [28, 28, 1], classes: 10 }),
    () => googlenet({ stem: "small", stemStrides: 2, width: 0.0625, inputShape: [28, 28, 1], classes: 10 }),
    () =>
      mobilenetLike({
        inputShape: [28, 28, 1],
        classes: 10,
        width: 0.125,
        stemStrides: 1,
        blocks: [
          [32, 1],
          [64, 2],
          [128, 2],
        ],
      }),
  ];
  for (const build of builders) {
    const m = build();
    assert.deepEqual(m.outputs[0].shape, [null, 10]);
    await expectNoLeak(() => tf.tidy(() => (m.predict(x) as tf.Tensor).sum()).dispose());
    m.dispose();
  }
  x.dispose();
  const plain = resnet({ ...small, shortcuts: false });
  const residual = resnet(small);
  assert.equal(plain.layers.filter((l) => l.getClassName() === "Add").length, 0);
  assert.equal(residual.layers.filter((l) => l.getClassName() === "Add").length, 6);
  // Shortcuts are identities except the two stage transitions, whose 1x1 projections add 8·16 + 32 and 16·32 + 64 trainable weights.
  assert.equal(trainableParamCount(residual) - trainableParamCount(plain), 8 * 16 + 2 * 16 + 16 * 32 + 2 * 32);
  assert.equal(plain.name, "plain14");
  plain.dispose();
  residual.dispose();
});

test("modern models reject bad options, naming the option and the fix", () => {
  assert.throws(() => resnet({ depth: 20 as 18 }), /depth must be one of 18, 34, 50, 101, 152, got 20/);
  assert.throws(() => resnet({ blocksPerStage: [2, 2], widths: [16] }), /widths must have one entry per stage \(2\)/);
  assert.throws(() => resnet({ blocksPerStage: [] }), /give depth .* or blocksPerStage/);
  assert.throws(
    () => resnet({ depth: 18, inputShape: [28, 28] as unknown as [number, number, number] }),
    /inputShape must be \[height, width, channels\]/,
  );
  assert.throws(() => googlenet({ width: 0 }), /width must be a positive number/);
  assert.throws(() => googlenet({ stem: "small", stemStrides: 3 }), /stemStrides must be one of 1, 2, got 3/);
  assert.throws(() => googlenet({ classes: 1 }), /classes must be a whole number ≥ 2, got 1/);
  assert.throws(() => googlenet(null as never), /googlenet: options must be an object/);
  assert.throws(() => seResnet(null as never), /seResnet: options must be an object like \{ depth: 50 \}/);
  assert.throws(() => mobilenetLike({ blocks: [[32, 3]] }), /blocks\[0\]\[1\] \(stride\) must be one of 1, 2, got 3/);
});

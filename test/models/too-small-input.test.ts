// Issue #15, "models that cannot learn build without error": a builder follows the shapes layer by
// layer and refuses a layer whose output would have no cells, naming the layer, the sizes and the
// smallest input that works (worked out by hand below).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { alexnet, alexnetPlan } from "../../src/models/alexnet";
import { vgg, vggPlan } from "../../src/models/vgg";
import { convBnRelu } from "../../src/layers/conv-bn-relu";
import { modelSummary } from "../../src/models/counting";
import { useBackend } from "../helpers";

test("vgg on 16×16: block5_pool would make 1×1 maps 0×0; 32×32 is the smallest input (five halvings)", async () => {
  await useBackend("cpu");
  // 16 → 8 → 4 → 2 → 1 → 0 through the five 2×2 stride-2 'valid' poolings; 32 → … → 1 is the first that survives.
  const message =
    /vgg: layer "block5_pool" \(window 2×2, stride 2×2, padding "valid"\) turns its 1×1×512 input into a 0×0×512 map, which has no cells.*The smallest square input the whole network accepts is 32×32/;
  assert.throws(() => vgg({ inputShape: [16, 16, 3] }), message);
  assert.throws(() => vggPlan({ inputShape: [16, 16, 3] }), message);
  assert.throws(
    () => vggPlan({ inputShape: [31, 31, 3] }),
    /block5_pool.*smallest square input the whole network accepts is 32×32/,
  );
  assert.equal(
    modelSummary(vggPlan({ inputShape: [32, 32, 3], depth: 11 }))
      .rows.find((r) => r.name === "block5_pool")
      ?.outputShape.join("x"),
    "1x1x512",
  );
});

test("alexnet on 64×64 stops at pool5 with our message, not tfjs's 'Negative dimension size'; 67×67 is the smallest", async () => {
  await useBackend("cpu");
  // conv1 11/4 valid: floor((64 − 11)/4) + 1 = 14; pool1 3/2: floor(11/2) + 1 = 6; pool2: floor(3/2) + 1 = 2; pool5 on 2×2: 0.
  // Smallest n: pool5 needs 3 → pool2 needs 7 → pool1 needs 15 → conv1 needs (15 − 1)·4 + 11 = 67.
  assert.throws(
    () => alexnet({ inputShape: [64, 64, 3] }),
    (error: Error) =>
      /alexnet: layer "pool5" .* turns its 2×2×256 input into a 0×0×256 map/.test(error.message) &&
      /accepts is 67×67/.test(error.message) &&
      !/Negative dimension/.test(error.message),
  );
  assert.throws(() => alexnetPlan({ inputShape: [66, 66, 3] }), /accepts is 67×67/);
  assert.equal(
    modelSummary(alexnetPlan({ inputShape: [67, 67, 3] }))
      .rows.find((r) => r.name === "pool5")
      ?.outputShape.join("x"),
    "1x1x256",
  );
});

test("convBnRelu with a 40×40 'valid' kernel on 28×28 refuses the -11×-11 map and says the layer needs 40×40", async () => {
  await useBackend("cpu");
  const input = tf.input({ shape: [28, 28, 1] });
  assert.throws(
    () => convBnRelu(input, { filters: 4, kernelSize: 40, padding: "valid", name: "big" }),
    /convBnRelu: layer "big_conv" \(window 40×40, stride 1×1, padding "valid"\) turns its 28×28×1 input into a -11×-11×4 map, which has no cells.*This layer needs an input of at least 40×40/,
  );
  const fits = convBnRelu(tf.input({ shape: [40, 40, 1] }), { filters: 4, kernelSize: 40, padding: "valid" });
  assert.deepEqual(fits.shape, [null, 1, 1, 4]);
});

test("modelSummary refuses a hand-built model whose layer output has no cells instead of printing [-11, -11, 4]", async () => {
  await useBackend("cpu");
  // tf.sequential refuses this itself; a functional model is built without a word.
  const input = tf.input({ shape: [28, 28, 1] });
  const model = tf.model({
    inputs: input,
    outputs: tf.layers.conv2d({ filters: 4, kernelSize: 40, name: "huge" }).apply(input) as tf.SymbolicTensor,
  });
  assert.throws(
    () => modelSummary(model),
    /modelSummary: layer "huge" .*turns its 28×28×1 input into a -11×-11×4 map, which has no cells.*The smallest square input the whole network accepts is 40×40/,
  );
  model.dispose();
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as tf from "@tensorflow/tfjs";
import { baseModelDir, loadBaseModel, readModelMetadata } from "../../src/models/io";
import { baseNetwork, setTrainable, withNewHead } from "../../src/models/base-network";
import { loadFashionMnist } from "../../src/data/fashion-mnist";
import { evaluate } from "../../src/train/evaluate";
import { useBackend } from "../helpers";

test("baseNetwork: parameter count by hand", () => {
  const model = baseNetwork();
  // convs: 3·3·1·16 + 16 = 160; 3·3·16·32 + 32 = 4,640; 3·3·32·64 + 64 = 18,496;
  // 28 → 14 → 7 → 3 after three 2×2 poolings, so flatten has 3·3·64 = 576; head 576·10 + 10 = 5,770.
  assert.equal(model.countParams(), 160 + 4640 + 18496 + 5770);
  assert.deepEqual(model.outputs[0].shape, [null, 10]);
  model.dispose();
});

test("withNewHead shares the base's layers; setTrainable freezes them", async () => {
  await useBackend("cpu");
  const base = baseNetwork();
  const transfer = withNewHead(base, { classes: 5 });
  // New head: 576·5 + 5 = 2,885 weights on top of the 23,296 of the three conv blocks.
  assert.equal(transfer.countParams(), 23296 + 2885);
  assert.equal(transfer.getLayer("block1_conv"), base.getLayer("block1_conv"), "the very same layer object");
  // Layer 0 is the new model's input layer; the frozen ones are the reused blocks.
  assert.deepEqual(setTrainable(transfer, false, "block3_pool").slice(1), [
    "block1_conv",
    "block1_pool",
    "block2_conv",
    "block2_pool",
    "block3_conv",
    "block3_pool",
  ]);
  assert.deepEqual(
    transfer.trainableWeights.map((w) => w.name.split("/")[0]),
    ["new_head", "new_head"],
  );
  assert.equal(
    base.getLayer("block2_conv").trainable,
    false,
    "freezing through the new model freezes the shared layer",
  );
  // Unfreeze only the top block (fine-tuning).
  setTrainable(transfer, true, "block3_pool", "block3_conv");
  assert.deepEqual(
    transfer.trainableWeights.map((w) => w.name.split("/")[0]),
    ["block3_conv", "block3_conv", "new_head", "new_head"],
  );
  assert.throws(
    () => withNewHead(base, { classes: 5, featureLayer: "nope" }),
    /base has no layer named "nope". Pick one of: block1_conv/,
  );
  assert.throws(() => withNewHead(base, { classes: 1 }), /classes must be a whole number ≥ 2, got 1/);
  assert.throws(() => setTrainable(transfer, false, "block1_conv", "block3_conv"), /comes before "block3_conv"/);
  base.dispose();
});

test("the committed base model loads from disk with no network and classifies Fashion-MNIST", async () => {
  await useBackend("wasm");
  assert.ok(fs.existsSync(baseModelDir()), `the base model is committed in ${baseModelDir()}`);
  const realFetch = globalThis.fetch;
  globalThis.fetch = (() => {
    throw new Error("network used");
  }) as typeof fetch;
  let model: tf.LayersModel;
  try {
    model = await loadBaseModel();
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.deepEqual(model.inputs[0].shape, [null, 28, 28, 1]);
  const metadata = readModelMetadata(baseModelDir());
  // Independent check of the stored accuracy: 1,000 test images (seed 3), well above the 10% of guessing.
  const data = await loadFashionMnist({ trainSize: 10, validationSize: 10, testSize: 1000, seed: 3 });
  model.compile({ optimizer: "adam", loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const { accuracy } = await evaluate(model, data.test);
  assert.ok(accuracy > 0.8, `accuracy ${accuracy}`);
  assert.ok(
    Math.abs(accuracy - (metadata.testAccuracy as number)) < 0.05,
    `measured ${accuracy}, stored ${metadata.testAccuracy}`,
  );
  data.dispose();
  model.dispose();
});

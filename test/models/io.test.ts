import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { loadModelFromFile, readModelMetadata, REBUILD_BASE_MODEL, saveModelToFile } from "../../src/models/io";
import { expectNoLeak, maxAbsDiff, useBackend, tempDir } from "../helpers";

function tinyModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, activation: "relu", name: "conv" }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 2, activation: "softmax", name: "out" }));
  return model;
}

test("saveModelToFile → loadModelFromFile gives the same predictions, and the files are what tfjs expects", async () => {
  await useBackend("cpu");
  const model = tinyModel();
  const dir = path.join(tempDir("io"), "saved");
  const files = await saveModelToFile(model, dir, { metadata: { trainedOn: "nothing", accuracy: 0.5 } });
  // Weights: conv 3·3·1·3 + 3 = 30, dense 4·4·3·2 + 2 = 98 → 128 float32 = 512 bytes.
  assert.equal(files.weightBytes, 128 * 4);
  assert.equal(fs.statSync(path.join(dir, "weights.bin")).size, 512);
  const json = JSON.parse(fs.readFileSync(path.join(dir, "model.json"), "utf8"));
  assert.deepEqual(json.weightsManifest[0].paths, ["weights.bin"]);
  assert.deepEqual(readModelMetadata(dir), { trainedOn: "nothing", accuracy: 0.5 });
  // No network may be used while loading.
  const realFetch = globalThis.fetch;
  globalThis.fetch = (() => {
    throw new Error("network used");
  }) as typeof fetch;
  let loaded: tf.LayersModel;
  try {
    loaded = await loadModelFromFile(dir);
  } finally {
    globalThis.fetch = realFetch;
  }
  const x = tf.randomUniform([4, 6, 6, 1], 0, 1, "float32", 3);
  const a = model.predict(x) as tf.Tensor;
  const b = loaded.predict(x) as tf.Tensor;
  assert.equal(maxAbsDiff(await a.data(), await b.data()), 0);
  assert.deepEqual(
    loaded.layers.map((l) => l.name),
    model.layers.map((l) => l.name),
  );
  tf.dispose([x, a, b]);
  await expectNoLeak(async () => (await loadModelFromFile(dir)).dispose());
  model.dispose();
  loaded.dispose();
});

test("saveModelToFile never overwrites unless asked", async () => {
  await useBackend("cpu");
  const model = tinyModel();
  const dir = tempDir("io");
  await saveModelToFile(model, dir);
  const before = fs.readFileSync(path.join(dir, "weights.bin"));
  const other = tinyModel();
  await assert.rejects(
    () => saveModelToFile(other, dir),
    /model.json already exists and overwrite is off. Pass \{overwrite: true\}/,
  );
  assert.deepEqual(fs.readFileSync(path.join(dir, "weights.bin")), before, "the refused save left the file as it was");
  await assert.rejects(
    () => saveModelToFile(other, path.join(dir, "x"), { metadata: [1] as never }),
    /metadata must be a plain object of facts, got \[1\]/,
  );
  await saveModelToFile(other, dir, { overwrite: true });
  assert.notDeepEqual(fs.readFileSync(path.join(dir, "weights.bin")), before, "overwrite: true replaced it");
  model.dispose();
  other.dispose();
});

test("a missing model gives an error saying how to rebuild it", async () => {
  const dir = path.join(tempDir("io"), "nothing-here");
  await assert.rejects(
    () => loadModelFromFile(dir, { howToRebuild: "Run `node scripts/train-base-model.js`." }),
    /no saved model there: the folder .*nothing-here does not exist. Run `node scripts\/train-base-model.js`./,
  );
  fs.mkdirSync(dir);
  await assert.rejects(() => loadModelFromFile(dir), /has no model.json/);
  await assert.rejects(() => loadModelFromFile(42 as never), /directory must be a folder path \(string\), got 42/);
  // The base model's loader names the script that rebuilds it.
  await assert.rejects(
    () => loadModelFromFile(dir, { howToRebuild: REBUILD_BASE_MODEL }),
    /has no model.json. Rebuild it with `node scripts\/train-base-model.js`/,
  );
});

test("corrupt model files give an error saying what is wrong and how to rebuild", async () => {
  await useBackend("cpu");
  const model = tinyModel();
  const hint = { howToRebuild: "Rebuild with the script." };
  // Broken JSON.
  const broken = tempDir("io");
  await saveModelToFile(model, broken);
  fs.writeFileSync(path.join(broken, "model.json"), '{"modelTopology": {');
  await assert.rejects(
    () => loadModelFromFile(broken, hint),
    /model.json is corrupt \(not valid JSON.*Rebuild with the script./,
  );
  // Valid JSON that is not a model.
  fs.writeFileSync(path.join(broken, "model.json"), '{"hello": 1}');
  await assert.rejects(
    () => loadModelFromFile(broken, hint),
    /is corrupt: a tfjs model.json needs "modelTopology".*Rebuild with the script./,
  );
  // Truncated weights: 512 bytes expected.
  const truncated = tempDir("io");
  await saveModelToFile(model, truncated);
  fs.writeFileSync(
    path.join(truncated, "weights.bin"),
    fs.readFileSync(path.join(truncated, "weights.bin")).subarray(0, 100),
  );
  await assert.rejects(
    () => loadModelFromFile(truncated, hint),
    /weight files .* are corrupt: model.json describes 512 bytes of weights but the files hold 100.*Rebuild with the script./,
  );
  // Missing weights file.
  fs.unlinkSync(path.join(truncated, "weights.bin"));
  await assert.rejects(
    () => loadModelFromFile(truncated, hint),
    /lists the weight file weights.bin, but .* is missing. Rebuild with the script./,
  );
  // A topology tfjs cannot build.
  const garbled = tempDir("io");
  await saveModelToFile(model, garbled);
  const json = JSON.parse(fs.readFileSync(path.join(garbled, "model.json"), "utf8"));
  json.modelTopology.config.layers[0].class_name = "NoSuchLayer";
  fs.writeFileSync(path.join(garbled, "model.json"), JSON.stringify(json));
  await assert.rejects(() => loadModelFromFile(garbled, hint), /could not be rebuilt .*Rebuild with the script./);
  model.dispose();
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { FASHION_MNIST_DIRECTORY, loadFashionMnist } from "../../src/data/fashion-mnist";
import { loadMnist, mnistDirectory } from "../../src/data/mnist";
import { makeColorShapes } from "../../src/data/color-shapes";
import { Split } from "../../src/data/split";
import { useBackend } from "../helpers";

function classCounts(split: Split, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  split.labels.forEach((l) => counts[l]++);
  return counts;
}

async function oneHotMatchesLabels(split: Split): Promise<boolean> {
  const t = split.ys.argMax(-1);
  const argmax = await t.data();
  t.dispose();
  return split.labels.every((l, i) => argmax[i] === l);
}

/** Reads a scalar and frees it. */
async function valueOf(t: tf.Tensor): Promise<number> {
  const v = (await t.data())[0];
  t.dispose();
  return v;
}

test("loadMnist: shapes, value range, one-hot labels, disjoint seeded splits", async () => {
  await useBackend("cpu");
  const before = tf.memory().numTensors;
  const data = await loadMnist({ trainSize: 8000, validationSize: 1000, testSize: 1000, seed: 5 });
  assert.deepEqual(data.train.xs.shape, [8000, 28, 28, 1]);
  assert.deepEqual(data.validation.ys.shape, [1000, 10]);
  assert.equal(data.test.labels.length, 1000);
  assert.equal(await valueOf(data.train.xs.min()), 0);
  assert.ok((await valueOf(data.train.xs.max())) <= 1);
  assert.ok(await oneHotMatchesLabels(data.train));
  // All 10,000 digits used once: per-class totals equal the number of digits in each file
  // (counted here from the JSON files, independently of the loader).
  const perFile = Array.from(
    { length: 10 },
    (_, d) => JSON.parse(fs.readFileSync(path.join(mnistDirectory(), `${d}.json`), "utf8")).data.length / 784,
  );
  const total = [data.train, data.validation, data.test]
    .map((s) => classCounts(s, 10))
    .reduce((a, b) => a.map((v, i) => v + b[i]));
  assert.deepEqual(total, perFile);
  // Same seed, same split; another seed, another split.
  const again = await loadMnist({ trainSize: 100, validationSize: 10, testSize: 1000, seed: 5 });
  assert.deepEqual([...again.test.labels], [...data.test.labels]);
  const other = await loadMnist({ trainSize: 100, validationSize: 10, testSize: 1000, seed: 6 });
  assert.notDeepEqual([...other.test.labels], [...data.test.labels]);
  [data, again, other].forEach((d) => d.dispose());
  data.dispose(); // a second dispose is harmless
  assert.equal(tf.memory().numTensors, before);
});

test("loadMnist: impossible sizes are refused with the rule and a fix", async () => {
  await assert.rejects(
    loadMnist({ trainSize: 9000, validationSize: 1000, testSize: 1000 }),
    /= 11000, more than the 10,000 images available\. The package has 10,000 digits in all/,
  );
  await assert.rejects(loadMnist({ trainSize: 0 }), /trainSize must be a whole number from 1 to 10000, got 0/);
  await assert.rejects(loadMnist({ seed: -1 }), /seed must be a whole number from 0 to 4294967295, got -1/);
});

test(
  "loadFashionMnist: class balance published by Zalando (6,000 per class in train, 1,000 in test)",
  { skip: !fs.existsSync(FASHION_MNIST_DIRECTORY) && "dataset-fashion-mnist is not installed" },
  async () => {
    await useBackend("cpu");
    const before = tf.memory().numTensors;
    const data = await loadFashionMnist({ trainSize: 50000, validationSize: 10000, testSize: 10000, seed: 2 });
    assert.deepEqual(data.train.xs.shape, [50000, 28, 28, 1]);
    assert.deepEqual(classCounts(data.test, 10), new Array(10).fill(1000));
    const trainTotal = classCounts(data.train, 10).map((v, i) => v + classCounts(data.validation, 10)[i]);
    assert.deepEqual(trainTotal, new Array(10).fill(6000));
    assert.equal(data.classNames[9], "Ankle boot");
    assert.ok((await valueOf(data.test.xs.max())) <= 1);
    assert.ok(await oneHotMatchesLabels(data.validation));
    data.dispose();
    assert.equal(tf.memory().numTensors, before);
    await assert.rejects(
      loadFashionMnist({ trainSize: 55000, validationSize: 6000 }),
      /= 61000, more than the 60,000 images/,
    );
  },
);

test("makeColorShapes: shapes, range, balance, determinism", async () => {
  await useBackend("cpu");
  const before = tf.memory().numTensors;
  const a = makeColorShapes({ size: 16, count: 100, seed: 3 });
  assert.deepEqual(a.train.xs.shape, [70, 16, 16, 3]);
  assert.equal(a.validation.labels.length + a.test.labels.length, 30);
  const all = [a.train, a.validation, a.test].map((s) => classCounts(s, 5)).reduce((x, y) => x.map((v, i) => v + y[i]));
  assert.deepEqual(all, [20, 20, 20, 20, 20]);
  const min = await valueOf(a.train.xs.min());
  const max = await valueOf(a.train.xs.max());
  assert.ok(min >= 0 && max <= 1 && max > min);
  const b = makeColorShapes({ size: 16, count: 100, seed: 3 });
  assert.deepEqual(await b.train.xs.data(), await a.train.xs.data());
  const byColor = makeColorShapes({ size: 16, count: 60, seed: 3, labelBy: "color" });
  assert.equal(byColor.classNames.length, 6);
  [a, b, byColor].forEach((d) => d.dispose());
  assert.equal(tf.memory().numTensors, before);
  assert.throws(() => makeColorShapes({ size: 4 }), /size must be a whole number from 8 to 256, got 4/);
});

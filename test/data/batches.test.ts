import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { batchIndices, firstExamples, takeExamples } from "../../src/data/batches";
import { createRng, permutation } from "../../src/data/random";
import { splitFromArrays } from "../../src/data/split";
import { expectNoLeak, useBackend } from "../helpers";

test("createRng: same seed, same sequence; values in [0, 1); another seed differs", () => {
  const a = createRng(12345);
  const b = createRng(12345);
  const first = [a.next(), a.next(), a.next()];
  assert.deepEqual([b.next(), b.next(), b.next()], first);
  assert.ok(first.every((v) => v >= 0 && v < 1));
  assert.notDeepEqual([createRng(12346).next()], [first[0]]);
});

test("permutation and batchIndices: every index exactly once, batch sizes 4, 4, 2", () => {
  const order = permutation(10, 3);
  assert.deepEqual(
    [...order].sort((x, y) => x - y),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.notDeepEqual([...order], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const batches = batchIndices(10, 4, 3);
  assert.deepEqual(
    batches.map((b) => b.length),
    [4, 4, 2],
  );
  assert.deepEqual(
    batches.flatMap((b) => [...b]),
    [...order],
  );
  assert.throws(() => batchIndices(10, 0, 1), /batchSize must be a whole number ≥ 1, got 0/);
});

test("takeExamples / firstExamples: pick images and labels together, without leaks", async () => {
  await useBackend("cpu");
  // Image i is filled with the value i, so the picked pixels name the picked images.
  const images = Float32Array.from({ length: 5 * 4 }, (_, k) => Math.floor(k / 4));
  const split = splitFromArrays(images, Int32Array.from([0, 1, 2, 0, 1]), { height: 2, width: 2, channels: 1 }, 3);
  const picked = takeExamples(split, [4, 0]);
  assert.deepEqual(Array.from(await picked.xs.data()), [4, 4, 4, 4, 0, 0, 0, 0]);
  assert.deepEqual([...picked.labels], [1, 0]);
  assert.deepEqual(Array.from(await picked.ys.data()), [0, 1, 0, 1, 0, 0]);
  const first = firstExamples(split, 2);
  assert.deepEqual([...first.labels], [0, 1]);
  await expectNoLeak(() =>
    tf.dispose(Object.values(takeExamples(split, [1])).filter((v) => v instanceof tf.Tensor) as tf.Tensor[]),
  );
  assert.throws(() => takeExamples(split, [5]), /indices\[0\] must be a whole number from 0 to 4, got 5/);
  assert.throws(() => firstExamples(split, 6), /count must be a whole number from 1 to 5/);
  tf.dispose([split.xs, split.ys, picked.xs, picked.ys, first.xs, first.ys]);
});

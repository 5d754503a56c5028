import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createRng } from "../../src/data/random";
import { clearSeed, setSeed } from "../../src/train/seed";
import { useBackend } from "../helpers";

test("setSeed: Math.random follows the seeded generator; clearSeed gives the original back", () => {
  const original = Math.random;
  setSeed(123);
  const reference = createRng(123);
  assert.deepEqual(
    [Math.random(), Math.random(), Math.random()],
    [reference.next(), reference.next(), reference.next()],
  );
  clearSeed();
  assert.equal(Math.random, original);
});

test("setSeed: unseeded tfjs random ops (initialisers, dropout) repeat after the same seed", async () => {
  await useBackend("cpu");
  const draw = async () => {
    const t = tf.tidy(() => tf.dropout(tf.ones([50]), 0.5).add(tf.randomNormal([50])));
    const values = Array.from(await t.data());
    t.dispose();
    return values;
  };
  setSeed(9);
  const a = await draw();
  setSeed(9);
  const b = await draw();
  setSeed(10);
  const c = await draw();
  clearSeed();
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test("setSeed: refuses seeds that are not whole numbers in range", () => {
  assert.throws(() => setSeed(-3), /setSeed: seed must be a whole number from 0 to 4294967295, got -3/);
  assert.throws(() => setSeed(0.5), /got 0\.5/);
});

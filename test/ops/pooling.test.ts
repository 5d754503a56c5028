import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { flattenVolume, globalAveragePool2d, maxPool2d, pool2d, poolChannels, PoolMode } from "../../src/ops/pooling";
import {
  batchToChw,
  chwToBatch,
  expectNoLeak,
  nestedMaxDiff,
  randomInt,
  randomVolume,
  seededRandom,
  useBackend,
} from "../helpers";
import { Padding } from "../../src/ops/output-size";

function tfPool(
  x: tf.Tensor4D,
  mode: PoolMode,
  size: [number, number],
  stride: [number, number],
  padding: Padding,
): tf.Tensor4D {
  const rounding = typeof padding === "number" ? "floor" : undefined; // tfjs accepts a rounding mode only with numeric padding
  if (mode === "max") return tf.maxPool(x, size, stride, padding as "same", rounding);
  if (mode === "avg") return tf.avgPool(x, size, stride, padding as "same", rounding);
  return tf.neg(tf.maxPool(tf.neg(x), size, stride, padding as "same", rounding)); // min = −max(−x)
}

test("pool2d (max, avg, min) matches tf.maxPool / tf.avgPool on 150 random cases, channels kept", async () => {
  await useBackend("cpu");
  const random = seededRandom(4);
  const modes: PoolMode[] = ["max", "avg", "min"];
  for (let trial = 0; trial < 150; trial++) {
    const mode = modes[trial % 3];
    const channels = randomInt(random, 1, 3);
    const height = randomInt(random, 3, 9);
    const width = randomInt(random, 3, 9);
    const size: [number, number] = [randomInt(random, 1, 3), randomInt(random, 1, 3)];
    const stride: [number, number] = [randomInt(random, 1, 3), randomInt(random, 1, 3)];
    const choice = randomInt(random, 0, 2);
    const padding: Padding =
      choice === 0 ? "same" : choice === 1 ? "valid" : randomInt(random, 0, Math.floor(Math.min(...size) / 2));
    // tfjs sizes numeric padding with the window's height and stride on both axes: keep those cases square.
    if (typeof padding === "number") [size[1], stride[1]] = [size[0], stride[0]];
    const input = randomVolume(random, channels, height, width);
    const label = JSON.stringify({ trial, mode, channels, height, width, size, stride, padding });
    const expected = await expectNoLeak(() =>
      tf.tidy(() => batchToChw(tfPool(chwToBatch(input), mode, size, stride, padding))),
    );
    const ours = poolChannels(input, mode, { size, stride, padding, rounding: "floor" });
    assert.equal(ours.length, channels, `pooling keeps the channel count: ${label}`);
    assert.ok(nestedMaxDiff(ours, expected) < 1e-5, `${mode} pooling differs from tfjs: ${label}`);
  }
});

test("globalAveragePool2d matches tf.mean over height and width; flattenVolume matches a reshape of the HWC tensor", async () => {
  await useBackend("cpu");
  const input = randomVolume(seededRandom(11), 3, 4, 5);
  const [means, flat] = await expectNoLeak(() =>
    tf.tidy(() => {
      const x = chwToBatch(input);
      return [Array.from(x.mean([1, 2]).dataSync()), Array.from(x.reshape([-1]).dataSync())];
    }),
  );
  assert.ok(nestedMaxDiff(globalAveragePool2d(input), means) < 1e-5);
  assert.deepEqual(flattenVolume(input), flat);
  assert.deepEqual(flattenVolume([[[1, 2]], [[3, 4]]], "chw"), [1, 2, 3, 4]);
  assert.deepEqual(flattenVolume([[[1, 2]], [[3, 4]]]), [1, 3, 2, 4]);
});

test("pooling rejects bad input with messages that name the argument and a fix", () => {
  const m = [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ];
  assert.throws(() => maxPool2d(m, { size: 0 }), /maxPool2d: size must be a whole number ≥ 1, got 0/);
  assert.throws(
    () => maxPool2d(m, { size: 2 }),
    /maxPool2d, along the height: \(3 \+ 2·0 − 2\) \/ 2 = 1 \/ 2 = 0\.5 is not a whole number/,
  );
  assert.throws(() => maxPool2d(m, { size: 4, padding: "valid" }), /kernel is 4 long but the padded input is only 3/);
  assert.throws(
    () => maxPool2d(m, { size: 2, stride: 1, padding: 2 }),
    /padding 2 is more than half the window \(2x2\)/,
  );
  assert.throws(() => maxPool2d(m, undefined as never), /options must be an object like \{ size: 2 \}/);
  assert.throws(() => pool2d(m, "median" as PoolMode, { size: 1 }), /mode must be "max", "avg" or "min", got "median"/);
  assert.throws(() => globalAveragePool2d([]), /globalAveragePool2d: input must be a non-empty array of channels/);
  assert.throws(() => flattenVolume([m], "whc" as "hwc"), /order must be "hwc" or "chw"/);
  assert.equal(maxPool2d(m, { size: 2, rounding: "floor" })[0][0], 5);
});

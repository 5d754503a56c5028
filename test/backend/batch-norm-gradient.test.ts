import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../src/backend";
import { batchNormGradConfig } from "../../src/backend/batch-norm-gradient";
import { maxAbsDiff } from "../helpers";
import { randomValues, useWasmWithKernels } from "./compare";

// tfjs's own gradient, taken before initBackend replaces it: the reference for ours.
const stockGradient = tf.getGradient("FusedBatchNorm");

interface Case {
  x: number[];
  stats: number[];
}

// tfjs records batchNorm for gradients only with both scale and offset given (without either,
// its own gradient bookkeeping fails on every backend), as tf.layers.batchNormalization does.
const CASES: Case[] = [
  { x: [2, 5, 4, 3], stats: [3] }, // a conv layer's batch norm
  { x: [6, 4], stats: [4] }, // after a dense layer
  { x: [2, 3, 2, 2], stats: [2, 3, 2, 2] }, // one statistic per element
];

/** Gradients of Σ batchNorm(x, mean, variance, offset, scale)·r for every input, under `config`. */
function gradients(c: Case, config: tf.GradConfig): tf.Tensor[] {
  tf.registerGradient(config);
  return tf.tidy(() => {
    const x = tf.tensor(
      randomValues(
        c.x.reduce((a, b) => a * b, 1),
        1,
      ),
      c.x,
    );
    const size = c.stats.reduce((a, b) => a * b, 1);
    const mean = tf.tensor(randomValues(size, 2), c.stats);
    const variance = tf.add(tf.square(tf.tensor(randomValues(size, 3), c.stats)), 0.5);
    const scale = tf.tensor(randomValues(size, 4), c.stats);
    const offset = tf.tensor(randomValues(size, 5), c.stats);
    const r = tf.tensor(randomValues(x.size, 6), c.x);
    const loss = (...t: tf.Tensor[]) => {
      const [xs, m, v, s, o] = t as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
      return tf.sum(tf.mul(tf.batchNorm(xs, m, v, o, s, 0.001), r));
    };
    return tf.grads(loss)([x, mean, variance, scale, offset]);
  });
}

for (const backend of ["cpu", "wasm"] as const) {
  test(`FusedBatchNorm's gradient on ${backend} matches tfjs's own for x, mean, variance, scale and offset`, async () => {
    if (backend === "wasm") await useWasmWithKernels();
    else await initBackend({ backend: "cpu", quiet: true });
    assert.equal(tf.getGradient("FusedBatchNorm"), batchNormGradConfig);
    try {
      for (const c of CASES) {
        const want = gradients(c, stockGradient);
        const got = gradients(c, batchNormGradConfig);
        assert.equal(got.length, want.length);
        for (let i = 0; i < want.length; i++) {
          assert.deepEqual(got[i]!.shape, want[i]!.shape);
          const a = await got[i]!.data();
          const b = await want[i]!.data();
          const scale = Math.max(1, ...Array.from(b, Math.abs));
          assert.ok(
            maxAbsDiff(a, b) <= 1e-5 * scale,
            `${JSON.stringify(c)} gradient ${i}: differs by ${maxAbsDiff(a, b)}`,
          );
        }
        tf.dispose([...want, ...got]);
      }
    } finally {
      tf.registerGradient(batchNormGradConfig);
    }
  });
}

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { meanGradConfig, sumGradConfig } from "../../src/backend/reduction-gradients";
import { initBackend } from "../../src/backend";
import { randomValues, useWasmWithKernels } from "./compare";

/** d/dx Σ reduce(x)·r by hand: each x element receives the r of the output it was reduced into (÷ count for mean). */
function expectedGradient(shape: number[], axes: number[], r: number[], mean: boolean): number[] {
  const size = shape.reduce((a, b) => a * b, 1);
  const kept = shape.map((n, d) => (axes.includes(d) ? 1 : n));
  const count = axes.reduce((n, d) => n * shape[d]!, 1);
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    let rest = i;
    let index = 0;
    let stride = 1;
    for (let d = shape.length - 1; d >= 0; d--) {
      const coordinate = rest % shape[d]!;
      rest = Math.floor(rest / shape[d]!);
      index += (axes.includes(d) ? 0 : coordinate) * stride;
      stride *= kept[d]!;
    }
    out.push(mean ? r[index]! / count : r[index]!);
  }
  return out;
}

const CASES: Array<{ shape: number[]; axis: number | number[] | undefined; keepDims: boolean }> = [
  { shape: [2, 3, 4, 5], axis: [0, 1, 2], keepDims: false }, // batch-norm statistics
  { shape: [2, 3, 4, 5], axis: [0, 1, 2], keepDims: true },
  { shape: [3, 4], axis: 1, keepDims: false },
  { shape: [3, 4], axis: -2, keepDims: false },
  { shape: [2, 3, 4], axis: undefined, keepDims: false }, // every axis
  { shape: [5], axis: 0, keepDims: true },
];

for (const backend of ["cpu", "wasm"] as const) {
  test(`Sum and Mean gradients on ${backend} give each element its output's gradient (÷ count for the mean)`, async () => {
    if (backend === "wasm") await useWasmWithKernels();
    else await initBackend({ backend: "cpu", quiet: true });
    assert.equal(tf.getGradient("Sum"), sumGradConfig);
    assert.equal(tf.getGradient("Mean"), meanGradConfig);
    for (const c of CASES) {
      const size = c.shape.reduce((a, b) => a * b, 1);
      const x = tf.tensor(randomValues(size, 5), c.shape);
      const outShape = tf.sum(x, c.axis, c.keepDims).shape;
      const r = tf.tensor(
        randomValues(
          Math.max(
            1,
            outShape.reduce((a, b) => a * b, 1),
          ),
          6,
        ),
        outShape,
      );
      const axes = tf.util.parseAxisParam(c.axis ?? null!, c.shape);
      for (const mean of [false, true]) {
        const reduce = (t: tf.Tensor) => (mean ? tf.mean(t, c.axis, c.keepDims) : tf.sum(t, c.axis, c.keepDims));
        const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(reduce(t), r)))(x);
        assert.deepEqual(g.shape, c.shape);
        const want = expectedGradient(c.shape, axes, Array.from(await r.data()), mean);
        const got = Array.from(await g.data());
        got.forEach((v, i) =>
          assert.ok(
            Math.abs(v - want[i]!) <= 1e-6 * Math.max(1, Math.abs(want[i]!)),
            `${mean ? "mean" : "sum"} ${JSON.stringify(c)} element ${i}: ${v} vs ${want[i]}`,
          ),
        );
        g.dispose();
      }
      tf.dispose([x, r]);
    }
  });
}

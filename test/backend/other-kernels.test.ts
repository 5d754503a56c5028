import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { expectNoLeak } from "../helpers";
import { tileValues } from "../../src/backend/kernels/tile";
import {
  assertClose,
  onBothBackends,
  randomPlain,
  toPlain,
  toTensor,
  useWasmWithKernels,
  variantTest,
} from "./compare";

const TOLERANCE = 1e-5;

test("Tile on wasm: a hand-worked example, then cpu's answers for many shapes and dtypes", async () => {
  await useWasmWithKernels();
  const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
  const tiled = tf.tile(x, [2, 3]);
  // Rows [1 2] and [3 4], each repeated 3 times across, then the pair repeated twice down.
  assert.deepEqual(
    Array.from(await tiled.data()),
    [1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4],
  );
  assert.deepEqual(tiled.shape, [4, 6]);
  tf.dispose([x, tiled]);

  const cases: Array<{ shape: number[]; reps: number[]; dtype: "float32" | "int32" }> = [
    { shape: [1, 1, 1, 5], reps: [3, 4, 2, 1], dtype: "float32" }, // the batch-norm gradient's pattern
    { shape: [3], reps: [5], dtype: "int32" },
    { shape: [2, 3, 1], reps: [1, 2, 7], dtype: "float32" },
    { shape: [2, 1, 3, 2], reps: [2, 3, 1, 2], dtype: "int32" },
    { shape: [4, 2], reps: [1, 1], dtype: "float32" },
    { shape: [2, 2], reps: [0, 3], dtype: "float32" },
  ];
  for (const c of cases) {
    const { cpu, wasm } = await onBothBackends(async () => {
      const plain = randomPlain(c.shape, 21);
      const t = tf.tensor(
        c.dtype === "int32" ? plain.values.map((v) => Math.round(v * 100)) : plain.values,
        c.shape,
        c.dtype,
      );
      const y = tf.tile(t, c.reps);
      const out = [await toPlain(y)];
      tf.dispose([t, y]);
      return out;
    });
    assertClose(wasm, cpu, 0, `tile ${JSON.stringify(c)}`);
  }
});

test("Tile of strings works on wasm (stock wasm aborts on them)", async () => {
  await useWasmWithKernels();
  const words = tf.tensor1d(["a", "b"], "string");
  const tiled = tf.tile(words, [2]);
  assert.deepEqual(await tiled.data(), ["a", "b", "a", "b"]);
  tf.dispose([words, tiled]);
});

test("tileValues copies a scalar and leaves nothing unwritten", () => {
  const out = new Float32Array(1);
  tileValues(new Float32Array([7]), [], [], out);
  assert.equal(out[0], 7);
  const big = new Float32Array(2 * 3 * 4).fill(Number.NaN);
  tileValues(new Float32Array([1, 2]), [1, 2, 1], [2, 3, 2], big);
  assert.ok(big.every((v) => v === 1 || v === 2));
});

test("UnsortedSegmentSum on wasm: a hand-worked example, out-of-range ids dropped, and the embedding gradient", async () => {
  await useWasmWithKernels();
  const x = tf.tensor2d([1, 2, 10, 20, 100, 200, 1000, 2000], [4, 2]);
  const ids = tf.tensor1d([2, 0, 2, 5], "int32");
  const summed = tf.unsortedSegmentSum(x, ids, 3);
  // Segment 0 gets row 1; segment 1 nothing; segment 2 rows 0 and 2; id 5 is out of range.
  assert.deepEqual(Array.from(await summed.data()), [10, 20, 0, 0, 101, 202]);
  tf.dispose([x, ids, summed]);

  const { cpu, wasm } = await onBothBackends(async () => {
    const table = toTensor(randomPlain([7, 5], 22));
    const tokens = tf.tensor2d(
      [
        [1, 3, 3, 6],
        [0, 1, 6, 6],
      ],
      [2, 4],
      "int32",
    );
    const upstream = toTensor(randomPlain([2, 4, 5], 23));
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, tokens), upstream)))(table);
    const segment = tf.unsortedSegmentSum(
      toTensor(randomPlain([6, 3, 2], 24)),
      tf.tensor1d([4, 0, 4, 1, 3, 0], "int32"),
      5,
    );
    const out = [await toPlain(grad), await toPlain(segment)];
    tf.dispose([table, tokens, upstream, grad, segment]);
    return out;
  });
  assertClose(wasm, cpu, TOLERANCE, "unsortedSegmentSum");
});

test("Sum and Mean on wasm match cpu over leading, trailing and mixed axes, with keepDims", async () => {
  const cases: Array<{ shape: number[]; axis: number | number[]; keepDims: boolean }> = [
    { shape: [4, 5, 6, 7], axis: [0, 1, 2], keepDims: false },
    { shape: [4, 5, 6, 7], axis: [0, 1, 2], keepDims: true },
    { shape: [9, 3], axis: 0, keepDims: false },
    { shape: [9, 3], axis: -1, keepDims: false },
    { shape: [4, 5, 6], axis: [1, 0], keepDims: false },
    { shape: [4, 5, 6], axis: [0, 2], keepDims: true },
    { shape: [4, 5, 6], axis: [0, 1, 2], keepDims: false },
    { shape: [1, 1, 1, 3], axis: [0, 1, 2], keepDims: false },
  ];
  for (const c of cases) {
    const { cpu, wasm } = await onBothBackends(async () => {
      const x = toTensor(randomPlain(c.shape, 31));
      const s = tf.sum(x, c.axis, c.keepDims);
      const m = tf.mean(x, c.axis, c.keepDims);
      const out = [await toPlain(s), await toPlain(m)];
      tf.dispose([x, s, m]);
      return out;
    });
    assertClose(wasm, cpu, TOLERANCE, `sum/mean ${JSON.stringify(c)}`);
  }
  // Integer sums keep the stock kernel (and its int32 result).
  await useWasmWithKernels();
  const ints = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], "int32");
  const s = tf.sum(ints, 0);
  assert.equal(s.dtype, "int32");
  assert.deepEqual(Array.from(await s.data()), [9, 12]);
  tf.dispose([ints, s]);
});

variantTest("MaxPoolGrad on wasm sends each window's gradient to its first maximum, as cpu does", async () => {
  await useWasmWithKernels();
  // A 2x2 window of zeros (a ReLU output) and one with a tie: the first maximum in row-major order wins.
  const x = tf.tensor4d([0, 0, 5, 5, 0, 0, 1, 5], [1, 2, 4, 1]);
  const dx = tf.grad((t: tf.Tensor) =>
    tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, "valid"), tf.tensor4d([3, 7], [1, 1, 2, 1]))),
  )(x);
  assert.deepEqual(Array.from(await dx.data()), [3, 0, 7, 0, 0, 0, 0, 0]);
  tf.dispose([x, dx]);

  const cases: Array<{
    shape: [number, number, number, number];
    size: number | [number, number];
    strides: number | [number, number];
    pad: "same" | "valid";
  }> = [
    { shape: [2, 8, 8, 3], size: 2, strides: 2, pad: "valid" },
    { shape: [2, 7, 9, 4], size: 3, strides: 2, pad: "same" },
    { shape: [1, 9, 9, 1], size: 3, strides: 1, pad: "same" },
    { shape: [3, 10, 11, 5], size: [2, 3], strides: [3, 2], pad: "valid" },
    { shape: [1, 5, 5, 2], size: 2, strides: 3, pad: "same" },
    { shape: [2, 6, 8, 4], size: 2, strides: 2, pad: "same" }, // even sizes: no padding, the 2x2 fast path
    { shape: [1, 7, 5, 3], size: 2, strides: 2, pad: "valid" }, // the last row and column belong to no window
  ];
  for (const c of cases) {
    const { cpu, wasm } = await onBothBackends(async () => {
      // Rounded values create ties, and ReLU creates all-zero windows.
      const plain = randomPlain(c.shape, 41);
      const t = tf.relu(
        tf.tensor(
          plain.values.map((v) => Math.round(v * 4) / 4),
          c.shape,
        ),
      ) as tf.Tensor4D;
      const y = tf.maxPool(t, c.size, c.strides, c.pad);
      const r = toTensor(randomPlain(y.shape, 42));
      const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, c.size, c.strides, c.pad), r)))(t);
      const a = tf.avgPool(t, c.size, c.strides, c.pad);
      const ga = tf.grad((b: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(b as tf.Tensor4D, c.size, c.strides, c.pad), r)))(
        t,
      );
      const out = [await toPlain(y), await toPlain(g), await toPlain(a), await toPlain(ga)];
      tf.dispose([t, y, r, g, a, ga]);
      return out;
    });
    assertClose(wasm, cpu, TOLERANCE, `pooling ${JSON.stringify(c)}`);
  }
});

variantTest("MaxPoolGrad on wasm handles -Infinity and NaN in a 2x2 window as cpu does (max ignores NaN)", async () => {
  const values = [-Infinity, -Infinity, 1, NaN, -Infinity, -Infinity, 2, 2, NaN, 3, Infinity, 0, 4, NaN, 5, Infinity];
  const { cpu, wasm } = await onBothBackends(async () => {
    const x = tf.tensor4d(values, [1, 4, 4, 1]);
    const r = tf.tensor4d([1, 10, 100, 1000], [1, 2, 2, 1]);
    const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, 2, 2, "valid"), r)))(x);
    const out = [await toPlain(g)];
    tf.dispose([x, r, g]);
    return out;
  });
  // cpu starts each window's maximum at −∞ and takes a value only if strictly greater. Windows:
  // all −∞ → no gradient; {1, NaN, 2, 2} → the first 2; {NaN, 3, 4, NaN} → 4; {+∞, 0, 5, +∞} → the first +∞.
  assert.deepEqual(Array.from(cpu[0]!.values), [0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 1000, 0, 100, 0, 0, 0]);
  assert.deepEqual(Array.from(wasm[0]!.values), Array.from(cpu[0]!.values));
});

variantTest(
  "matMul and fused matMul with transposed operands on wasm match cpu (ranks 2 and 3, broadcast batch)",
  async () => {
    const cases: Array<{ a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }> = [
      { a: [7, 5], b: [7, 3], transposeA: true, transposeB: false },
      { a: [4, 5], b: [6, 5], transposeA: false, transposeB: true },
      { a: [5, 4], b: [6, 5], transposeA: true, transposeB: true },
      { a: [2, 3, 4], b: [2, 3, 5], transposeA: true, transposeB: false },
      { a: [2, 4, 3], b: [1, 5, 3], transposeA: false, transposeB: true },
      { a: [3, 4], b: [4, 2], transposeA: false, transposeB: false },
    ];
    for (const c of cases) {
      const { cpu, wasm } = await onBothBackends(async () => {
        const a = toTensor(randomPlain(c.a, 61));
        const b = toTensor(randomPlain(c.b, 62));
        const y = tf.matMul(a, b, c.transposeA, c.transposeB);
        const bias = toTensor(randomPlain([y.shape[y.shape.length - 1]], 63));
        const fused = tf.fused.matMul({
          a,
          b,
          transposeA: c.transposeA,
          transposeB: c.transposeB,
          bias,
          activation: "relu",
        });
        const out = [await toPlain(y), await toPlain(fused)];
        tf.dispose([a, b, y, bias, fused]);
        return out;
      });
      assertClose(wasm, cpu, TOLERANCE, `matMul ${JSON.stringify(c)}`);
    }
    await useWasmWithKernels();
    const a = toTensor(randomPlain([6, 4], 64));
    const b = toTensor(randomPlain([6, 3], 65));
    await expectNoLeak(() => tf.matMul(a, b, true, false).dispose());
    tf.dispose([a, b]);
  },
);

test("Slice on wasm matches cpu for contiguous and strided slices of float, int and bool tensors, without a leak", async () => {
  const cases: Array<{ shape: number[]; begin: number[]; size: number[]; dtype: "float32" | "int32" | "bool" }> = [
    { shape: [8, 3, 4], begin: [2, 0, 0], size: [3, -1, -1], dtype: "float32" }, // rows of the first axis: a predict batch
    { shape: [8, 3, 4], begin: [5, 1, 0], size: [1, 2, 4], dtype: "int32" }, // still contiguous
    { shape: [8, 3, 4], begin: [0, 1, 1], size: [8, 2, 2], dtype: "float32" }, // strided: the stock kernel
    { shape: [10], begin: [3], size: [4], dtype: "bool" },
    { shape: [4, 5], begin: [1, 0], size: [0, 5], dtype: "float32" }, // empty
  ];
  const { cpu, wasm } = await onBothBackends(async () => {
    const out = [];
    for (const c of cases) {
      const plain = randomPlain(c.shape, 90);
      const x = tf.tensor(
        plain.values.map((v) => (c.dtype === "float32" ? v : c.dtype === "int32" ? Math.round(10 * v) : +(v > 0))),
        c.shape,
        c.dtype,
      );
      const y = tf.slice(x, c.begin, c.size);
      out.push({ ...(await toPlain(y)), dtype: undefined });
      tf.dispose([x, y]);
    }
    return out;
  });
  assertClose(wasm, cpu, 0, "slices");
  await useWasmWithKernels();
  const x = tf.ones([6, 4]);
  await expectNoLeak(() => tf.slice(x, [2, 0], [2, 4]).dispose());
  x.dispose();
});

test("Identity and same-dtype Cast share data on wasm, and the copy outlives the original", async () => {
  await useWasmWithKernels();
  await expectNoLeak(async () => {
    const x = tf.tensor1d([1, 2, 3]);
    const copy = tf.clone(x);
    const cast = tf.cast(x, "float32");
    const floats = tf.tensor1d([1.7, -2.2]);
    const toInt = tf.cast(floats, "int32");
    x.dispose();
    assert.deepEqual(Array.from(await copy.data()), [1, 2, 3]);
    assert.deepEqual(Array.from(await cast.data()), [1, 2, 3]);
    assert.equal(toInt.dtype, "int32");
    assert.deepEqual(Array.from(await toInt.data()), [1, -2]);
    tf.dispose([copy, cast, floats, toInt]);
  });
});

variantTest("the convolution kernels refuse channels-first data with a message that says what to do", async () => {
  await useWasmWithKernels();
  const dy = tf.zeros([1, 2, 3, 3]);
  const filter = tf.zeros([3, 3, 2, 2]);
  assert.throws(
    () =>
      tf
        .engine()
        .runKernel(
          "Conv2DBackpropInput",
          { dy, filter },
          { strides: 1, pad: "valid", dataFormat: "NCHW", inputShape: [1, 2, 5, 5] },
        ),
    /Conv2DBackpropInput: dataFormat "NCHW" is not supported on wasm; .*channelsLast/,
  );
  const x = tf.zeros([1, 2, 5, 5]);
  assert.throws(
    () =>
      tf
        .engine()
        .runKernel(
          "Conv2DBackpropFilter",
          { x, dy },
          { strides: 1, pad: "valid", dataFormat: "NCHW", filterShape: [3, 3, 2, 2] },
        ),
    /Conv2DBackpropFilter: dataFormat "NCHW" is not supported on wasm/,
  );
  tf.dispose([dy, filter, x]);
});

test("FusedBatchNorm on wasm (folded into a multiply and an add per channel) matches cpu, with and without scale/offset", async () => {
  const cases: Array<{ x: number[]; param: number[]; scale: boolean; offset: boolean }> = [
    { x: [3, 5, 4, 6], param: [6], scale: true, offset: true },
    { x: [3, 5, 4, 6], param: [1, 1, 1, 6], scale: true, offset: false },
    { x: [7, 9], param: [9], scale: false, offset: true }, // batch norm after a dense layer
    { x: [2, 3, 3, 4], param: [4], scale: false, offset: false },
    { x: [2, 3, 3, 4], param: [2, 3, 3, 4], scale: true, offset: true }, // not per channel: the stock kernel's case
  ];
  for (const c of cases) {
    const { cpu, wasm } = await onBothBackends(async () => {
      const x = toTensor(randomPlain(c.x, 41));
      const mean = toTensor(randomPlain(c.param, 42));
      const variance = tf.abs(toTensor(randomPlain(c.param, 43))).add(0.1);
      const scale = c.scale ? toTensor(randomPlain(c.param, 44)) : undefined;
      const offset = c.offset ? toTensor(randomPlain(c.param, 45)) : undefined;
      const y = tf.batchNorm(
        x,
        mean as tf.Tensor1D,
        variance as tf.Tensor1D,
        offset as tf.Tensor1D | undefined,
        scale as tf.Tensor1D | undefined,
        0.01,
      );
      const out = [await toPlain(y)];
      tf.dispose([x, mean, variance, y, ...(scale ? [scale] : []), ...(offset ? [offset] : [])]);
      return out;
    });
    assertClose(wasm, cpu, TOLERANCE, `batchNorm ${JSON.stringify(c)}`);
  }
  // Hand check of one channel: x = 3, mean 1, variance 4 - ε, scale 2, offset 0.5 → (3 − 1)/2·2 + 0.5 = 2.5.
  await useWasmWithKernels();
  const y = tf.batchNorm(
    tf.tensor2d([[3]]),
    tf.tensor1d([1]),
    tf.tensor1d([4 - 0.01]),
    tf.tensor1d([0.5]),
    tf.tensor1d([2]),
    0.01,
  );
  assert.ok(Math.abs((await y.data())[0]! - 2.5) < 1e-6);
});

import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { expectNoLeak, useBackend } from "../helpers";
import {
  Plain,
  assertClose,
  onBothBackends,
  randomPlain,
  toPlain,
  toTensor,
  useWasmWithKernels,
  variantTest,
} from "./compare";

type Pad = "same" | "valid" | [[number, number], [number, number], [number, number], [number, number]];

interface ConvCase {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: Pad;
  dilation?: number | [number, number];
}

const TOLERANCE = 1e-5;

/** loss = Σ conv(x, w) · r with a random r, so the upstream gradient dy = r is not uniform. */
async function convValueAndGrads(c: ConvCase, withGrads: boolean): Promise<Plain[]> {
  const x = toTensor(randomPlain(c.x, 1)) as tf.Tensor4D;
  const w = toTensor(randomPlain(c.filter, 2)) as tf.Tensor4D;
  const y = tf.conv2d(x, w, c.strides, c.pad, "NHWC", c.dilation ?? 1);
  const results = [await toPlain(y)];
  if (withGrads) {
    const r = toTensor(randomPlain(y.shape, 3));
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), r)),
    )([x, w]);
    results.push(await toPlain(dx), await toPlain(dw));
    tf.dispose([r, dx, dw]);
  }
  tf.dispose([x, w, y]);
  return results;
}

const CONV_CASES: ConvCase[] = [
  { x: [1, 7, 7, 1], filter: [3, 3, 1, 1], strides: 1, pad: "same" },
  { x: [2, 9, 8, 3], filter: [3, 3, 3, 4], strides: 2, pad: "same" },
  { x: [2, 9, 8, 3], filter: [3, 3, 3, 4], strides: 2, pad: "valid" },
  { x: [3, 11, 10, 5], filter: [5, 5, 5, 6], strides: 3, pad: "same" },
  { x: [2, 10, 11, 4], filter: [2, 3, 4, 3], strides: [2, 3], pad: "valid" },
  { x: [1, 13, 13, 2], filter: [4, 4, 2, 3], strides: 3, pad: "valid" },
  { x: [2, 8, 8, 16], filter: [1, 1, 16, 8], strides: 2, pad: "same" },
  {
    x: [2, 9, 7, 3],
    filter: [3, 2, 3, 5],
    strides: 2,
    pad: [
      [0, 0],
      [1, 2],
      [0, 3],
      [0, 0],
    ],
  },
  { x: [1, 5, 5, 8], filter: [5, 5, 8, 2], strides: 1, pad: "valid" },
  { x: [2, 6, 6, 32], filter: [3, 3, 32, 16], strides: 1, pad: "same" },
  { x: [1, 6, 6, 2], filter: [2, 2, 2, 3], strides: 3, pad: "same" }, // stock wasm returned zeros here
  { x: [2, 7, 7, 3], filter: [2, 2, 3, 2], strides: 4, pad: "same" },
  { x: [1, 1, 1, 3], filter: [1, 1, 3, 2], strides: 1, pad: "valid" },
];

variantTest(
  "conv2d forward values and both gradients on wasm match tfjs-cpu (strides 1–3, same/valid/explicit)",
  async () => {
    for (const c of CONV_CASES) {
      const { cpu, wasm } = await onBothBackends(() => convValueAndGrads(c, true));
      assertClose(wasm, cpu, TOLERANCE, `conv2d ${JSON.stringify(c)}`);
    }
  },
);

variantTest(
  "dilated conv2d forward on wasm matches tfjs-cpu (tfjs has no gradient for dilation > 1 on any backend)",
  async () => {
    const cases: ConvCase[] = [
      { x: [2, 9, 9, 3], filter: [3, 3, 3, 4], strides: 1, pad: "same", dilation: 2 },
      { x: [1, 10, 9, 2], filter: [2, 3, 2, 3], strides: 1, pad: "valid", dilation: [2, 3] },
      { x: [1, 12, 12, 1], filter: [3, 3, 1, 2], strides: 1, pad: "same", dilation: 3 },
    ];
    for (const c of cases) {
      const { cpu, wasm } = await onBothBackends(() => convValueAndGrads(c, false));
      assertClose(wasm, cpu, TOLERANCE, `dilated conv2d ${JSON.stringify(c)}`);
    }
  },
);

/** Plain-JS, float64 convolution: an independent reference for a numeric gradient. */
function referenceConvLoss(x: Plain, w: Plain, r: Plain, stride: number, padTop: number, padLeft: number): number {
  const [b, h, wd, ci] = x.shape;
  const [kh, kw, , co] = w.shape;
  const [, oh, ow] = r.shape;
  let loss = 0;
  for (let n = 0; n < b; n++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let o = 0; o < co; o++) {
          let sum = 0;
          for (let p = 0; p < kh; p++)
            for (let q = 0; q < kw; q++) {
              const row = i * stride + p - padTop;
              const col = j * stride + q - padLeft;
              if (row < 0 || row >= h || col < 0 || col >= wd) continue;
              for (let c = 0; c < ci; c++)
                sum += x.values[((n * h + row) * wd + col) * ci + c] * w.values[((p * kw + q) * ci + c) * co + o];
            }
          loss += sum * r.values[((n * oh + i) * ow + j) * co + o];
        }
  return loss;
}

variantTest("wasm's conv2d gradients agree with centred differences of a plain-JS convolution", async () => {
  await useWasmWithKernels();
  // 7x7 input, 3x3 filter, stride 2, 'same': output 4x4, total padding 2 → 1 on top/left.
  const xp = randomPlain([2, 7, 7, 2], 11);
  const wp = randomPlain([3, 3, 2, 3], 12);
  const rp = randomPlain([2, 4, 4, 3], 13);
  const [x, w, r] = [toTensor(xp), toTensor(wp), toTensor(rp)];
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, "same"), r)),
  )([x, w]);
  const dxValues = await dx.data();
  const dwValues = await dw.data();
  const h = 1e-3;
  const numeric = (p: Plain, k: number, loss: (q: Plain) => number): number => {
    const plus = { ...p, values: p.values.map((v, i) => (i === k ? v + h : v)) };
    const minus = { ...p, values: p.values.map((v, i) => (i === k ? v - h : v)) };
    return (loss(plus) - loss(minus)) / (2 * h);
  };
  for (let k = 0; k < wp.values.length; k++) {
    const expected = numeric(wp, k, (q) => referenceConvLoss(xp, q, rp, 2, 1, 1));
    assert.ok(Math.abs(dwValues[k] - expected) < 1e-4, `dW[${k}]: wasm ${dwValues[k]}, numeric ${expected}`);
  }
  for (let k = 0; k < xp.values.length; k += 5) {
    const expected = numeric(xp, k, (q) => referenceConvLoss(q, wp, rp, 2, 1, 1));
    assert.ok(Math.abs(dxValues[k] - expected) < 1e-4, `dx[${k}]: wasm ${dxValues[k]}, numeric ${expected}`);
  }
  tf.dispose([x, w, r, dx, dw]);
});

interface TransposeCase {
  x: [number, number, number, number];
  filter: [number, number, number, number]; // [kh, kw, outChannels, inChannels]
  strides: number;
  pad: "same" | "valid";
}

function transposeOutputShape(c: TransposeCase): [number, number, number, number] {
  const [b, h, w] = c.x;
  const [kh, kw, out] = c.filter;
  if (c.pad === "same") return [b, h * c.strides, w * c.strides, out];
  return [b, (h - 1) * c.strides + kh, (w - 1) * c.strides + kw, out];
}

variantTest(
  "conv2dTranspose (Conv2DBackpropInput forward) and its gradients on wasm match tfjs-cpu, strides 1–3",
  async () => {
    const cases: TransposeCase[] = [
      { x: [2, 4, 4, 16], filter: [4, 4, 8, 16], strides: 2, pad: "same" }, // a DCGAN generator step
      { x: [1, 3, 5, 2], filter: [3, 3, 1, 2], strides: 3, pad: "valid" },
      { x: [2, 5, 4, 3], filter: [2, 2, 4, 3], strides: 1, pad: "same" },
      { x: [1, 4, 4, 8], filter: [5, 5, 3, 8], strides: 2, pad: "same" },
      { x: [3, 3, 3, 1], filter: [3, 2, 2, 1], strides: 2, pad: "valid" },
      { x: [1, 5, 2, 4], filter: [2, 2, 3, 4], strides: 3, pad: "same" },
    ];
    for (const c of cases) {
      const outShape = transposeOutputShape(c);
      const { cpu, wasm } = await onBothBackends(async () => {
        const x = toTensor(randomPlain(c.x, 4)) as tf.Tensor4D;
        const w = toTensor(randomPlain(c.filter, 5)) as tf.Tensor4D;
        const r = toTensor(randomPlain(outShape, 6));
        const f = (a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(tf.conv2dTranspose(a as tf.Tensor4D, b as tf.Tensor4D, outShape, c.strides, c.pad), r));
        const y = tf.conv2dTranspose(x, w, outShape, c.strides, c.pad);
        const [dx, dw] = tf.grads(f)([x, w]);
        const out = [await toPlain(y), await toPlain(dx), await toPlain(dw)];
        tf.dispose([x, w, r, y, dx, dw]);
        return out;
      });
      assertClose(wasm, cpu, TOLERANCE, `conv2dTranspose ${JSON.stringify(c)}`);
    }
  },
);

interface DepthwiseCase {
  x: [number, number, number, number];
  filter: [number, number, number, number]; // [kh, kw, channels, multiplier]
  strides: number;
  pad: "same" | "valid";
  dilation?: number;
}

variantTest(
  "depthwise conv2d forward and gradients on wasm match tfjs-cpu (multipliers 1–3, strides 1–3)",
  async () => {
    const cases: DepthwiseCase[] = [
      { x: [2, 9, 8, 3], filter: [3, 3, 3, 1], strides: 1, pad: "same" },
      { x: [2, 9, 8, 3], filter: [3, 3, 3, 2], strides: 2, pad: "same" },
      { x: [1, 7, 7, 4], filter: [5, 5, 4, 3], strides: 3, pad: "valid" },
      { x: [1, 6, 6, 1], filter: [2, 2, 1, 1], strides: 3, pad: "same" },
      { x: [3, 5, 6, 16], filter: [3, 3, 16, 1], strides: 2, pad: "valid" },
    ];
    for (const c of cases) {
      const { cpu, wasm } = await onBothBackends(async () => {
        const x = toTensor(randomPlain(c.x, 7)) as tf.Tensor4D;
        const w = toTensor(randomPlain(c.filter, 8)) as tf.Tensor4D;
        const y = tf.depthwiseConv2d(x, w, c.strides, c.pad);
        const r = toTensor(randomPlain(y.shape, 9));
        const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), r)),
        )([x, w]);
        const out = [await toPlain(y), await toPlain(dx), await toPlain(dw)];
        tf.dispose([x, w, r, y, dx, dw]);
        return out;
      });
      assertClose(wasm, cpu, TOLERANCE, `depthwiseConv2d ${JSON.stringify(c)}`);
    }
    // Dilation: forward only (tfjs's depthwise gradient rejects dilation > 1 on every backend).
    const dilated = await onBothBackends(async () => {
      const x = toTensor(randomPlain([2, 9, 9, 3], 10)) as tf.Tensor4D;
      const w = toTensor(randomPlain([3, 3, 3, 2], 11)) as tf.Tensor4D;
      const y = tf.depthwiseConv2d(x, w, 1, "same", "NHWC", 2);
      const out = [await toPlain(y)];
      tf.dispose([x, w, y]);
      return out;
    });
    assertClose(dilated.wasm, dilated.cpu, TOLERANCE, "dilated depthwiseConv2d");
  },
);

variantTest(
  "depthwise backprop kernels with dilation 2 satisfy the defining identities, using cpu's dilated forward op",
  async () => {
    // tfjs's gradient refuses dilation > 1 (and tfjs-cpu's backprop kernels ignore it), so the
    // reference is the forward op: the loss L(x, w) = Σ depthwiseConv(x, w) · dy is linear in
    // each argument, hence dW[k] = L(x, e_k) for the one-hot filter e_k, and ⟨dx, v⟩ = L(v, w).
    const xp = randomPlain([2, 7, 6, 2], 18);
    const wp = randomPlain([3, 3, 2, 2], 19);
    const dyp = randomPlain([2, 7, 6, 4], 20);
    const attrs = { strides: 1, pad: "same", dilations: 2 } as unknown as tf.NamedAttrMap;
    await useWasmWithKernels();
    const [x, w, dy] = [toTensor(xp), toTensor(wp), toTensor(dyp)];
    const dw = tf
      .engine()
      .runKernel("DepthwiseConv2dNativeBackpropFilter", { x, dy }, { ...attrs, filterShape: wp.shape }) as tf.Tensor;
    const dx = tf
      .engine()
      .runKernel(
        "DepthwiseConv2dNativeBackpropInput",
        { dy, filter: w },
        { ...attrs, inputShape: xp.shape },
      ) as tf.Tensor;
    const dwValues = Array.from(await dw.data());
    const dxValues = Array.from(await dx.data());
    tf.dispose([x, w, dy, dw, dx]);

    await useBackend("cpu");
    const loss = (a: Plain, b: Plain): number =>
      tf.tidy(
        () =>
          tf
            .sum(
              tf.mul(
                tf.depthwiseConv2d(toTensor(a) as tf.Tensor4D, toTensor(b) as tf.Tensor4D, 1, "same", "NHWC", 2),
                toTensor(dyp),
              ),
            )
            .dataSync()[0],
      );
    const size = wp.values.length;
    const expectedDw = Array.from({ length: size }, (_, k) =>
      loss(xp, { values: wp.values.map((_, i) => (i === k ? 1 : 0)), shape: wp.shape }),
    );
    assertClose(
      [{ values: dwValues, shape: wp.shape }],
      [{ values: expectedDw, shape: wp.shape }],
      1e-5,
      "dilated depthwise dW",
    );
    for (let seed = 30; seed < 33; seed++) {
      const v = randomPlain(xp.shape, seed);
      const dot = dxValues.reduce((sum, d, i) => sum + d * v.values[i], 0);
      const expected = loss(v, wp);
      assert.ok(
        Math.abs(dot - expected) <= 1e-4 * Math.max(1, Math.abs(expected)),
        `⟨dx, v⟩ = ${dot}, L(v, w) = ${expected}`,
      );
    }
  },
);

variantTest("separable conv2d gradients on wasm match tfjs-cpu", async () => {
  const { cpu, wasm } = await onBothBackends(async () => {
    const x = toTensor(randomPlain([2, 9, 9, 4], 12)) as tf.Tensor4D;
    const dw = toTensor(randomPlain([3, 3, 4, 2], 13)) as tf.Tensor4D;
    const pw = toTensor(randomPlain([1, 1, 8, 5], 14)) as tf.Tensor4D;
    const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
      tf.sum(tf.square(tf.separableConv2d(a as tf.Tensor4D, b as tf.Tensor4D, c as tf.Tensor4D, 2, "same")));
    const grads = tf.grads(f)([x, dw, pw]);
    const out = await Promise.all(grads.map(toPlain));
    tf.dispose([x, dw, pw, ...grads]);
    return out;
  });
  assertClose(wasm, cpu, TOLERANCE, "separableConv2d gradients");
});

variantTest(
  "fused conv2d and fused depthwise conv2d with 'same' padding and stride > kernel give cpu's values on wasm",
  async () => {
    const { cpu, wasm } = await onBothBackends(async () => {
      const x = toTensor(randomPlain([1, 6, 6, 2], 15)) as tf.Tensor4D;
      const w = toTensor(randomPlain([2, 2, 2, 3], 16)) as tf.Tensor4D;
      const dw = toTensor(randomPlain([2, 2, 2, 1], 17)) as tf.Tensor4D;
      const bias3 = tf.tensor1d([0.5, -0.25, 1]);
      const bias2 = tf.tensor1d([0.5, -0.25]);
      const a = tf.fused.conv2d({ x, filter: w, strides: 3, pad: "same", bias: bias3, activation: "relu" });
      const b = tf.fused.depthwiseConv2d({ x, filter: dw, strides: 3, pad: "same", bias: bias2 });
      const out = [await toPlain(a), await toPlain(b)];
      tf.dispose([x, w, dw, bias3, bias2, a, b]);
      return out;
    });
    assertClose(wasm, cpu, TOLERANCE, "fused convolutions");
  },
);

variantTest("conv gradients on wasm leave no tensor behind", async () => {
  await useWasmWithKernels();
  const x = toTensor(randomPlain([2, 9, 8, 3], 1)) as tf.Tensor4D;
  const w = toTensor(randomPlain([3, 3, 3, 4], 2)) as tf.Tensor4D;
  const dwf = toTensor(randomPlain([3, 3, 3, 2], 3)) as tf.Tensor4D;
  const up = toTensor(randomPlain([3, 3, 4, 3], 4)) as tf.Tensor4D;
  await expectNoLeak(() => {
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, "same")),
    )([x, w]);
    const dgrads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, "same")),
    )([x, dwf]);
    const upsampled = tf.conv2dTranspose(x, up, [2, 18, 16, 4], 2, "same");
    tf.dispose([...grads, ...dgrads, upsampled]);
  });
  tf.dispose([x, w, dwf, up]);
});

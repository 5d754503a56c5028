import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { chwToHwc, hwcToChw } from "../../src/ops/layout";
import { convMultiplyAdds, convParameterCount, denseParameterCount } from "../../src/ops/counts";
import { pad2d } from "../../src/ops/padding";
import { receptiveField } from "../../src/ops/receptive-field";
import { expectNoLeak, useBackend } from "../helpers";

test("convParameterCount and denseParameterCount agree with tf.layers' countParams", async () => {
  await useBackend("cpu");
  const cases = [
    { kernel: 3, inChannels: 3, filters: 16, bias: true },
    { kernel: 5, inChannels: 1, filters: 6, bias: true },
    { kernel: [1, 7] as [number, number], inChannels: 8, filters: 4, bias: false },
  ];
  for (const c of cases) {
    const [kh, kw] = Array.isArray(c.kernel) ? c.kernel : [c.kernel, c.kernel];
    const layer = tf.layers.conv2d({ filters: c.filters, kernelSize: [kh, kw], useBias: c.bias });
    layer.build([null, 16, 16, c.inChannels]);
    assert.equal(convParameterCount(c), layer.countParams(), JSON.stringify(c));
  }
  const dense = tf.layers.dense({ units: 10 });
  dense.build([null, 400]);
  assert.equal(denseParameterCount({ inputs: 400, units: 10 }), dense.countParams());
  // Why two 3x3 layers beat one 5x5 on C channels (no bias): 2·9·C² vs 25·C².
  const C = 64;
  assert.equal(2 * convParameterCount({ kernel: 3, inChannels: C, filters: C, bias: false }), 2 * 9 * C * C);
  assert.equal(convParameterCount({ kernel: 5, inChannels: C, filters: C, bias: false }), 25 * C * C);
});

test("convMultiplyAdds by hand: a 3x3 conv from 3 to 16 channels with a 32x32 output", () => {
  assert.equal(
    convMultiplyAdds({ kernel: 3, inChannels: 3, filters: 16, outHeight: 32, outWidth: 32 }),
    32 * 32 * 16 * 27,
  );
  assert.throws(
    () => convMultiplyAdds({ kernel: 3, inChannels: 3, filters: 16, outHeight: 0, outWidth: 32 }),
    /outHeight must be a whole number ≥ 1, got 0/,
  );
  assert.throws(
    () => convParameterCount({ kernel: 3, inChannels: 3, filters: 16, bias: 1 as never }),
    /bias must be one of true, false, got 1/,
  );
});

test("receptiveField by hand: stacked 3x3 convs grow by 2; after a stride-2 pool by 4", () => {
  const rows = receptiveField([
    { kernel: 3 },
    { kernel: 3 },
    { kernel: 2, stride: 2 },
    { kernel: 3 },
    { kernel: 3, dilation: 2 },
  ]);
  assert.deepEqual(
    rows.map((r) => r.receptiveField),
    [3, 5, 6, 10, 18],
  );
  assert.deepEqual(
    rows.map((r) => r.jump),
    [1, 1, 2, 2, 2],
  );
  assert.throws(() => receptiveField([]), /layers must be a non-empty array/);
  assert.throws(() => receptiveField([{ kernel: 0 }]), /layers\[0\]\.kernel must be a whole number ≥ 1, got 0/);
});

test("receptiveField agrees with the gradient of a tfjs stack: the input pixels one output cell depends on", async () => {
  await useBackend("cpu");
  const layers = [{ kernel: 3 }, { kernel: 2, stride: 2 }, { kernel: 3 }, { kernel: 3, stride: 2 }];
  const expected = receptiveField(layers).at(-1)!.receptiveField;
  const width = await expectNoLeak(() =>
    tf.tidy(() => {
      const forward = (input: tf.Tensor) => {
        const x = input as tf.Tensor4D;
        let y = x;
        for (const l of layers)
          y = tf.conv2d(y, tf.ones([l.kernel, l.kernel, 1, 1]) as tf.Tensor4D, l.stride ?? 1, "valid");
        // One output cell near the middle.
        const [, h, w] = y.shape;
        return y.slice([0, Math.floor(h / 2), Math.floor(w / 2), 0], [1, 1, 1, 1]).sum();
      };
      const gradient = tf.grad(forward)(tf.ones([1, 40, 40, 1]) as tf.Tensor4D);
      const touchedColumns = gradient.sum([0, 1, 3]).greater(0).sum().dataSync()[0];
      return touchedColumns;
    }),
  );
  assert.equal(width, expected);
});

test("pad2d matches tf.pad; hwcToChw and chwToHwc match tf.transpose", async () => {
  await useBackend("cpu");
  const m = [
    [1, 2],
    [3, 4],
  ];
  const expected = await expectNoLeak(() =>
    tf.tidy(() =>
      tf
        .pad(tf.tensor2d(m), [
          [1, 2],
          [0, 1],
        ])
        .arraySync(),
    ),
  );
  assert.deepEqual(pad2d(m, { top: 1, bottom: 2, left: 0, right: 1 }), expected);
  assert.deepEqual(pad2d(m, 1, 9)[0], [9, 9, 9, 9]);
  const hwc = [
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    [
      [7, 8, 9],
      [10, 11, 12],
    ],
  ];
  const chw = await expectNoLeak(() =>
    tf.tidy(() => tf.tensor3d(hwc).transpose([2, 0, 1]).arraySync() as number[][][]),
  );
  assert.deepEqual(hwcToChw(hwc), chw);
  assert.deepEqual(chwToHwc(chw), hwc);
  assert.throws(() => pad2d(m, -1), /pad2d: padding.top must be a whole number ≥ 0, got -1/);
  assert.throws(
    () => hwcToChw([[[1, 2], [3]]]),
    /hwcToChw: pixel \(0, 1\) is \[3\] but pixel \(0, 0\) has 2 channel\(s\)/,
  );
});

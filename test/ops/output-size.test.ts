import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  convOutputShape,
  effectiveKernelSize,
  outputSize,
  outputSizeDetails,
  Padding,
} from "../../src/ops/output-size";
import { expectNoLeak, useBackend } from "../helpers";

test("outputSize: hand-worked cases of floor((n + 2p − k)/s) + 1", () => {
  assert.equal(outputSize({ input: 5, kernel: 3 }), 3); // (5 − 3)/1 + 1
  assert.equal(outputSize({ input: 28, kernel: 5 }), 24); // LeNet's first layer without padding
  assert.equal(outputSize({ input: 224, kernel: 7, stride: 2, padding: 3, rounding: "floor" }), 112); // (224 + 6 − 7)/2 = 111.5 → 111, + 1
  assert.equal(outputSize({ input: 7, kernel: 3, dilation: 2 }), 3); // the kernel spans 5
  assert.equal(effectiveKernelSize(3, 2), 5);
  assert.equal(outputSize({ input: 10, kernel: 4, padding: "same" }), 10);
  assert.equal(outputSize({ input: 10, kernel: 4, stride: 3, padding: "same" }), 4); // ceil(10/3)
  assert.equal(outputSize({ input: 10, kernel: 4, stride: 3, padding: "valid" }), 3); // floor(6/3) + 1
});

test("outputSizeDetails: 'same' puts the odd zero after, as tfjs does; leftover rows are reported", () => {
  assert.deepEqual(outputSizeDetails({ input: 5, kernel: 4, padding: "same" }), {
    size: 5,
    padBefore: 1,
    padAfter: 2,
    effectiveKernel: 4,
    leftover: 0,
  });
  assert.equal(outputSizeDetails({ input: 32, kernel: 3, stride: 2, rounding: "floor" }).leftover, 1);
});

test("outputSize and convOutputShape agree with tf.conv2d output shapes over 750 settings (n 3–12, k 1–5, s 1–3, five paddings)", async () => {
  await useBackend("cpu");
  let checked = 0;
  await expectNoLeak(() => {
    for (let n = 3; n <= 12; n++) {
      for (let k = 1; k <= 5; k++) {
        for (let s = 1; s <= 3; s++) {
          const paddings: Padding[] = ["same", "valid", 0, 1, 2];
          for (const padding of paddings) {
            const p = padding === "valid" ? 0 : padding;
            if (typeof p === "number" && n + 2 * p < k) continue;
            const shape = tf.tidy(
              () =>
                tf.conv2d(
                  tf.zeros([1, n, n + 1, 2]) as tf.Tensor4D,
                  tf.zeros([k, k, 2, 3]) as tf.Tensor4D,
                  s,
                  padding,
                  "NHWC",
                  1,
                  typeof padding === "number" ? "floor" : undefined,
                ).shape,
            );
            const ours = convOutputShape({
              inputShape: [n, n + 1, 2],
              filters: 3,
              kernel: k,
              stride: s,
              padding,
              rounding: "floor",
            });
            assert.deepEqual(ours, shape.slice(1), `n=${n} k=${k} s=${s} padding=${padding}`);
            checked++;
          }
        }
      }
    }
  });
  assert.ok(checked > 600, `only ${checked} settings were compared`);
});

test("outputSize: a division that is not whole is an error by default, with strides and paddings that fit", () => {
  // (32 + 2·0 − 3)/2 = 14.5: 29 is odd and 2p is even, so no padding fixes stride 2.
  assert.throws(
    () => outputSize({ input: 32, kernel: 3, stride: 2 }),
    (error: Error) =>
      /\(32 \+ 2·0 − 3\) \/ 2 = 29 \/ 2 = 14\.5 is not a whole number/.test(error.message) &&
      /the last 1 input row\(s\) would never be reached/.test(error.message) &&
      /strides that fit: 1, 29\./.test(error.message) &&
      /paddings that fit \(0 to 3\): none\./.test(error.message) &&
      /rounding: "floor"/.test(error.message),
  );
  // (10 + 2·0 − 4)/4 = 1.5: padding 1 gives 8/4 = 2, which fits.
  assert.throws(
    () => outputSize({ input: 10, kernel: 4, stride: 4 }),
    /strides that fit: 1, 2, 3, 6\. With stride 4, paddings that fit \(0 to 4\): 1, 3\./,
  );
  assert.equal(outputSize({ input: 32, kernel: 3, stride: 2, rounding: "floor" }), 15);
});

test("outputSize: bad arguments are rejected with the argument's name and a fix", () => {
  assert.throws(
    () => outputSize({ input: 3, kernel: 5 }),
    /the kernel is 5 long but the padded input is only 3 \+ 2·0 = 3; .*kernel of at most 3, or padding of at least 1/,
  );
  assert.throws(() => outputSize({ input: 3, kernel: 3, dilation: 2 }), /kernel 3 with dilation 2 spans 5/);
  assert.throws(() => outputSize({ input: 0, kernel: 1 }), /outputSize: input must be a whole number ≥ 1, got 0/);
  assert.throws(() => outputSize({ input: 8, kernel: 2.5 }), /kernel must be a whole number ≥ 1, got 2\.5/);
  assert.throws(() => outputSize({ input: 8, kernel: 2, stride: -1 }), /stride must be a whole number ≥ 1, got -1/);
  assert.throws(
    () => outputSize({ input: 8, kernel: 2, padding: "full" as Padding }),
    /padding must be a whole number ≥ 0, "same" or "valid", got "full"/,
  );
  assert.throws(
    () => outputSize({ input: 8, kernel: 2, rounding: "ceil" as "floor" }),
    /rounding must be "exact" or "floor", got "ceil"/,
  );
  assert.throws(() => outputSize(undefined as never), /options must be an object/);
  assert.throws(
    () => convOutputShape({ inputShape: [32, 32] as never, filters: 1, kernel: 3 }),
    /inputShape must be \[height, width, channels\]/,
  );
  assert.throws(
    () => convOutputShape({ inputShape: [32, 32, 3], filters: 0, kernel: 3 }),
    /filters must be a whole number ≥ 1, got 0/,
  );
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { augmentImages, transformImages, FillMode } from "../../src/data/augment";
import { expectNoLeak, maxAbsDiff, useBackend } from "../helpers";

const A = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
];
const image = (rows: number[][]) => tf.tensor4d(rows.flat(), [1, rows.length, rows[0].length, 1]);
const rowsOf = async (t: tf.Tensor) => {
  const [, h, w] = t.shape;
  const d = await t.data();
  return Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => d[y * w + x]));
};

test("transformImages: a 90° rotation of a known 4x4 image matches the hand-rotated one", async () => {
  await useBackend("cpu");
  // Turned a quarter counter-clockwise by hand: the right column becomes the top row.
  const byHand = [
    [4, 8, 12, 16],
    [3, 7, 11, 15],
    [2, 6, 10, 14],
    [1, 5, 9, 13],
  ];
  for (const interpolation of ["nearest", "bilinear"] as const) {
    const out = transformImages(image(A), [{ rotation: 90 }], { interpolation });
    const got = await rowsOf(out);
    assert.ok(maxAbsDiff(got.flat(), byHand.flat()) < 1e-5, `${interpolation}: ${JSON.stringify(got)}`);
  }
  // Clockwise (-90°) by hand: the left column, read bottom-up, becomes the top row.
  assert.deepEqual(await rowsOf(transformImages(image(A), [{ rotation: -90 }], { interpolation: "nearest" })), [
    [13, 9, 5, 1],
    [14, 10, 6, 2],
    [15, 11, 7, 3],
    [16, 12, 8, 4],
  ]);
});

test("transformImages: flip mirrors left-right; shifts move content by whole pixels", async () => {
  await useBackend("cpu");
  assert.deepEqual(
    await rowsOf(transformImages(image(A), [{ flip: true }])),
    A.map((r) => [...r].reverse()),
  );
  assert.deepEqual(await rowsOf(transformImages(image(A), [{ shiftY: -1 }], { fillMode: "constant", fillValue: -1 })), [
    A[1],
    A[2],
    A[3],
    [-1, -1, -1, -1],
  ]);
});

test("transformImages: the four fill modes, on a row shifted right by two pixels", async () => {
  await useBackend("cpu");
  // Input row a b c d = 1 2 3 4. Output x reads input x − 2; outside, each mode extends the row:
  // constant k k | a b c d, nearest a a | a b c d, reflect b a | a b c d, wrap c d | a b c d.
  const expected: Record<FillMode, number[]> = {
    constant: [7, 7, 1, 2],
    nearest: [1, 1, 1, 2],
    reflect: [2, 1, 1, 2],
    wrap: [3, 4, 1, 2],
  };
  for (const fillMode of Object.keys(expected) as FillMode[]) {
    const out = transformImages(image([[1, 2, 3, 4]]), [{ shiftX: 2 }], {
      fillMode,
      fillValue: 7,
      interpolation: "nearest",
    });
    assert.deepEqual((await rowsOf(out))[0], expected[fillMode], fillMode);
  }
});

test("identity: zero rotation, shift, shear and unit zoom change nothing, in every mode, keeping the shape", async () => {
  await useBackend("cpu");
  const batch = tf.randomUniform([3, 9, 7, 3], 0, 1, "float32", 11) as tf.Tensor4D;
  for (const fillMode of ["constant", "nearest", "reflect", "wrap"] as FillMode[]) {
    for (const interpolation of ["nearest", "bilinear"] as const) {
      const out = transformImages(batch, [{ rotation: 0, shiftX: 0, shiftY: 0, shear: 0, zoom: 1 }, {}, {}], {
        fillMode,
        interpolation,
      });
      assert.deepEqual(out.shape, batch.shape);
      assert.equal(maxAbsDiff(await out.data(), await batch.data()), 0, `${fillMode}/${interpolation}`);
    }
  }
  const none = augmentImages(batch, { seed: 1 });
  assert.equal(maxAbsDiff(await none.data(), await batch.data()), 0);
});

test("flip twice is the identity, and one flip is tf.reverse along the width", async () => {
  await useBackend("cpu");
  const batch = tf.randomUniform([2, 5, 6, 3], 0, 1, "float32", 4) as tf.Tensor4D;
  const twice = transformImages(transformImages(batch, [{ flip: true }, { flip: true }]), [
    { flip: true },
    { flip: true },
  ]);
  assert.equal(maxAbsDiff(await twice.data(), await batch.data()), 0);
  assert.equal(
    maxAbsDiff(
      await tf.reverse(batch, 2).data(),
      await transformImages(batch, [{ flip: true }, { flip: true }]).data(),
    ),
    0,
  );
});

test("augmentImages: same seed, same images; another seed, other images; shape kept; no leak", async () => {
  await useBackend("cpu");
  const batch = tf.randomUniform([4, 12, 12, 1], 0, 1, "float32", 9) as tf.Tensor4D;
  const options = { rotation: 20, widthShift: 0.1, heightShift: 0.1, shear: 10, zoom: 0.2, horizontalFlip: true };
  const a = augmentImages(batch, { ...options, seed: 42 });
  const b = augmentImages(batch, { ...options, seed: 42 });
  const c = augmentImages(batch, { ...options, seed: 43 });
  assert.deepEqual(a.shape, batch.shape);
  assert.equal(maxAbsDiff(await a.data(), await b.data()), 0);
  assert.ok(maxAbsDiff(await a.data(), await c.data()) > 0.01);
  assert.ok(maxAbsDiff(await a.data(), await batch.data()) > 0.01);
  await expectNoLeak(() => augmentImages(batch, { ...options, seed: 1 }).dispose());
  tf.dispose([batch, a, b, c]);
});

test("augmentation options are validated with the rule and a fix", async () => {
  await useBackend("cpu");
  const batch = tf.zeros([1, 4, 4, 1]) as tf.Tensor4D;
  assert.throws(() => augmentImages(batch, { rotation: -5 }), /rotation must be a finite number from 0 to 180, got -5/);
  assert.throws(
    () => augmentImages(batch, { widthShift: 2 }),
    /widthShift must be a finite number from 0 to 0\.99, got 2\. Give a fraction/,
  );
  assert.throws(() => augmentImages(batch, { zoom: [1.2, 0.8] }), /zoom\[1\] must be a finite number from 1\.2/);
  assert.throws(
    () => augmentImages(batch, { fillMode: "mirror" as FillMode }),
    /fillMode must be one of constant, nearest, reflect, wrap, got "mirror"/,
  );
  assert.throws(() => augmentImages(tf.zeros([4, 4, 1]) as unknown as tf.Tensor4D), /images must be a 4-D tensor/);
  assert.throws(() => transformImages(batch, []), /one entry per image \(1\), got 0/);
  batch.dispose();
});

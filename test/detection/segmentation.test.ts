import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { maskIoU, pixelAccuracy, tinySegmentationNet } from "../../src/detection/segmentation";
import { makeShapeScenes } from "../../src/detection/shape-scenes";
import { drawBoxes } from "../../src/detection/draw-boxes";
import { expectNoLeak, useBackend } from "../helpers";

test("pixelAccuracy and maskIoU: hand-computed 2×3 masks", async () => {
  await useBackend("cpu");
  const truth = tf.tensor2d([
    [1, 1, 0],
    [0, 0, 0],
  ]);
  const predicted = tf.tensor2d([
    [0.9, 0.2, 0.7],
    [0.1, 0.4, 0.3],
  ]); // thresholded: [[1,0,1],[0,0,0]]
  // Agreement: (0,0) yes, (0,1) no, (0,2) no, row 1 all yes → 4 of 6.
  assert.ok(Math.abs((await expectNoLeak(() => pixelAccuracy(predicted, truth))) - 4 / 6) < 1e-6);
  // Intersection {(0,0)} = 1; union {(0,0), (0,1), (0,2)} = 3.
  assert.ok(Math.abs((await expectNoLeak(() => maskIoU(predicted, truth))) - 1 / 3) < 1e-6);
  const empty = tf.zeros([2, 3]);
  assert.equal(maskIoU(empty, empty), 1, "two empty masks agree");
  assert.throws(
    () => pixelAccuracy(predicted, tf.zeros([3, 2])),
    /predicted has shape \[2, 3\] but truth has shape \[3, 2\]/,
  );
  assert.throws(() => maskIoU(predicted, truth, 2), /threshold must be a finite number from 0 to 1, got 2/);
  tf.dispose([truth, predicted, empty]);
});

test("makeShapeScenes: masks mark the shapes inside their boxes; same seed, same images", async () => {
  await useBackend("cpu");
  const scenes = makeShapeScenes({ count: 6, size: 24, maxObjects: 2, seed: 7 });
  assert.deepEqual(scenes.images.shape, [6, 24, 24, 3]);
  assert.deepEqual(scenes.masks.shape, [6, 24, 24, 1]);
  const masks = (await scenes.masks.array()) as number[][][][];
  scenes.objects.forEach((objects, n) => {
    assert.ok(objects.length >= 1 && objects.length <= 2);
    let inBoxes = 0;
    let total = 0;
    for (let y = 0; y < 24; y++) {
      for (let x = 0; x < 24; x++) {
        if (masks[n][y][x][0] !== 1) continue;
        total++;
        if (objects.some(({ box }) => x >= box.x1 && x < box.x2 && y >= box.y1 && y < box.y2)) inBoxes++;
      }
    }
    assert.ok(total > 0 && inBoxes === total, `image ${n}: every mask pixel lies in a box`);
  });
  const again = makeShapeScenes({ count: 6, size: 24, maxObjects: 2, seed: 7 });
  assert.deepEqual(await again.images.data(), await scenes.images.data());
  const before = tf.memory().numTensors;
  scenes.dispose();
  again.dispose();
  assert.equal(tf.memory().numTensors, before - 4);
  assert.throws(() => makeShapeScenes({ size: 4 }), /size must be a whole number ≥ 8, got 4/);
});

test("tinySegmentationNet: output is one probability per input pixel", async () => {
  await useBackend("cpu");
  const model = tinySegmentationNet({ size: 16, filters: 4 });
  assert.deepEqual(model.outputs[0].shape, [null, 16, 16, 1]);
  const x = tf.randomUniform([2, 16, 16, 3]);
  const y = model.predict(x) as tf.Tensor;
  const values = await y.data();
  assert.ok(values.every((v) => v > 0 && v < 1));
  tf.dispose([x, y]);
  model.dispose();
  assert.throws(() => tinySegmentationNet({ size: 30 }), /size must be a multiple of 4.*got 30/);
});

test("drawBoxes: outlines in the box colour, inside untouched", () => {
  const image = { width: 5, height: 4, channels: 1 as const, data: new Float32Array(20).fill(0.5) };
  const drawn = drawBoxes(image, [{ x1: 1, y1: 1, x2: 4, y2: 4 }], { colours: [[1, 0, 0]] });
  assert.equal(drawn.channels, 3);
  const at = (x: number, y: number) =>
    Array.from(drawn.data as Float32Array).slice((y * 5 + x) * 3, (y * 5 + x) * 3 + 3);
  assert.deepEqual(at(1, 1), [1, 0, 0]); // corner on the outline
  assert.deepEqual(at(3, 3), [1, 0, 0]); // last pixel inside x2 = 4, y2 = 4
  assert.deepEqual(at(2, 2), [0.5, 0.5, 0.5]); // inside the outline
  assert.deepEqual(at(0, 0), [0.5, 0.5, 0.5]); // outside the box
  assert.throws(() => drawBoxes(image, [{ x1: 3, y1: 0, x2: 1, y2: 1 }]), /drawBoxes: boxes\[0\] = .* corners swapped/);
});

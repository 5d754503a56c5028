import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Box } from "../../src/detection/boxes";
import { nonMaxSuppression } from "../../src/detection/nms";
import { expectNoLeak, useBackend } from "../helpers";

test("nonMaxSuppression: a hand-worked example", () => {
  // Box 0 (score 0.9) and box 1 (0.8) overlap: shared 8×10 = 80, union 100 + 100 − 80 = 120, IoU 0.67.
  // Box 2 (0.7) is far away from both. Box 3 (0.6) overlaps box 2 a little.
  const boxes: Box[] = [
    { x1: 0, y1: 0, x2: 10, y2: 10 },
    { x1: 2, y1: 0, x2: 12, y2: 10 },
    { x1: 20, y1: 20, x2: 22, y2: 22 },
    { x1: 21, y1: 21, x2: 23, y2: 23 }, // with box 2: shared 1, union 4 + 4 − 1 = 7 → IoU 1/7
  ];
  const scores = [0.9, 0.8, 0.7, 0.6];
  // Threshold 0.5: box 1 is dropped (0.67 ≥ 0.5), box 3 kept (1/7 < 0.5).
  assert.deepEqual(nonMaxSuppression(boxes, scores, { iouThreshold: 0.5 }), [0, 2, 3]);
  // Threshold 0.1: box 3 is dropped too (1/7 ≈ 0.14 ≥ 0.1).
  assert.deepEqual(nonMaxSuppression(boxes, scores, { iouThreshold: 0.1 }), [0, 2]);
  // Threshold 0.7: nothing overlaps that much.
  assert.deepEqual(nonMaxSuppression(boxes, scores, { iouThreshold: 0.7 }), [0, 1, 2, 3]);
  // Scores must be above scoreThreshold; at most maxBoxes are kept.
  assert.deepEqual(nonMaxSuppression(boxes, scores, { iouThreshold: 0.7, scoreThreshold: 0.65 }), [0, 1, 2]);
  assert.deepEqual(nonMaxSuppression(boxes, scores, { iouThreshold: 0.7, maxBoxes: 2 }), [0, 1]);
  // Order is by score, not by position in the list: 3 (0.9), 1 (0.8), 2 (0.3), then box 0 (0.1)
  // is dropped because it overlaps the kept box 1 by IoU 0.67.
  assert.deepEqual(nonMaxSuppression(boxes, [0.1, 0.8, 0.3, 0.9], { iouThreshold: 0.5 }), [3, 1, 2]);
  assert.deepEqual(nonMaxSuppression([], []), []);
});

function randomBoxes(count: number, seed: number): { boxes: Box[]; scores: number[] } {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const boxes: Box[] = [];
  const scores: number[] = [];
  for (let i = 0; i < count; i++) {
    const x1 = random() * 50;
    const y1 = random() * 50;
    boxes.push({ x1, y1, x2: x1 + 5 + random() * 20, y2: y1 + 5 + random() * 20 });
    scores.push(random());
  }
  return { boxes, scores };
}

test("nonMaxSuppression agrees with tf.image.nonMaxSuppression on random boxes", async () => {
  await useBackend("cpu");
  for (const [seed, iouThreshold, scoreThreshold] of [
    [1, 0.5, -Infinity],
    [2, 0.3, 0.2],
    [3, 0.7, 0.5],
    [4, 0.1, -Infinity],
  ]) {
    const { boxes, scores } = randomBoxes(40, seed);
    const ours = nonMaxSuppression(boxes, scores, { iouThreshold, scoreThreshold });
    const tfBoxes = tf.tensor2d(boxes.map((b) => [b.y1, b.x1, b.y2, b.x2]));
    const selected = tf.image.nonMaxSuppression(tfBoxes, scores, 40, iouThreshold, scoreThreshold);
    const theirs = Array.from(await selected.data());
    tf.dispose([tfBoxes, selected]);
    assert.deepEqual(ours, theirs, `seed ${seed}, iouThreshold ${iouThreshold}`);
    assert.ok(ours.length > 1 && ours.length < 40, "the case really suppresses some boxes");
  }
  await expectNoLeak(() => nonMaxSuppression(randomBoxes(5, 9).boxes, randomBoxes(5, 9).scores));
});

test("nonMaxSuppression: bad input is rejected with a clear message", () => {
  const box = { x1: 0, y1: 0, x2: 1, y2: 1 };
  assert.throws(
    () => nonMaxSuppression([box, box], [0.5]),
    /scores must be an array with one number per box \(2\), got 1 scores/,
  );
  assert.throws(
    () => nonMaxSuppression([box], [0.5], { iouThreshold: 1.5 }),
    /iouThreshold must be a finite number from 0 to 1, got 1\.5/,
  );
  assert.throws(() => nonMaxSuppression([box], [NaN]), /scores\[0\] must be a finite number/);
  assert.throws(() => nonMaxSuppression([{ x1: 2, y1: 0, x2: 1, y2: 1 }], [1]), /boxes\[0\] = .* corners swapped/);
  assert.throws(() => nonMaxSuppression([box], [1], { maxBoxes: 1.5 }), /maxBoxes must be a whole number ≥ 0, got 1.5/);
});

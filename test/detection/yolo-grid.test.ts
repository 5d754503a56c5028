import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { decodeYoloGrid, encodeYoloGrid, yoloCellLength, YoloGridLayout } from "../../src/detection/yolo-grid";
import { expectNoLeak, useBackend } from "../helpers";

const layout: YoloGridLayout = { gridSize: 2, boxesPerCell: 1, numClasses: 2, imageWidth: 100, imageHeight: 100 };

function emptyGrid(): number[][][] {
  return [0, 1].map(() => [0, 1].map(() => [0, 0, 0, 0, 0, 0, 0]));
}

test("decodeYoloGrid: one confident cell, decoded by hand", () => {
  assert.equal(yoloCellLength(layout), 1 * 5 + 2);
  const grid = emptyGrid();
  // Cell row 1, column 0 (bottom-left 50×50 square). Centre offset (0.5, 0.25) inside the cell:
  // cx = (0 + 0.5) / 2 · 100 = 25, cy = (1 + 0.25) / 2 · 100 = 62.5.
  // Size (0.2, 0.4) of the image: 20 × 40 → corners (15, 42.5)-(35, 82.5).
  // Confidence 0.8, class probabilities (0.25, 0.75): best class 1, score 0.8 · 0.75 = 0.6.
  grid[1][0] = [0.5, 0.25, 0.2, 0.4, 0.8, 0.25, 0.75];
  const detections = decodeYoloGrid(grid, layout);
  assert.equal(detections.length, 1);
  const d = detections[0];
  assert.deepEqual(d.box, { x1: 15, y1: 42.5, x2: 35, y2: 82.5 });
  assert.equal(d.classIndex, 1);
  assert.ok(Math.abs(d.score - 0.6) < 1e-12);
  assert.deepEqual([d.row, d.column, d.slot], [1, 0, 0]);
  assert.equal(decodeYoloGrid(grid, layout, 0.7).length, 0, "0.6 is below a 0.7 threshold");
});

test("decodeYoloGrid: two slots per cell, sorted by score; tensors give the same answer", async () => {
  await useBackend("cpu");
  const two = { ...layout, gridSize: 1, boxesPerCell: 2 };
  // One cell covering the whole 100×100 image; slot 0: confidence 0.5; slot 1: confidence 0.9.
  // Class probabilities (0.6, 0.4): class 0, scores 0.3 and 0.54.
  const grid = [[[0.5, 0.5, 0.1, 0.1, 0.5, 0.1, 0.9, 0.2, 0.2, 0.9, 0.6, 0.4]]];
  const detections = decodeYoloGrid(grid, two);
  assert.deepEqual(
    detections.map((d) => d.slot),
    [1, 0],
  );
  assert.ok(Math.abs(detections[0].score - 0.54) < 1e-12 && Math.abs(detections[1].score - 0.3) < 1e-12);
  // Slot 1: centre (10, 90), size 20 × 20 → (0, 80)-(20, 100).
  assert.deepEqual(detections[0].box, { x1: 0, y1: 80, x2: 20, y2: 100 });
  const tensor = tf.tensor3d(grid);
  const fromTensor = await expectNoLeak(() => decodeYoloGrid(tensor, two));
  tensor.dispose();
  assert.equal(fromTensor.length, 2);
  assert.deepEqual(fromTensor[0].classIndex, 0);
});

test("encodeYoloGrid: the cell holding the centre gets the object; decode inverts encode", () => {
  const objects = [
    { box: { x1: 10, y1: 10, x2: 30, y2: 40 }, classIndex: 0 }, // centre (20, 25) → cell (0, 0)
    { box: { x1: 60, y1: 50, x2: 90, y2: 70 }, classIndex: 1 }, // centre (75, 60) → cell (1, 1)
  ];
  const grid = encodeYoloGrid(objects, layout);
  // Cell (0, 0): x = 20/100·2 − 0 = 0.4, y = 25/100·2 = 0.5, w = 0.2, h = 0.3, confidence 1, class 0.
  const expected00 = [0.4, 0.5, 0.2, 0.3, 1, 1, 0];
  grid[0][0].forEach((v, k) => assert.ok(Math.abs(v - expected00[k]) < 1e-12, `cell (0,0)[${k}] = ${v}`));
  assert.deepEqual(grid[0][1], [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(grid[1][0], [0, 0, 0, 0, 0, 0, 0]);
  const decoded = decodeYoloGrid(grid, layout);
  assert.equal(decoded.length, 2);
  for (const object of objects) {
    const match = decoded.find((d) => d.classIndex === object.classIndex)!;
    for (const key of ["x1", "y1", "x2", "y2"] as const) assert.ok(Math.abs(match.box[key] - object.box[key]) < 1e-9);
  }
});

test("YOLO grid: bad input is rejected with a clear message", () => {
  assert.throws(() => decodeYoloGrid([[[1, 2, 3]]], layout), /grid must have shape \[2, 2, 7\].*has 1 rows/);
  const short = emptyGrid();
  short[1][1] = [0, 0, 0];
  assert.throws(
    () => decodeYoloGrid(short, layout),
    /grid cell \(1, 1\) must hold 7 numbers.*got 3.*boxesPerCell and numClasses/,
  );
  assert.throws(
    () => decodeYoloGrid(emptyGrid(), { ...layout, gridSize: 0 }),
    /layout.gridSize must be a whole number ≥ 1, got 0/,
  );
  assert.throws(
    () => encodeYoloGrid([{ box: { x1: 0, y1: 0, x2: 10, y2: 10 }, classIndex: 2 }], layout),
    /classIndex is 2, but there are only 2 classes/,
  );
  assert.throws(
    () => encodeYoloGrid([{ box: { x1: 150, y1: 0, x2: 160, y2: 10 }, classIndex: 0 }], layout),
    /centre \(155, 5\) outside the 100×100 image/,
  );
  const same = { box: { x1: 0, y1: 0, x2: 10, y2: 10 }, classIndex: 0 };
  assert.throws(
    () => encodeYoloGrid([same, same], layout),
    /cell \(0, 0\) already holds 1 object.*Raise boxesPerCell or gridSize/,
  );
});

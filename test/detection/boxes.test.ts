import { test } from "node:test";
import * as assert from "node:assert/strict";
import { boxArea, boxFromCenter, intersectionArea, iou } from "../../src/detection/boxes";

test("iou: hand-computed cases", () => {
  // (0,0)-(2,2) and (1,1)-(3,3): shared 1×1 = 1; union 4 + 4 − 1 = 7.
  assert.equal(iou({ x1: 0, y1: 0, x2: 2, y2: 2 }, { x1: 1, y1: 1, x2: 3, y2: 3 }), 1 / 7);
  // Identical boxes: 1.
  assert.equal(iou({ x1: 3, y1: 4, x2: 9, y2: 8 }, { x1: 3, y1: 4, x2: 9, y2: 8 }), 1);
  // Touching along an edge: shared area 0.
  assert.equal(iou({ x1: 0, y1: 0, x2: 2, y2: 2 }, { x1: 2, y1: 0, x2: 4, y2: 2 }), 0);
  // Far apart: 0.
  assert.equal(iou({ x1: 0, y1: 0, x2: 1, y2: 1 }, { x1: 5, y1: 5, x2: 6, y2: 6 }), 0);
  // A 2×2 box inside a 4×4 box: 4 / 16.
  assert.equal(iou({ x1: 0, y1: 0, x2: 4, y2: 4 }, { x1: 1, y1: 1, x2: 3, y2: 3 }), 0.25);
  // (0,0)-(4,2) and (2,0)-(6,2): shared 2×2 = 4; union 8 + 8 − 4 = 12.
  assert.equal(iou({ x1: 0, y1: 0, x2: 4, y2: 2 }, { x1: 2, y1: 0, x2: 6, y2: 2 }), 4 / 12);
  // Two points: no area, IoU 0 rather than 0/0.
  assert.equal(iou({ x1: 1, y1: 1, x2: 1, y2: 1 }, { x1: 1, y1: 1, x2: 1, y2: 1 }), 0);
});

test("iou is symmetric; area and intersection by hand", () => {
  const a = { x1: 0, y1: 0, x2: 5, y2: 3 };
  const b = { x1: 2, y1: 1, x2: 7, y2: 6 };
  assert.equal(boxArea(a), 15);
  assert.equal(intersectionArea(a, b), 3 * 2); // x 2..5, y 1..3
  assert.equal(iou(a, b), iou(b, a));
  assert.equal(iou(a, b), 6 / (15 + 25 - 6));
});

test("boxFromCenter: centre (10, 20), size 4×6 → corners (8, 17)-(12, 23)", () => {
  assert.deepEqual(boxFromCenter(10, 20, 4, 6), { x1: 8, y1: 17, x2: 12, y2: 23 });
});

test("bad boxes are rejected with the argument's name, the rule and a fix", () => {
  assert.throws(
    () => iou({ x1: 3, y1: 0, x2: 1, y2: 2 }, { x1: 0, y1: 0, x2: 1, y2: 1 }),
    /iou: a = .* corners swapped.*x1 ≤ x2.*Swap them/,
  );
  assert.throws(
    () => iou({ x1: 0, y1: 0, x2: 1, y2: 1 }, { x1: 0, y1: 0, x2: 1, y2: NaN }),
    /iou: b\.y2 must be a finite number, got NaN/,
  );
  assert.throws(
    () => iou(null as never, { x1: 0, y1: 0, x2: 1, y2: 1 }),
    /iou: a must be a box \{x1, y1, x2, y2\}, got null/,
  );
  assert.throws(() => boxFromCenter(0, 0, -1, 2), /boxFromCenter: width and height must be ≥ 0, got w = -1/);
});

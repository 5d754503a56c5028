import { describeValue, requireNumber } from "../core/checks";

/**
 * A bounding box (경계 상자) by its corners, in pixels: (x1, y1) is the top-left corner and
 * (x2, y2) the bottom-right one, with x growing to the right and y downwards (as in an image).
 */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Checks that `box` is a Box with finite corners and x1 ≤ x2, y1 ≤ y2. */
export function validateBox(caller: string, name: string, box: unknown): Box {
  if (typeof box !== "object" || box === null) {
    throw new Error(
      `${caller}: ${name} must be a box {x1, y1, x2, y2}, got ${describeValue(box)}. Pass e.g. {x1: 0, y1: 0, x2: 10, y2: 5}.`,
    );
  }
  const b = box as Record<string, unknown>;
  for (const key of ["x1", "y1", "x2", "y2"]) {
    requireNumber(caller, `${name}.${key}`, b[key], {
      fix: "Give all four corners as numbers, e.g. {x1: 0, y1: 0, x2: 10, y2: 5}.",
    });
  }
  const { x1, y1, x2, y2 } = b as unknown as Box;
  if (x2 < x1 || y2 < y1) {
    throw new Error(
      `${caller}: ${name} = ${describeValue(box)} has its corners swapped: the rule is x1 ≤ x2 and y1 ≤ y2 ` +
        `(top-left, then bottom-right). Swap them, e.g. {x1: ${Math.min(x1, x2)}, y1: ${Math.min(y1, y2)}, x2: ${Math.max(x1, x2)}, y2: ${Math.max(y1, y2)}}.`,
    );
  }
  return { x1, y1, x2, y2 };
}

/** Area of a box: width × height. */
export function boxArea(box: Box): number {
  const b = validateBox("boxArea", "box", box);
  return (b.x2 - b.x1) * (b.y2 - b.y1);
}

/** The box with centre (cx, cy), width w and height h — the form YOLO predicts. */
export function boxFromCenter(cx: number, cy: number, w: number, h: number): Box {
  const fix = "Pass the centre, width and height as numbers, e.g. boxFromCenter(50, 40, 20, 10).";
  requireNumber("boxFromCenter", "cx", cx, { fix: fix });
  requireNumber("boxFromCenter", "cy", cy, { fix: fix });
  requireNumber("boxFromCenter", "w", w, { fix: fix });
  requireNumber("boxFromCenter", "h", h, { fix: fix });
  if (w < 0 || h < 0) {
    throw new Error(`boxFromCenter: width and height must be ≥ 0, got w = ${w}, h = ${h}. Use their absolute values.`);
  }
  return { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 };
}

/** The area shared by two boxes (0 when they do not overlap). */
export function intersectionArea(a: Box, b: Box): number {
  const p = validateBox("intersectionArea", "a", a);
  const q = validateBox("intersectionArea", "b", b);
  const width = Math.max(0, Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1));
  const height = Math.max(0, Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1));
  return width * height;
}

/**
 * Intersection over union (IoU, 교집합 대 합집합 비율): the shared area divided by the area
 * covered by either box. 1 for identical boxes, 0 for boxes that do not touch.
 * Two boxes of zero area have IoU 0 (there is nothing to overlap).
 */
export function iou(a: Box, b: Box): number {
  const p = validateBox("iou", "a", a);
  const q = validateBox("iou", "b", b);
  const shared = intersectionArea(p, q);
  const union = boxArea(p) + boxArea(q) - shared;
  return union > 0 ? shared / union : 0;
}

import * as tf from "@tensorflow/tfjs";
import { describeValue, requireNumber, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { Box, boxFromCenter, validateBox } from "./boxes";

/**
 * The layout of a YOLO-style (v1) output grid (격자): the image is cut into gridSize × gridSize
 * cells; each cell predicts `boxesPerCell` boxes as [x, y, w, h, confidence] followed by
 * `numClasses` class probabilities shared by the cell, so a cell holds boxesPerCell·5 + numClasses
 * numbers. x, y ∈ [0, 1] place the box centre inside its cell (0 = left/top edge of the cell);
 * w, h ∈ [0, 1] are the box size as a fraction of the whole image.
 */
export interface YoloGridLayout {
  gridSize: number;
  boxesPerCell: number;
  numClasses: number;
  /** Image size in pixels, to turn the fractions into pixel boxes. */
  imageWidth: number;
  imageHeight: number;
}

/** One decoded box. score = confidence × probability of the cell's best class. */
export interface YoloDetection {
  box: Box;
  score: number;
  classIndex: number;
  confidence: number;
  row: number;
  column: number;
  /** Which of the cell's boxes (0 … boxesPerCell − 1). */
  slot: number;
}

const LAYOUT_KEYS = optionKeys<YoloGridLayout>()("gridSize", "boxesPerCell", "numClasses", "imageWidth", "imageHeight");

function validateLayout(caller: string, layout: YoloGridLayout): YoloGridLayout {
  requireOptions<YoloGridLayout>(
    caller,
    layout,
    LAYOUT_KEYS,
    "{ gridSize: 4, boxesPerCell: 1, numClasses: 3, imageWidth: 64, imageHeight: 64 }",
    { name: "layout", required: true },
  );
  requireWholeNumber(caller, "layout.gridSize", layout.gridSize, 1, "YOLO v1 used 7; small examples use 2–4.");
  requireWholeNumber(caller, "layout.boxesPerCell", layout.boxesPerCell, 1, "YOLO v1 used 2; 1 is simplest.");
  requireWholeNumber(caller, "layout.numClasses", layout.numClasses, 1, "Give the number of object classes, e.g. 3.");
  for (const key of ["imageWidth", "imageHeight"] as const) {
    const v = requireNumber(caller, `layout.${key}`, layout[key], { fix: "Give the image size in pixels, e.g. 64." });
    if (v <= 0)
      throw new Error(`${caller}: layout.${key} must be > 0, got ${v}. Give the image size in pixels, e.g. 64.`);
  }
  return layout;
}

/** Numbers per cell: boxesPerCell·5 + numClasses. */
export function yoloCellLength(layout: YoloGridLayout): number {
  validateLayout("yoloCellLength", layout);
  return layout.boxesPerCell * 5 + layout.numClasses;
}

function gridToArray(caller: string, grid: number[][][] | tf.Tensor, layout: YoloGridLayout): number[][][] {
  const cellLength = layout.boxesPerCell * 5 + layout.numClasses;
  let array: unknown = grid;
  if (grid instanceof tf.Tensor) {
    if (grid.rank !== 3) {
      throw new Error(
        `${caller}: grid must have shape [gridSize, gridSize, ${cellLength}], got a tensor of shape [${grid.shape}]. Take one image of a batch with grid.squeeze([0]) or grid.slice/gather.`,
      );
    }
    array = grid.arraySync();
  }
  const expected = `[${layout.gridSize}, ${layout.gridSize}, ${cellLength}] (gridSize, gridSize, boxesPerCell·5 + numClasses)`;
  const rows = array as unknown[];
  if (!Array.isArray(rows) || rows.length !== layout.gridSize) {
    throw new Error(
      `${caller}: grid must have shape ${expected}, but it has ${Array.isArray(rows) ? rows.length : "no"} rows. Check gridSize, or the model's output shape.`,
    );
  }
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== layout.gridSize) {
      throw new Error(
        `${caller}: grid row ${r} must hold ${layout.gridSize} cells (shape ${expected}), got ${Array.isArray(row) ? row.length : describeValue(row)}.`,
      );
    }
    row.forEach((cell: unknown, c: number) => {
      if (!Array.isArray(cell) || cell.length !== cellLength) {
        throw new Error(
          `${caller}: grid cell (${r}, ${c}) must hold ${cellLength} numbers (shape ${expected}), got ${Array.isArray(cell) ? cell.length : describeValue(cell)}. ` +
            `Check boxesPerCell and numClasses against the model's last dimension.`,
        );
      }
      cell.forEach((v: unknown, k: number) =>
        requireNumber(caller, `grid[${r}][${c}][${k}]`, v, { fix: "Replace NaN/Infinity." }),
      );
    });
  });
  return rows as number[][][];
}

/**
 * Decodes a YOLO-style output grid into boxes in pixels: for cell (row, column) and slot b,
 * centre = ((column + x) / gridSize · imageWidth, (row + y) / gridSize · imageHeight),
 * size = (w · imageWidth, h · imageHeight), score = confidence × max class probability.
 * Returns the boxes whose score is above `scoreThreshold` (default 0), best first.
 * Follow with nonMaxSuppression to remove duplicates.
 */
export function decodeYoloGrid(
  grid: number[][][] | tf.Tensor,
  layout: YoloGridLayout,
  scoreThreshold = 0,
): YoloDetection[] {
  validateLayout("decodeYoloGrid", layout);
  requireNumber("decodeYoloGrid", "scoreThreshold", scoreThreshold, {
    fix: "Use e.g. 0.25 (or 0 to keep every box with a positive score).",
  });
  const cells = gridToArray("decodeYoloGrid", grid, layout);
  const { gridSize, boxesPerCell, numClasses, imageWidth, imageHeight } = layout;
  const detections: YoloDetection[] = [];
  for (let row = 0; row < gridSize; row++) {
    for (let column = 0; column < gridSize; column++) {
      const cell = cells[row][column];
      const probabilities = cell.slice(boxesPerCell * 5, boxesPerCell * 5 + numClasses);
      let classIndex = 0;
      for (let k = 1; k < numClasses; k++) if (probabilities[k] > probabilities[classIndex]) classIndex = k;
      for (let slot = 0; slot < boxesPerCell; slot++) {
        const [x, y, w, h, confidence] = cell.slice(slot * 5, slot * 5 + 5);
        const score = confidence * probabilities[classIndex];
        if (!(score > scoreThreshold)) continue;
        const cx = ((column + x) / gridSize) * imageWidth;
        const cy = ((row + y) / gridSize) * imageHeight;
        const bw = Math.abs(w) * imageWidth;
        const bh = Math.abs(h) * imageHeight;
        detections.push({ box: boxFromCenter(cx, cy, bw, bh), score, classIndex, confidence, row, column, slot });
      }
    }
  }
  return detections.sort((a, b) => b.score - a.score);
}

/** A labelled object for encodeYoloGrid. */
export interface LabelledBox {
  box: Box;
  classIndex: number;
}

/**
 * The training target of a YOLO-style grid: the cell that contains an object's centre is
 * responsible for it (its first free slot gets [x, y, w, h, 1] and its class gets probability 1);
 * every other number is 0. The inverse of decodeYoloGrid for the boxes it encodes.
 */
export function encodeYoloGrid(objects: LabelledBox[], layout: YoloGridLayout): number[][][] {
  validateLayout("encodeYoloGrid", layout);
  if (!Array.isArray(objects)) {
    throw new Error(
      `encodeYoloGrid: objects must be an array of {box, classIndex}, got ${describeValue(objects)}. Pass e.g. [{box: {x1: 0, y1: 0, x2: 8, y2: 8}, classIndex: 1}].`,
    );
  }
  const { gridSize, boxesPerCell, numClasses, imageWidth, imageHeight } = layout;
  const cellLength = boxesPerCell * 5 + numClasses;
  const grid = Array.from({ length: gridSize }, () =>
    Array.from({ length: gridSize }, () => new Array<number>(cellLength).fill(0)),
  );
  const used = Array.from({ length: gridSize }, () => new Array<number>(gridSize).fill(0));
  objects.forEach((object, i) => {
    const box = validateBox("encodeYoloGrid", `objects[${i}].box`, object?.box);
    const classIndex = requireWholeNumber(
      "encodeYoloGrid",
      `objects[${i}].classIndex`,
      object.classIndex,
      0,
      `Class indices run from 0 to ${numClasses - 1}.`,
    );
    if (classIndex >= numClasses) {
      throw new Error(
        `encodeYoloGrid: objects[${i}].classIndex is ${classIndex}, but there are only ${numClasses} classes (0 … ${numClasses - 1}). Fix the label or raise numClasses.`,
      );
    }
    const cx = (box.x1 + box.x2) / 2;
    const cy = (box.y1 + box.y2) / 2;
    if (cx < 0 || cx >= imageWidth || cy < 0 || cy >= imageHeight) {
      throw new Error(
        `encodeYoloGrid: objects[${i}] has its centre (${cx}, ${cy}) outside the ${imageWidth}×${imageHeight} image. Only objects whose centre is inside the image can be assigned to a cell.`,
      );
    }
    const column = Math.floor((cx / imageWidth) * gridSize);
    const row = Math.floor((cy / imageHeight) * gridSize);
    const slot = used[row][column];
    if (slot >= boxesPerCell) {
      throw new Error(
        `encodeYoloGrid: cell (${row}, ${column}) already holds ${boxesPerCell} object(s), and objects[${i}] also has its centre there. Raise boxesPerCell or gridSize.`,
      );
    }
    used[row][column]++;
    const cell = grid[row][column];
    cell.splice(
      slot * 5,
      5,
      (cx / imageWidth) * gridSize - column,
      (cy / imageHeight) * gridSize - row,
      (box.x2 - box.x1) / imageWidth,
      (box.y2 - box.y1) / imageHeight,
      1,
    );
    cell[boxesPerCell * 5 + classIndex] = 1;
  });
  return grid;
}

// Exercises of lesson 15 (registered on import).
import { iou } from "../detection/boxes";
import { nonMaxSuppression } from "../detection/nms";
import { transposedConvOutputSize } from "../detection/transposed-conv";
import { decodeYoloGrid } from "../detection/yolo-grid";
import { arrayDifferenceNote, defineExercise, defineValueExercises } from "./check";

/** Exercise 15.1: the two boxes, by their corners in pixels. */
export const exercise15_1 = { boxA: { x1: 10, y1: 10, x2: 50, y2: 40 }, boxB: { x1: 30, y1: 20, x2: 70, y2: 60 } };

/** Exercise 15.3: the boxes and scores given to non-maximum suppression. */
export const exercise15_3 = {
  boxes: [
    { x1: 0, y1: 0, x2: 10, y2: 10 },
    { x1: 1, y1: 1, x2: 11, y2: 11 },
    { x1: 20, y1: 0, x2: 30, y2: 10 },
    { x1: 5, y1: 0, x2: 15, y2: 10 },
  ],
  scores: [0.6, 0.9, 0.5, 0.7],
  iouThreshold: 0.5,
};

defineValueExercises([
  {
    id: "15.1",
    title: "IoU of two boxes",
    hint: "Box A is (10, 10)-(50, 40), box B is (30, 20)-(70, 60). The overlap spans x from max(x1) to min(x2) and y likewise; union = area A + area B − overlap.",
    answerName: "the IoU",
    expected: () => iou(exercise15_1.boxA, exercise15_1.boxB),
    tolerance: 1e-4,
  },
  {
    id: "15.2",
    title: "how big a transposed convolution makes a map",
    hint: "A 16×16 feature map goes through a transposed convolution with a 4×4 kernel, stride 2, padding 1. Use (input − 1)·stride − 2·padding + kernel.",
    answerName: "the output side",
    expected: () => transposedConvOutputSize({ input: 16, kernel: 4, stride: 2, padding: 1 }),
  },
  {
    id: "15.3",
    title: "non-maximum suppression by hand",
    hint: "Sort the boxes by score; keep the best; drop every box whose IoU with a kept box is ≥ 0.5; repeat. Answer with the kept indices in the order they are kept, e.g. [1, 0].",
    answerName: "the kept indices",
    expected: () =>
      nonMaxSuppression(exercise15_3.boxes, exercise15_3.scores, { iouThreshold: exercise15_3.iouThreshold }),
    tolerance: 0,
  },
]);

defineExercise<{ x1: number; y1: number; x2: number; y2: number }>({
  id: "15.4",
  title: "decode one YOLO cell",
  hint: "A 7×7 grid over a 448×448 image: each cell is 64 pixels. Cell (row 3, column 2) predicts x = 0.5, y = 0.5, w = 0.25, h = 0.5. Centre = ((column + x)·64, (row + y)·64); size = (w·448, h·448). Answer {x1, y1, x2, y2}.",
  verify(answer) {
    const grid = Array.from({ length: 7 }, () => Array.from({ length: 7 }, () => [0, 0, 0, 0, 0, 1]));
    grid[3][2] = [0.5, 0.5, 0.25, 0.5, 1, 1];
    const [expected] = decodeYoloGrid(grid, {
      gridSize: 7,
      boxesPerCell: 1,
      numClasses: 1,
      imageWidth: 448,
      imageHeight: 448,
    });
    if (typeof answer !== "object" || answer === null)
      return `give the box as {x1, y1, x2, y2}; got ${JSON.stringify(answer)}.`;
    const b = expected.box;
    return arrayDifferenceNote(
      "the box [x1, y1, x2, y2]",
      [answer.x1, answer.y1, answer.x2, answer.y2],
      [b.x1, b.y1, b.x2, b.y2],
      1e-6,
    );
  },
});

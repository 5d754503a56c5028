import { describeValue, requireNumber, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { Box, iou, validateBox } from "./boxes";

export interface NmsOptions {
  /** A box is dropped when its IoU with an already kept box is at least this (default 0.5). */
  iouThreshold?: number;
  /** Only boxes whose score is above this are considered (default -Infinity: all). */
  scoreThreshold?: number;
  /** Keep at most this many boxes (default: all). */
  maxBoxes?: number;
}

/**
 * Non-maximum suppression (비최대 억제): repeatedly keep the highest-scoring box left and drop
 * every remaining box that overlaps it by IoU ≥ iouThreshold. Returns the indices of the kept
 * boxes, best score first. Same rule as tf.image.nonMaxSuppression (equal scores: lower index first).
 */
const KEYS = optionKeys<NmsOptions>()("iouThreshold", "scoreThreshold", "maxBoxes");

export function nonMaxSuppression(boxes: Box[], scores: number[], options: NmsOptions = {}): number[] {
  requireOptions<NmsOptions>("nonMaxSuppression", options, KEYS, "{ iouThreshold: 0.5, scoreThreshold: 0.25 }");
  if (!Array.isArray(boxes)) {
    throw new Error(
      `nonMaxSuppression: boxes must be an array of {x1, y1, x2, y2}, got ${describeValue(boxes)}. Pass e.g. [{x1: 0, y1: 0, x2: 10, y2: 10}].`,
    );
  }
  if (!Array.isArray(scores) || scores.length !== boxes.length) {
    throw new Error(
      `nonMaxSuppression: scores must be an array with one number per box (${boxes.length}), got ${Array.isArray(scores) ? `${scores.length} scores` : describeValue(scores)}. Give each box its score.`,
    );
  }
  const checked = boxes.map((b, i) => validateBox("nonMaxSuppression", `boxes[${i}]`, b));
  scores.forEach((s, i) =>
    requireNumber("nonMaxSuppression", `scores[${i}]`, s, { fix: "Scores are confidences such as 0.9." }),
  );
  const iouThreshold = requireNumber("nonMaxSuppression", "iouThreshold", options.iouThreshold ?? 0.5, {
    min: 0,
    max: 1,
    fix: "Typical values are 0.3–0.7.",
  });
  const scoreThreshold = options.scoreThreshold ?? -Infinity;
  if (typeof scoreThreshold !== "number" || Number.isNaN(scoreThreshold)) {
    throw new Error(
      `nonMaxSuppression: scoreThreshold must be a number, got ${describeValue(scoreThreshold)}. Use e.g. 0.25, or leave it out to consider every box.`,
    );
  }
  const maxBoxes =
    options.maxBoxes === undefined
      ? boxes.length
      : requireWholeNumber("nonMaxSuppression", "maxBoxes", options.maxBoxes, 0, "Use e.g. 10.");

  const order = scores
    .map((score, index) => ({ score, index }))
    .filter((c) => c.score > scoreThreshold)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const kept: number[] = [];
  for (const candidate of order) {
    if (kept.length >= maxBoxes) break;
    const overlapsKept = kept.some((k) => iou(checked[k], checked[candidate.index]) >= iouThreshold);
    if (!overlapsKept) kept.push(candidate.index);
  }
  return kept;
}

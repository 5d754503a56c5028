import * as tf from "@tensorflow/tfjs";
import { requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { createRng } from "../data/random";
import { Box } from "./boxes";

/** The kinds of shape drawn by makeShapeScenes, by class index. */
export const SHAPE_KINDS = ["rectangle", "disc", "triangle"] as const;

export interface ShapeScenesOptions {
  /** Number of images (default 200). */
  count?: number;
  /** Height and width in pixels (default 32). */
  size?: number;
  /** Shapes per image: 1 … maxObjects, chosen at random (default 1). */
  maxObjects?: number;
  /** Seed of the generator; the same seed gives the same images (default 1). */
  seed?: number;
}

/**
 * Generated scenes for detection and segmentation (분할): coloured shapes on a noisy background,
 * each with its binary mask (마스크: 1 where a shape is) and its labelled boxes.
 * Call dispose() when done with the tensors.
 */
export interface ShapeScenes {
  /** [count, size, size, 3], values in [0, 1]. */
  images: tf.Tensor4D;
  /** [count, size, size, 1], 1 on shape pixels, 0 elsewhere. */
  masks: tf.Tensor4D;
  /** objects[i]: the shapes of image i, with their boxes in pixels and class (see SHAPE_KINDS). */
  objects: { box: Box; classIndex: number }[][];
  classNames: string[];
  dispose(): void;
}

function inside(kind: number, x: number, y: number, box: Box): boolean {
  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2;
  const w = box.x2 - box.x1;
  const h = box.y2 - box.y1;
  if (x < box.x1 || x >= box.x2 || y < box.y1 || y >= box.y2) return false;
  if (kind === 0) return true;
  if (kind === 1) return ((x - cx) / (w / 2)) ** 2 + ((y - cy) / (h / 2)) ** 2 <= 1;
  // Triangle pointing up: apex at the top centre, base along the bottom edge.
  const depth = (y - box.y1) / h;
  return Math.abs(x - cx) <= (depth * w) / 2;
}

/** Generates coloured shapes with masks and boxes (see ShapeScenes). */
const KEYS = optionKeys<ShapeScenesOptions>()("count", "size", "maxObjects", "seed");

export function makeShapeScenes(options: ShapeScenesOptions = {}): ShapeScenes {
  const caller = "makeShapeScenes";
  requireOptions<ShapeScenesOptions>(caller, options, KEYS, "{ count: 200, size: 32 }");
  const count = requireWholeNumber(caller, "count", options.count ?? 200, 1, "Use e.g. 200.");
  const size = requireWholeNumber(caller, "size", options.size ?? 32, 8, "Use e.g. 32 (at least 8 pixels).");
  const maxObjects = requireWholeNumber(
    caller,
    "maxObjects",
    options.maxObjects ?? 1,
    1,
    "Use 1 for segmentation, 2–4 for detection.",
  );
  const seed = requireWholeNumber(caller, "seed", options.seed ?? 1, 0, "Use any whole number, e.g. 42.");
  const random = createRng(seed).next; // the course's one seeded generator (mulberry32)
  const pixels = new Float32Array(count * size * size * 3);
  const maskValues = new Float32Array(count * size * size);
  const objects: { box: Box; classIndex: number }[][] = [];
  for (let n = 0; n < count; n++) {
    const background = [random(), random(), random()].map((v) => 0.15 + 0.5 * v);
    const slope = [random() - 0.5, random() - 0.5].map((v) => v * 0.3);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const ramp = slope[0] * (x / size - 0.5) + slope[1] * (y / size - 0.5);
        for (let c = 0; c < 3; c++)
          pixels[((n * size + y) * size + x) * 3 + c] = background[c] + ramp + (random() - 0.5) * 0.16;
      }
    }
    const shapes: { box: Box; classIndex: number }[] = [];
    const howMany = 1 + Math.floor(random() * maxObjects);
    for (let k = 0; k < howMany; k++) {
      const classIndex = Math.floor(random() * SHAPE_KINDS.length);
      const w = Math.round(size * (0.25 + 0.35 * random()));
      const h = Math.round(size * (0.25 + 0.35 * random()));
      const x1 = Math.floor(random() * (size - w + 1));
      const y1 = Math.floor(random() * (size - h + 1));
      const box = { x1, y1, x2: x1 + w, y2: y1 + h };
      let colour: number[];
      do colour = [random(), random(), random()];
      while (Math.max(...colour.map((v, c) => Math.abs(v - background[c]))) < 0.35);
      for (let y = y1; y < y1 + h; y++) {
        for (let x = x1; x < x1 + w; x++) {
          if (!inside(classIndex, x + 0.5, y + 0.5, box)) continue;
          maskValues[(n * size + y) * size + x] = 1;
          for (let c = 0; c < 3; c++) pixels[((n * size + y) * size + x) * 3 + c] = colour[c] + (random() - 0.5) * 0.08;
        }
      }
      shapes.push({ box, classIndex });
    }
    objects.push(shapes);
  }
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(1, Math.max(0, pixels[i]));
  const images = tf.tensor4d(pixels, [count, size, size, 3]);
  const masks = tf.tensor4d(maskValues, [count, size, size, 1]);
  return { images, masks, objects, classNames: [...SHAPE_KINDS], dispose: () => tf.dispose([images, masks]) };
}

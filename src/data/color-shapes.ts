import { requireChoice, requireSeed, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { createRng, Rng } from "./random";
import { Dataset, makeDataset, splitFromArrays } from "./split";

export const SHAPE_CLASS_NAMES = ["circle", "square", "triangle", "ring", "cross"];
export const COLOR_CLASS_NAMES = ["red", "yellow", "green", "cyan", "blue", "magenta"];

export interface ColorShapesOptions {
  /** Image side in pixels (default 32). */
  size?: number;
  /** Number of images in all, split 70% / 15% / 15% into train / validation / test (default 600). */
  count?: number;
  /** Seed of every random choice (default 1). */
  seed?: number;
  /** What the label is: the shape (default, colour is random) or the colour (shape is random). */
  labelBy?: "shape" | "color";
}

const KEYS = optionKeys<ColorShapesOptions>()("size", "count", "seed", "labelBy");

function hsvToRgb(h: number, s: number, v: number): [number, number, number] {
  const f = (k: number) => {
    const x = (k + h / 60) % 6;
    return v - v * s * Math.max(0, Math.min(x, 4 - x, 1));
  };
  return [f(5), f(3), f(1)];
}

/** Whether the point (u, v), in the shape's own rotated frame, lies inside it. */
function insideShape(shape: number, u: number, v: number, r: number): boolean {
  const d = Math.hypot(u, v);
  switch (shape) {
    case 0:
      return d <= r;
    case 1:
      return Math.abs(u) <= 0.8 * r && Math.abs(v) <= 0.8 * r;
    case 2: {
      // Equilateral triangle with circumradius r: inside all three edges.
      for (let k = 0; k < 3; k++) {
        const a = (2 * Math.PI * k) / 3 + Math.PI / 2;
        if (u * Math.cos(a) + v * Math.sin(a) > r / 2) return false;
      }
      return true;
    }
    case 3:
      return d <= r && d >= 0.55 * r;
    default:
      return (Math.abs(u) <= 0.28 * r && Math.abs(v) <= r) || (Math.abs(v) <= 0.28 * r && Math.abs(u) <= r);
  }
}

function drawImage(
  out: Float32Array,
  offset: number,
  size: number,
  shape: number,
  color: [number, number, number],
  rng: Rng,
): void {
  const background = hsvToRgb(rng.uniform(0, 360), rng.uniform(0, 0.3), rng.uniform(0.1, 0.5));
  const r = size * rng.uniform(0.22, 0.36);
  const cx = rng.uniform(r, size - r);
  const cy = rng.uniform(r, size - r);
  const angle = rng.uniform(0, 2 * Math.PI);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // 2x2 sub-pixel samples give soft (anti-aliased) edges.
      let cover = 0;
      for (const [sx, sy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ]) {
        const dx = x + sx - cx;
        const dy = y + sy - cy;
        if (insideShape(shape, cos * dx + sin * dy, -sin * dx + cos * dy, r)) cover += 0.25;
      }
      const at = offset + (y * size + x) * 3;
      for (let c = 0; c < 3; c++) {
        const noise = rng.uniform(-0.04, 0.04);
        out[at + c] = Math.min(1, Math.max(0, cover * color[c] + (1 - cover) * background[c] + noise));
      }
    }
  }
}

/**
 * A generated labelled colour-image dataset (no such dataset ships offline): one shape per
 * image, of random size, position, rotation and colour, on a dark, noisy background.
 * Labelled by shape (5 classes) or by colour (6 hue families). Images [N, size, size, 3] in [0, 1].
 */
export function makeColorShapes(options: ColorShapesOptions = {}): Dataset {
  const caller = "makeColorShapes";
  requireOptions<ColorShapesOptions>(caller, options, KEYS, "{ size: 32, count: 600 }");
  const size = requireWholeNumber(caller, "size", options.size ?? 32, 8, "Use e.g. 32 (small and quick) or 64.", 256);
  const count = requireWholeNumber(
    caller,
    "count",
    options.count ?? 600,
    20,
    "Use e.g. 600; each split needs a few images.",
    100000,
  );
  const seed = requireSeed(caller, options.seed ?? 1);
  const labelBy = requireChoice(caller, "labelBy", options.labelBy ?? "shape", ["shape", "color"] as const);
  const classNames = labelBy === "shape" ? SHAPE_CLASS_NAMES : COLOR_CLASS_NAMES;
  const rng = createRng(seed);
  const pixels = new Float32Array(count * size * size * 3);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % classNames.length; // balanced classes; the split below is a random sample
    const shape = labelBy === "shape" ? label : rng.int(SHAPE_CLASS_NAMES.length);
    const hue = labelBy === "color" ? label * 60 + rng.uniform(-12, 12) : rng.uniform(0, 360);
    const color = hsvToRgb((hue + 360) % 360, rng.uniform(0.7, 1), rng.uniform(0.75, 1));
    drawImage(pixels, i * size * size * 3, size, shape, color, rng);
    labels[i] = label;
  }
  // Shuffle, then cut 70 / 15 / 15.
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nTrain = Math.round(count * 0.7);
  const nValidation = Math.round(count * 0.15);
  const shape = { height: size, width: size, channels: 3 };
  const part = (from: number, to: number) => {
    const idx = order.subarray(from, to);
    const per = size * size * 3;
    const data = new Float32Array(idx.length * per);
    const partLabels = new Int32Array(idx.length);
    idx.forEach((k, i) => {
      data.set(pixels.subarray(k * per, (k + 1) * per), i * per);
      partLabels[i] = labels[k];
    });
    return splitFromArrays(data, partLabels, shape, classNames.length);
  };
  const name = labelBy === "shape" ? "colour shapes (by shape)" : "colour shapes (by colour)";
  return makeDataset(
    name,
    classNames,
    part(0, nTrain),
    part(nTrain, nTrain + nValidation),
    part(nTrain + nValidation, count),
  );
}

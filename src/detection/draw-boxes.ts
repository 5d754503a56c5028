import { describeValue, requireWholeNumber } from "../core/checks";
import { checkPixelImage, PixelImage } from "../core/image";
import { requireOptions } from "../core/options";
import { Box, validateBox } from "./boxes";

/** Colours for boxes, RGB in [0, 1], used in turn. */
export const BOX_COLOURS: [number, number, number][] = [
  [1, 0.2, 0.2],
  [0.2, 0.9, 0.2],
  [0.25, 0.45, 1],
  [1, 0.85, 0.1],
  [1, 0.3, 1],
  [0.1, 0.9, 0.9],
];

export interface DrawBoxesOptions {
  /** One colour per box (RGB in [0, 1]); default BOX_COLOURS in turn. */
  colours?: [number, number, number][];
  /** Line width in pixels (default 1). */
  thickness?: number;
}

/**
 * A copy of the image, as RGB in [0, 1], with each box's outline drawn on it
 * (parts outside the image are clipped). Gray images become RGB.
 */
export function drawBoxes(image: PixelImage, boxes: Box[], options: DrawBoxesOptions = {}): PixelImage {
  requireOptions<DrawBoxesOptions>("drawBoxes", options, ["colours", "thickness"], "{ thickness: 2 }");
  checkPixelImage("drawBoxes", image);
  const { width, height, channels, data } = image;
  if (!Array.isArray(boxes))
    throw new Error(`drawBoxes: boxes must be an array of {x1, y1, x2, y2}, got ${describeValue(boxes)}.`);
  const checked = boxes.map((b, i) => validateBox("drawBoxes", `boxes[${i}]`, b));
  const thickness = requireWholeNumber("drawBoxes", "thickness", options.thickness ?? 1, 1, "Use 1 or 2.");
  const colours = options.colours ?? BOX_COLOURS;
  if (!Array.isArray(colours) || colours.length === 0)
    throw new Error(`drawBoxes: colours must be a non-empty array of [r, g, b], got ${describeValue(colours)}.`);
  let max = 0;
  for (let i = 0; i < data.length; i++) max = Math.max(max, data[i]);
  const scale = max > 1 ? 1 / 255 : 1;
  const out = new Float32Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) out[p * 3 + c] = data[p * channels + (channels === 1 ? 0 : c)] * scale;
  }
  checked.forEach((box, i) => {
    const colour = colours[i % colours.length];
    const x1 = Math.round(box.x1);
    const y1 = Math.round(box.y1);
    const x2 = Math.round(box.x2) - 1;
    const y2 = Math.round(box.y2) - 1;
    for (let y = y1; y <= y2; y++) {
      for (let x = x1; x <= x2; x++) {
        const onEdge = x - x1 < thickness || x2 - x < thickness || y - y1 < thickness || y2 - y < thickness;
        if (!onEdge || x < 0 || y < 0 || x >= width || y >= height) continue;
        for (let c = 0; c < 3; c++) out[(y * width + x) * 3 + c] = colour[c];
      }
    }
  });
  return { width, height, channels: 3, data: out };
}

import { describeValue, requireText, requireWholeNumber } from "../core/checks";
import { checkPixelImage, PixelImage, PixelScale } from "../core/image";
import { optionKeys, requireOptions } from "../core/options";
import { toPng } from "../data/image-io";
import { currentDisplay } from "./display";

/** A zoom that makes a small image at least `minSide` pixels on its short side. */
export function autoZoom(image: PixelImage, minSide = 112): number {
  return Math.max(1, Math.ceil(minSide / Math.min(image.width, image.height)));
}

/** Shows one image in the notebook (small images are enlarged with crisp pixels). */
export async function showImage(image: PixelImage, options: { scale?: PixelScale; zoom?: number } = {}): Promise<void> {
  requireOptions<{ scale?: PixelScale; zoom?: number }>("showImage", options, ["scale", "zoom"], "{ zoom: 4 }");
  checkPixelImage("showImage", image);
  const png = await toPng(image, { scale: options.scale, zoom: options.zoom ?? autoZoom(image) });
  currentDisplay().png(png);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface ImageGridOptions {
  /** Caption under each image. */
  labels?: string[];
  /** Images per row (default: up to 8). */
  columns?: number;
  /** Pixel zoom of every image (default: enough to make small images readable). */
  zoom?: number;
  /** Each image is scaled on its own (default) — see PixelScale. */
  scale?: PixelScale;
  title?: string;
}

/** The HTML of a grid of images with captions (PNG data URLs: works offline and in saved notebooks). */
const GRID_KEYS = optionKeys<ImageGridOptions>()("labels", "columns", "zoom", "scale", "title");

export async function imageGridHtml(
  images: PixelImage[],
  options: ImageGridOptions = {},
  caller = "imageGridHtml",
): Promise<string> {
  requireOptions<ImageGridOptions>(caller, options, GRID_KEYS, '{ labels: ["a", "b"], columns: 8 }');
  if (!Array.isArray(images) || images.length === 0) {
    throw new Error(
      `${caller}: images must be a non-empty array of PixelImage, got ${describeValue(images)}. Pass at least one image.`,
    );
  }
  images.forEach((image, i) => checkPixelImage(caller, image, `images[${i}]`));
  if (options.labels !== undefined && (!Array.isArray(options.labels) || options.labels.length !== images.length)) {
    throw new Error(
      `${caller}: labels has ${Array.isArray(options.labels) ? options.labels.length : "no"} entries but there are ${images.length} images. Give one label per image, or none.`,
    );
  }
  options.labels?.forEach((label, i) => {
    if (typeof label !== "string" && !(typeof label === "number" && Number.isFinite(label)))
      throw new Error(
        `${caller}: labels[${i}] is ${describeValue(label)}; captions must be text. Pass e.g. String(value).`,
      );
  });
  const columns = requireWholeNumber(caller, "columns", options.columns ?? Math.min(8, images.length), 1, 8);
  if (options.zoom !== undefined) requireWholeNumber(caller, "zoom", options.zoom, 1, 4);
  if (options.title !== undefined && typeof options.title !== "string")
    requireText(caller, "title", options.title, "Pass the grid's title as text.");
  const cells = await Promise.all(
    images.map(async (image, i) => {
      const zoom = options.zoom ?? autoZoom(image, 84);
      const png = await toPng(image, { scale: options.scale, zoom });
      const label = options.labels
        ? `<div style="font:12px sans-serif;text-align:center">${escapeHtml(String(options.labels[i]))}</div>`
        : "";
      return `<div style="display:inline-block;margin:3px;vertical-align:top"><img style="image-rendering:pixelated;display:block" src="data:image/png;base64,${png.toString("base64")}"/>${label}</div>`;
    }),
  );
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(`<div>${cells.slice(i, i + columns).join("")}</div>`);
  const title = options.title
    ? `<div style="font:bold 14px sans-serif;margin:4px 0">${escapeHtml(options.title)}</div>`
    : "";
  return `<div class="convnet-grid">${title}${rows.join("")}</div>`;
}

/** Shows a grid of images with optional captions. */
export async function imageGrid(images: PixelImage[], options: ImageGridOptions = {}): Promise<void> {
  currentDisplay().html(await imageGridHtml(images, options, "imageGrid"));
}

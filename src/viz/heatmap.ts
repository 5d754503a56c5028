import { checkMatrix, describeValue, requireBoolean, requireText, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { show, PlotlyFigure } from "./plotly";

export interface HeatmapOptions {
  title?: string;
  /** Write each value in its cell (default: when the matrix has at most 12x12 cells). */
  annotate?: boolean;
  colorscale?: string;
  xLabels?: (string | number)[];
  yLabels?: (string | number)[];
  xTitle?: string;
  yTitle?: string;
  height?: number;
  width?: number;
}

const KEYS = optionKeys<HeatmapOptions>()(
  "title",
  "annotate",
  "colorscale",
  "xLabels",
  "yLabels",
  "xTitle",
  "yTitle",
  "height",
  "width",
);

function checkLabels(caller: string, name: string, labels: unknown, count: number, what: string): void {
  if (labels === undefined) return;
  if (
    !Array.isArray(labels) ||
    labels.length !== count ||
    labels.some((l) => typeof l !== "string" && !(typeof l === "number" && Number.isFinite(l)))
  ) {
    throw new Error(
      `${caller}: ${name} must hold one string or number per ${what} (${count}), got ${describeValue(labels)}. Leave it out to number them.`,
    );
  }
}

/** The plotly figure of a heatmap of a 2-D array, row 0 at the top (as in an image). */
/** A heatmap's values: numbers, or null for a cell left empty (drawn as a gap). */
export type HeatmapCells = (number | null)[][];

/** Throws unless cells is a non-empty rectangle of finite numbers and nulls (NaN is refused: it usually means a computation went wrong). */
function checkCells(caller: string, cells: unknown): asserts cells is HeatmapCells {
  // null is the one non-number allowed: check the rest as a matrix with the empty cells set to 0.
  const filled = Array.isArray(cells)
    ? cells.map((row: unknown) => (Array.isArray(row) ? row.map((v: unknown) => (v === null ? 0 : v)) : row))
    : cells;
  try {
    checkMatrix(caller, "matrix", filled);
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(
      / is NaN; /.test(message)
        ? message.replace("Replace it (e.g. with 0).", "Use null to leave a cell empty.")
        : message,
      { cause: error },
    );
  }
}

export function heatmapFigure(
  matrix: HeatmapCells,
  options: HeatmapOptions = {},
  caller = "heatmapFigure",
): PlotlyFigure {
  requireOptions<HeatmapOptions>(caller, options, KEYS, '{ title: "kernel", annotate: true }');
  checkCells(caller, matrix);
  const width = matrix[0].length;
  checkLabels(caller, "xLabels", options.xLabels, width, "column");
  checkLabels(caller, "yLabels", options.yLabels, matrix.length, "row");
  for (const key of ["title", "colorscale", "xTitle", "yTitle"] as const)
    if (options[key] !== undefined && typeof options[key] !== "string")
      requireText(caller, key, options[key], `Pass ${key} as text.`);
  for (const key of ["height", "width"] as const)
    if (options[key] !== undefined) requireWholeNumber(caller, key, options[key], 50, "Give pixels, e.g. 400.");
  const annotate = requireBoolean(caller, "annotate", options.annotate ?? (matrix.length <= 12 && width <= 12));
  const trace: Record<string, unknown> = {
    type: "heatmap",
    z: matrix,
    colorscale: options.colorscale ?? "Viridis",
  };
  if (options.xLabels) trace["x"] = options.xLabels;
  if (options.yLabels) trace["y"] = options.yLabels;
  if (annotate) {
    trace["texttemplate"] = "%{z:.3~g}";
    trace["textfont"] = { size: 12 };
  }
  const side = Math.min(520, 110 + 36 * Math.max(matrix.length, width));
  return {
    data: [trace],
    layout: {
      title: { text: options.title ?? "" },
      margin: { t: options.title ? 95 : 55, l: 60, r: 30, b: 30 }, // the x axis sits on top, under the title
      height: options.height ?? side,
      width: options.width,
      // Whole-number ticks: cells are indexed by row and column.
      xaxis: {
        title: { text: options.xTitle ?? "" },
        side: "top",
        ...(options.xLabels ? { type: "category" } : { dtick: 1 }),
      },
      yaxis: {
        title: { text: options.yTitle ?? "" },
        autorange: "reversed",
        ...(options.yLabels ? { type: "category" } : { dtick: 1 }),
      },
    },
  };
}

/** Shows a 2-D array as a heatmap (values written in the cells of small matrices). */
export function heatmap(matrix: HeatmapCells, options: HeatmapOptions = {}): void {
  show(heatmapFigure(matrix, options, "heatmap"));
}

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

/** The plotly figure of a heatmap of a 2-D array, row 0 at the top (as in an image). */
export function heatmapFigure(matrix: number[][], options: HeatmapOptions = {}): PlotlyFigure {
  if (!Array.isArray(matrix) || matrix.length === 0 || !Array.isArray(matrix[0]) || matrix[0].length === 0) {
    throw new Error("heatmap: matrix must be a non-empty 2-D array (number[][]). Pass e.g. [[1, 2], [3, 4]].");
  }
  const width = matrix[0].length;
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new Error(`heatmap: row ${i} has ${Array.isArray(row) ? row.length : "no"} values but row 0 has ${width}. All rows must have the same length.`);
    }
  });
  const annotate = options.annotate ?? (matrix.length <= 12 && width <= 12);
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
      xaxis: { title: { text: options.xTitle ?? "" }, side: "top", ...(options.xLabels ? { type: "category" } : { dtick: 1 }) },
      yaxis: { title: { text: options.yTitle ?? "" }, autorange: "reversed", ...(options.yLabels ? { type: "category" } : { dtick: 1 }) },
    },
  };
}

/** Shows a 2-D array as a heatmap (values written in the cells of small matrices). */
export function heatmap(matrix: number[][], options: HeatmapOptions = {}): void {
  show(heatmapFigure(matrix, options));
}

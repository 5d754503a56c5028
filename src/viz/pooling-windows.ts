// A feature map as a heatmap with a frame around every pooling window.
import { outputSize } from "../ops/output-size";
import { heatmapFigure } from "./heatmap";
import { PlotlyFigure } from "./plotly";
import { checkOptionKeys } from "../core/options";
import { checkText } from "./series-checks";

export interface PoolingWindowsOptions {
  /** Window side. */
  size: number;
  /** Step between windows (default: the size, so windows do not overlap). */
  stride?: number;
  title: string;
  colorscale?: string;
  height?: number;
}

/** The heatmap of matrix with an orange frame around each size × size window, moved by stride. */
export function poolingWindowsFigure(matrix: number[][], options: PoolingWindowsOptions): PlotlyFigure {
  const caller = "poolingWindowsFigure";
  checkOptionKeys(caller, "options", options, ["size", "stride", "title", "colorscale", "height"]);
  if (options === undefined)
    throw new Error(
      `${caller}: options must give the window size and a title, e.g. { size: 2, title: "2 × 2 windows" }.`,
    );
  checkText(caller, "options.title", options.title);
  const figure = heatmapFigure(matrix, {
    title: options.title,
    colorscale: options.colorscale,
    height: options.height,
  });
  const stride = options.stride ?? options.size;
  // outputSize checks size and stride, and refuses windows that do not fit the map exactly.
  const rows = outputSize({ input: matrix.length, kernel: options.size, stride });
  const columns = outputSize({ input: matrix[0].length, kernel: options.size, stride });
  const shapes = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const top = r * stride;
      const left = c * stride;
      shapes.push({
        type: "rect",
        x0: left - 0.5,
        x1: left + options.size - 0.5,
        y0: top - 0.5,
        y1: top + options.size - 0.5,
        line: { color: "orange", width: 4 },
      });
    }
  }
  figure.layout = { ...figure.layout, shapes };
  return figure;
}

// Where a kernel lands along one padded axis: one row per position, as lesson 03 draws it.
import { outputSizeDetails } from "../ops/output-size";
import { heatmapFigure } from "./heatmap";
import { PlotlyFigure } from "./plotly";
import { checkOptionKeys } from "../core/options";

export interface KernelPositionsOptions {
  input: number;
  kernel: number;
  stride?: number;
  /** Zeros added on each side (a whole number). */
  padding?: number;
}

// Grey = padding, blue = input cell some position reaches, red = input cell none reaches, orange = under the kernel.
const COLOURS = [
  [0, "#d0d0d0"],
  [0.3, "#d0d0d0"],
  [0.3, "#6baed6"],
  [0.6, "#6baed6"],
  [0.6, "#e34a33"],
  [0.85, "#e34a33"],
  [0.85, "#fd8d3c"],
  [1, "#fd8d3c"],
];

/**
 * A figure with the padded input line on top and one row per kernel position under it; the title
 * says how many positions there are and how many input cells no position reaches (floor rounding).
 */
export function kernelPositionsFigure(options: KernelPositionsOptions): PlotlyFigure {
  const caller = "kernelPositionsFigure";
  checkOptionKeys(caller, "options", options, ["input", "kernel", "stride", "padding"]);
  const { input: n, kernel: k, stride: s = 1, padding: p = 0 } = options ?? ({} as KernelPositionsOptions);
  if (typeof p !== "number")
    throw new Error(
      `${caller}: padding must be a whole number of zeros per side, got ${JSON.stringify(p)}. Pass e.g. padding: 1.`,
    );
  // outputSizeDetails checks input, kernel, stride and padding and names what is wrong.
  const details = outputSizeDetails({ input: n, kernel: k, stride: s, padding: p, rounding: "floor" });
  const width = n + 2 * p;
  const covered = new Array<boolean>(width).fill(false);
  const rows: (number | null)[][] = [];
  for (let i = 0; i < details.size; i++) {
    rows.push(Array.from({ length: width }, (_, c) => (c >= i * s && c < i * s + k ? 2 : null)));
    for (let c = i * s; c < i * s + k; c++) covered[c] = true;
  }
  const inputRow = Array.from({ length: width }, (_, c) => (c < p || c >= p + n ? 0 : covered[c] ? 1 : 1.5));
  const matrix = [inputRow, ...rows.map((row) => row.map((v) => v ?? 0))];
  const figure = heatmapFigure(matrix, {
    title: `n = ${n}, k = ${k}, s = ${s}, p = ${p}: ${details.size} positions${details.leftover ? `, ${details.leftover} input cell(s) never reached` : ""}`,
    annotate: false,
    yLabels: ["padded input", ...rows.map((_, i) => `position ${i + 1}`)],
    xLabels: Array.from({ length: width }, (_, c) => c - p),
    height: 120 + 32 * (rows.length + 1),
  });
  // Cells off the kernel stay empty (null), so only the kernel's cells are coloured in each row.
  Object.assign(figure.data[0], {
    z: [inputRow, ...rows],
    zmin: 0,
    zmax: 2,
    showscale: false,
    xgap: 2,
    ygap: 2,
    colorscale: COLOURS,
  });
  figure.layout = { ...figure.layout, margin: { l: 110, r: 20, t: 80, b: 20 } }; // room for the row labels
  return figure;
}

// Scatter plots of 2-D points in groups (real and generated samples), on square axes.
import { PlotlyFigure } from "./plotly";
import { checkOptionKeys } from "../core/options";
import { checkChartInput, checkNumbers, checkText } from "./series-checks";

export interface PointGroup {
  name: string;
  /** Points as [x, y] pairs. */
  points: readonly (readonly number[])[];
  color?: string;
}

export interface PointCloudOptions {
  title: string;
  /** Both axes run from −range to range (default: fitted to the points). */
  range?: number;
  height?: number;
  width?: number;
}

/** The plotly figure of groups of 2-D points, with one unit as long on both axes. */
export function pointCloudFigure(groups: readonly PointGroup[], options: PointCloudOptions): PlotlyFigure {
  const caller = "pointCloudFigure";
  checkChartInput(caller, "groups", groups, '[{ name: "real", points: [[0, 1], [1, 0]] }]', options, [
    "title",
    "range",
    "height",
    "width",
  ]);
  if (options.range !== undefined) checkNumbers(caller, "options.range", [options.range], true);
  const data = groups.map((g, i) => {
    const name = `groups[${i}]`;
    checkOptionKeys(caller, name, g, ["name", "points", "color"]);
    checkText(caller, `${name}.name`, g.name);
    const points: readonly (readonly number[])[] = g.points;
    if (!Array.isArray(points) || points.length === 0)
      throw new Error(`${caller}: ${name}.points must be a non-empty array of [x, y] pairs.`);
    points.forEach((p: readonly number[], j: number) => {
      if (!Array.isArray(p) || p.length !== 2)
        throw new Error(`${caller}: ${name}.points[${j}] must be an [x, y] pair, got ${JSON.stringify(p)}.`);
      checkNumbers(caller, `${name}.points[${j}]`, p);
    });
    return {
      type: "scatter",
      mode: "markers",
      name: g.name,
      x: points.map((p) => p[0]),
      y: points.map((p) => p[1]),
      marker: { size: 4, ...(g.color ? { color: g.color } : {}) },
    };
  });
  const axis = options.range !== undefined ? { range: [-options.range, options.range] } : {};
  return {
    data,
    layout: {
      title: { text: options.title },
      height: options.height ?? 420,
      width: options.width ?? 460,
      xaxis: { ...axis },
      yaxis: { ...axis, scaleanchor: "x" },
    },
  };
}

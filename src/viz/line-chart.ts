// Line charts of measured series (loss curves, accuracies per epoch, activation functions).
import { PlotlyFigure, show } from "./plotly";
import { checkOptionKeys } from "../core/options";
import { checkChartInput, checkLabels, checkNumbers, checkText } from "./series-checks";

export interface LineSeries {
  name: string;
  /** The positions along the x axis (numbers, or category labels such as months), one per value. */
  x: readonly (number | string)[];
  y: readonly number[];
  /** Draw the line dotted (e.g. training next to a solid validation curve). */
  dotted?: boolean;
  /** Mark every point (default: the chart's `markers`). */
  markers?: boolean;
  color?: string;
  /** One text per point, shown when hovering over it. */
  hoverText?: readonly string[];
}

export interface LineChartOptions {
  title: string;
  xTitle?: string;
  yTitle?: string;
  height?: number;
  width?: number;
  /** A logarithmic y axis (every value must be > 0). */
  logY?: boolean;
  /** The y axis from yRange[0] to yRange[1]. */
  yRange?: readonly [number, number];
  /** Distance between x ticks, e.g. 1 for whole epochs. */
  xStep?: number;
  /** Mark every point of every series (default false). */
  markers?: boolean;
  /** A dotted vertical line at x, with an optional label at its top (e.g. where a test period starts). */
  marker?: { x: number | string; label?: string };
}

const SERIES_KEYS = ["name", "x", "y", "dotted", "markers", "color", "hoverText"];
const OPTION_KEYS = ["title", "xTitle", "yTitle", "height", "width", "logY", "yRange", "xStep", "markers", "marker"];

/** The plotly figure of one or more lines; checks every series and option first. */
export function lineChartFigure(series: readonly LineSeries[], options: LineChartOptions): PlotlyFigure {
  const caller = "lineChartFigure";
  checkChartInput(
    caller,
    "series",
    series,
    '[{ name: "loss", x: [1, 2, 3], y: [0.9, 0.5, 0.3] }]',
    options,
    OPTION_KEYS,
  );
  if (options.yRange !== undefined) checkNumbers(caller, "options.yRange", options.yRange);
  if (options.yRange !== undefined && (options.yRange.length !== 2 || options.yRange[0] >= options.yRange[1])) {
    throw new Error(
      `${caller}: options.yRange must be [low, high] with low < high, got ${JSON.stringify(options.yRange)}. Pass e.g. yRange: [0, 1].`,
    );
  }
  checkOptionKeys(caller, "options.marker", options.marker, ["x", "label"]);
  const data = series.map((s, i) => {
    const name = `series[${i}]`;
    checkOptionKeys(caller, name, s, SERIES_KEYS);
    checkText(caller, `${name}.name`, s.name);
    checkNumbers(caller, `${name}.y`, s.y, options.logY === true);
    checkLabels(caller, `${name}.x`, s.x, s.y.length, `${name}.y`);
    if (s.hoverText !== undefined) checkLabels(caller, `${name}.hoverText`, s.hoverText, s.y.length, `${name}.y`);
    const markers = s.markers ?? options.markers ?? false;
    return {
      type: "scatter",
      mode: markers ? "lines+markers" : "lines",
      name: s.name,
      x: s.x,
      y: s.y,
      ...(s.hoverText ? { text: s.hoverText } : {}),
      line: { ...(s.color ? { color: s.color } : {}), ...(s.dotted ? { dash: "dot" } : {}) },
    };
  });
  const marker = options.marker;
  return {
    data,
    layout: {
      title: { text: options.title },
      height: options.height ?? 380,
      ...(options.width ? { width: options.width } : {}),
      xaxis: { title: { text: options.xTitle ?? "" }, ...(options.xStep ? { dtick: options.xStep } : {}) },
      yaxis: {
        title: { text: options.yTitle ?? "" },
        ...(options.logY ? { type: "log" } : {}),
        ...(options.yRange ? { range: [...options.yRange] } : {}),
      },
      ...(marker
        ? {
            shapes: [
              {
                type: "line",
                x0: marker.x,
                x1: marker.x,
                yref: "paper",
                y0: 0,
                y1: 1,
                line: { dash: "dot", color: "gray" },
              },
            ],
            annotations: marker.label
              ? [{ x: marker.x, y: 1, yref: "paper", text: marker.label, showarrow: false, xanchor: "left" }]
              : [],
          }
        : {}),
    },
  };
}

/** Draws a line chart in the notebook (see lineChartFigure). */
export function showLineChart(series: readonly LineSeries[], options: LineChartOptions): void {
  show(lineChartFigure(series, options));
}

// Bar charts: one bar per category, several series side by side.
import { PlotlyFigure, show } from "./plotly";
import { checkOptionKeys } from "../core/options";
import { checkChartInput, checkLabels, checkNumbers, checkText } from "./series-checks";

export interface BarSeries {
  /** Shown in the legend when there are several series. */
  name?: string;
  /** One category per bar. */
  x: readonly (number | string)[];
  y: readonly number[];
}

export interface BarChartOptions {
  title: string;
  xTitle?: string;
  yTitle?: string;
  height?: number;
  /** Distance between x ticks, e.g. 1 for channel numbers. */
  xStep?: number;
}

/** The plotly figure of a bar chart; several series are grouped side by side. */
export function barChartFigure(series: readonly BarSeries[], options: BarChartOptions): PlotlyFigure {
  const caller = "barChartFigure";
  checkChartInput(caller, "series", series, '[{ x: ["a", "b"], y: [3, 5] }]', options, [
    "title",
    "xTitle",
    "yTitle",
    "height",
    "xStep",
  ]);
  const data = series.map((s, i) => {
    const name = `series[${i}]`;
    checkOptionKeys(caller, name, s, ["name", "x", "y"]);
    if (s.name !== undefined) checkText(caller, `${name}.name`, s.name);
    if (series.length > 1 && s.name === undefined)
      throw new Error(`${caller}: ${name} needs a name: with several series the legend must tell them apart.`);
    checkNumbers(caller, `${name}.y`, s.y);
    checkLabels(caller, `${name}.x`, s.x, s.y.length, `${name}.y`);
    return { type: "bar", x: s.x, y: s.y, ...(s.name ? { name: s.name } : {}) };
  });
  return {
    data,
    layout: {
      title: { text: options.title },
      height: options.height ?? 340,
      barmode: "group",
      showlegend: series.length > 1,
      xaxis: { title: { text: options.xTitle ?? "" }, ...(options.xStep ? { dtick: options.xStep } : {}) },
      yaxis: { title: { text: options.yTitle ?? "" } },
    },
  };
}

/** Draws a bar chart in the notebook (see barChartFigure). */
export function showBarChart(series: readonly BarSeries[], options: BarChartOptions): void {
  show(barChartFigure(series, options));
}

// One colour channel of an image as a heatmap from black (0) to that channel's full colour (255).
import { heatmapFigure } from "./heatmap";
import { PlotlyFigure } from "./plotly";
import { checkOptionKeys } from "../core/options";
import { checkPixels, checkText } from "./series-checks";

export interface ChannelHeatmapOptions {
  /** 0 = red, 1 = green, 2 = blue. */
  channel: 0 | 1 | 2;
  title: string;
  /** Write each value in its cell (default: when the matrix has at most 12 × 12 cells). */
  annotate?: boolean;
  height?: number;
  width?: number;
}

const FULL_COLOUR = ["rgb(255,0,0)", "rgb(0,255,0)", "rgb(0,0,255)"];

/**
 * The heatmap of one channel's 0–255 values (matrix[row][column]) on a black-to-colour scale,
 * like the channel drawn in its own colour. Large matrices get square cells and few ticks.
 */
export function channelHeatmapFigure(matrix: number[][], options: ChannelHeatmapOptions): PlotlyFigure {
  const caller = "channelHeatmapFigure";
  checkOptionKeys(caller, "options", options, ["channel", "title", "annotate", "height", "width"]);
  if (options === undefined || ![0, 1, 2].includes(options.channel)) {
    throw new Error(
      `${caller}: options.channel must be 0 (red), 1 (green) or 2 (blue), got ${JSON.stringify(options?.channel)}. Pass e.g. { channel: 0, title: "R channel" }.`,
    );
  }
  checkText(caller, "options.title", options.title);
  checkPixels(caller, "options.height", options.height);
  checkPixels(caller, "options.width", options.width);
  const figure = heatmapFigure(matrix, {
    title: options.title,
    annotate: options.annotate,
    height: options.height,
    width: options.width,
  });
  Object.assign(figure.data[0], {
    colorscale: [
      [0, "rgb(0,0,0)"],
      [1, FULL_COLOUR[options.channel]],
    ],
    zmin: 0,
    zmax: 255,
  });
  const large = matrix.length > 24 || matrix[0].length > 24;
  if (large) {
    // One tick per cell would be unreadable: a few ticks, and square cells as in the picture.
    figure.layout = {
      ...figure.layout,
      xaxis: { side: "top", nticks: 8 },
      yaxis: { autorange: "reversed", nticks: 8, scaleanchor: "x" },
    };
  }
  return figure;
}

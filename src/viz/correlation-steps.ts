import { correlate2d, correlationSteps } from "../ops/correlate";
import { WindowOptions } from "../ops/window-plan";
import { PlotlyFigure } from "./plotly";

/**
 * A figure with a slider that walks the kernel over the (padded) input one output cell at a time:
 * the window is framed on the left, the output filled in so far on the right, and the title spells
 * out the multiply-and-sum of the current step.
 */
export function correlationStepsFigure(x: number[][], k: number[][], options: WindowOptions = {}): PlotlyFigure {
  const { padded, steps } = correlationSteps(x, k, options, "correlationStepsFigure");
  const result = correlate2d(x, k, options);
  const kernelTaps = k.flat();
  const partial = (upTo: number) =>
    result.map((row, r) =>
      row.map((v, c) => (steps.findIndex((s) => s.outRow === r && s.outCol === c) <= upTo ? v : null)),
    );
  const frame = (i: number) => {
    const s = steps[i];
    return [
      {
        type: "rect",
        xref: "x",
        yref: "y",
        x0: s.left - 0.5,
        x1: s.left + k[0].length - 0.5,
        y0: s.top - 0.5,
        y1: s.top + k.length - 0.5,
        line: { color: "orange", width: 4 },
      },
      {
        type: "rect",
        xref: "x2",
        yref: "y2",
        x0: s.outCol - 0.5,
        x1: s.outCol + 0.5,
        y0: s.outRow - 0.5,
        y1: s.outRow + 0.5,
        line: { color: "orange", width: 4 },
      },
    ];
  };
  const title = (i: number) =>
    `step ${i + 1}/${steps.length}: ${steps[i].window
      .flat()
      .map((v, j) => `${v}·${kernelTaps[j]}`)
      .join(" + ")} = ${steps[i].sum}`;
  const cells = { type: "heatmap", texttemplate: "%{z}", showscale: false, xgap: 1, ygap: 1 };
  return {
    data: [
      { ...cells, z: padded, colorscale: "Blues", xaxis: "x", yaxis: "y" },
      {
        ...cells,
        z: partial(0),
        colorscale: "Greens",
        xaxis: "x2",
        yaxis: "y2",
        zmin: Math.min(...result.flat()),
        zmax: Math.max(...result.flat()),
      },
    ],
    layout: {
      title: { text: title(0), font: { size: 13 } },
      height: 430,
      // Fixed ranges, so the output panel keeps its size while it is still mostly empty.
      xaxis: {
        domain: [0, 0.55],
        range: [-0.5, padded[0].length - 0.5],
        showticklabels: false,
        ticks: "",
        showgrid: false,
        zeroline: false,
      },
      yaxis: {
        range: [padded.length - 0.5, -0.5],
        showticklabels: false,
        ticks: "",
        showgrid: false,
        zeroline: false,
        scaleanchor: "x",
      },
      xaxis2: {
        domain: [0.65, 1],
        range: [-0.5, result[0].length - 0.5],
        showticklabels: false,
        ticks: "",
        showgrid: false,
        zeroline: false,
      },
      yaxis2: {
        range: [result.length - 0.5, -0.5],
        showticklabels: false,
        ticks: "",
        showgrid: false,
        zeroline: false,
        scaleanchor: "x2",
        anchor: "x2",
      },
      shapes: frame(0),
      sliders: [
        {
          active: 0,
          currentvalue: { prefix: "output cell (row, column): " },
          steps: steps.map((s, i) => ({
            label: `(${s.outRow}, ${s.outCol})`,
            method: "update",
            args: [{ z: [padded, partial(i)] }, { shapes: frame(i), "title.text": title(i) }],
          })),
        },
      ],
    },
  };
}

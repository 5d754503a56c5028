// The chart helpers that replace plotting literals in lessons: what they draw (hand-computed
// positions, frames and traces) and how they refuse bad input.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { barChartFigure } from "../../src/viz/bar-chart";
import { channelHeatmapFigure } from "../../src/viz/channel-heatmap";
import { kernelPositionsFigure } from "../../src/viz/kernel-positions";
import { lineChartFigure } from "../../src/viz/line-chart";
import { pointCloudFigure } from "../../src/viz/point-cloud";
import { poolingWindowsFigure } from "../../src/viz/pooling-windows";

type Trace = Record<string, unknown>;
const layoutOf = (figure: { layout?: Record<string, unknown> }) => figure.layout as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test("lineChartFigure draws one trace per series with its style", () => {
  const figure = lineChartFigure(
    [
      { name: "validation", x: [1, 2, 3], y: [0.9, 0.6, 0.5], color: "#d62728" },
      { name: "training", x: [1, 2, 3], y: [0.8, 0.4, 0.2], dotted: true, markers: true, hoverText: ["a", "b", "c"] },
    ],
    { title: "loss", xTitle: "epoch", yTitle: "loss", xStep: 1, logY: true, marker: { x: 2, label: "switch" } },
  );
  const [validation, training] = figure.data as Trace[];
  assert.deepEqual([validation.mode, validation.y, validation.line], ["lines", [0.9, 0.6, 0.5], { color: "#d62728" }]);
  assert.deepEqual([training.mode, training.line, training.text], ["lines+markers", { dash: "dot" }, ["a", "b", "c"]]);
  const layout = layoutOf(figure);
  assert.equal(layout.title.text, "loss");
  assert.deepEqual([layout.xaxis.dtick, layout.yaxis.type], [1, "log"]);
  assert.deepEqual([layout.shapes[0].x0, layout.shapes[0].x1, layout.annotations[0].text], [2, 2, "switch"]);
});

test("lineChartFigure refuses bad series and options", () => {
  const ok = { name: "loss", x: [1, 2], y: [1, 0.5] };
  assert.throws(() => lineChartFigure([], { title: "t" }), /lineChartFigure: series must be a non-empty array/);
  assert.throws(
    () => lineChartFigure([ok], { titel: "t" } as never),
    /options has unknown key `titel` \(did you mean `title`\?\)/,
  );
  assert.throws(
    () => lineChartFigure([{ ...ok, dashed: true } as never], { title: "t" }),
    /series\[0\] has unknown key `dashed`/,
  );
  assert.throws(
    () => lineChartFigure([{ ...ok, y: [1, NaN] }], { title: "t" }),
    /series\[0\]\.y\[1\] is NaN; every value must be a finite number/,
  );
  assert.throws(
    () => lineChartFigure([{ ...ok, x: [1] }], { title: "t" }),
    /series\[0\]\.x must be an array with one entry per value of series\[0\]\.y \(2\)/,
  );
  assert.throws(
    () => lineChartFigure([{ ...ok, y: [1, 0] }], { title: "t", logY: true }),
    /series\[0\]\.y\[1\] is 0, but a log-scale axis needs values > 0/,
  );
  assert.throws(() => lineChartFigure([ok], { title: "" }), /options\.title must be a non-empty string/);
  assert.throws(
    () => lineChartFigure([ok], { title: "t", yRange: [1, 0] }),
    /options\.yRange must be \[low, high\] with low < high/,
  );
  assert.throws(
    () => lineChartFigure([ok], { title: "t", height: 10 }),
    /options\.height must be a whole number of pixels ≥ 100, got 10/,
  );
});

test("barChartFigure groups several named series", () => {
  const figure = barChartFigure(
    [
      { name: "a", x: ["x", "y"], y: [1, 2] },
      { name: "b", x: ["x", "y"], y: [3, 4] },
    ],
    { title: "bars" },
  );
  assert.deepEqual(
    (figure.data as Trace[]).map((t) => [t.type, t.name, t.y]),
    [
      ["bar", "a", [1, 2]],
      ["bar", "b", [3, 4]],
    ],
  );
  assert.deepEqual([layoutOf(figure).barmode, layoutOf(figure).showlegend], ["group", true]);
  assert.equal(layoutOf(barChartFigure([{ x: [1], y: [5] }], { title: "one" })).showlegend, false);
  assert.throws(
    () =>
      barChartFigure(
        [
          { x: [1], y: [5] },
          { x: [1], y: [6] },
        ],
        { title: "t" },
      ),
    /series\[0\] needs a name/,
  );
  assert.throws(
    () => barChartFigure([{ x: [1, 2], y: [5] }], { title: "t" }),
    /series\[0\]\.x must be an array with one entry per value/,
  );
});

test("pointCloudFigure splits pairs into x and y on square axes", () => {
  const figure = pointCloudFigure(
    [
      {
        name: "real",
        points: [
          [1, 2],
          [3, 4],
        ],
        color: "#999",
      },
    ],
    { title: "points", range: 3.5 },
  );
  const [trace] = figure.data as Trace[];
  assert.deepEqual([trace.x, trace.y, trace.mode], [[1, 3], [2, 4], "markers"]);
  assert.deepEqual([layoutOf(figure).xaxis.range, layoutOf(figure).yaxis.scaleanchor], [[-3.5, 3.5], "x"]);
  assert.throws(
    () => pointCloudFigure([{ name: "real", points: [[1, 2, 3]] }], { title: "t" }),
    /groups\[0\]\.points\[0\] must be an \[x, y\] pair/,
  );
  assert.throws(
    () => pointCloudFigure([{ name: "real", points: [[1, Infinity]] }], { title: "t" }),
    /points\[0\]\[1\] is Infinity/,
  );
});

test("channelHeatmapFigure scales 0–255 from black to the channel's colour", () => {
  const small = channelHeatmapFigure(
    [
      [0, 255],
      [128, 64],
    ],
    { channel: 2, title: "B" },
  );
  assert.deepEqual(
    [(small.data[0] as Trace).colorscale, (small.data[0] as Trace).zmin, (small.data[0] as Trace).zmax],
    [
      [
        [0, "rgb(0,0,0)"],
        [1, "rgb(0,0,255)"],
      ],
      0,
      255,
    ],
  );
  assert.equal(layoutOf(small).yaxis.scaleanchor, undefined);
  const large = channelHeatmapFigure(
    Array.from({ length: 30 }, () => new Array<number>(30).fill(1)),
    { channel: 0, title: "R" },
  );
  assert.deepEqual([layoutOf(large).xaxis.nticks, layoutOf(large).yaxis.scaleanchor], [8, "x"]);
  assert.throws(
    () => channelHeatmapFigure([[1]], { channel: 3 as never, title: "t" }),
    /options\.channel must be 0 \(red\), 1 \(green\) or 2 \(blue\), got 3/,
  );
});

test("kernelPositionsFigure draws every kernel position and the cells none reaches", () => {
  // n = 7, k = 3, s = 2, p = 0: (7 − 3) / 2 + 1 = 3 positions, starting at cells 0, 2, 4; all cells reached.
  const exact = kernelPositionsFigure({ input: 7, kernel: 3, stride: 2 });
  const z = (exact.data[0] as Trace).z as (number | null)[][];
  assert.equal(z.length, 4);
  assert.deepEqual(z[0], [1, 1, 1, 1, 1, 1, 1]);
  assert.deepEqual(z[2], [null, null, 2, 2, 2, null, null]);
  assert.match(layoutOf(exact).title.text, /3 positions$/);
  // n = 8: floor(5 / 2) + 1 = 3 positions cover cells 0..6; cell 7 is never reached (1.5).
  const leftover = kernelPositionsFigure({ input: 8, kernel: 3, stride: 2 });
  assert.equal(((leftover.data[0] as Trace).z as number[][])[0][7], 1.5);
  assert.match(layoutOf(leftover).title.text, /3 positions, 1 input cell\(s\) never reached/);
  // padding 1 on n = 5, k = 3, s = 1: the padded line is 7 long, its ends are padding (0).
  const padded = kernelPositionsFigure({ input: 5, kernel: 3, padding: 1 });
  assert.deepEqual(((padded.data[0] as Trace).z as number[][])[0], [0, 1, 1, 1, 1, 1, 0]);
  assert.throws(
    () => kernelPositionsFigure({ input: 5, kernal: 3 } as never),
    /unknown key `kernal` \(did you mean `kernel`\?\)/,
  );
  assert.throws(() => kernelPositionsFigure({ input: 5, kernel: 0 }), /kernel must be a whole number ≥ 1/);
});

test("poolingWindowsFigure frames each window", () => {
  const figure = poolingWindowsFigure(
    [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
      [13, 14, 15, 16],
    ],
    { size: 2, title: "windows" },
  );
  const frames = layoutOf(figure).shapes as { x0: number; x1: number; y0: number; y1: number }[];
  assert.deepEqual(
    frames.map((f) => [f.x0, f.x1, f.y0, f.y1]),
    [
      [-0.5, 1.5, -0.5, 1.5],
      [1.5, 3.5, -0.5, 1.5],
      [-0.5, 1.5, 1.5, 3.5],
      [1.5, 3.5, 1.5, 3.5],
    ],
  );
  // 3 × 3 windows moved by 2 on a 5 × 5 map: (5 − 3) / 2 + 1 = 2 per side, overlapping on the middle row and column.
  const overlapping = poolingWindowsFigure(
    Array.from({ length: 5 }, () => [1, 2, 3, 4, 5]),
    { size: 3, stride: 2, title: "overlap" },
  );
  assert.deepEqual(
    (layoutOf(overlapping).shapes as { x0: number }[]).map((f) => f.x0),
    [-0.5, 1.5, -0.5, 1.5],
  );
  assert.throws(
    () =>
      poolingWindowsFigure(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        { size: 2, title: "t" },
      ),
    /is not a whole number/,
  );
  assert.throws(
    () => poolingWindowsFigure([[1, 2]], { size: 1, title: "t", colour: "x" } as never),
    /unknown key `colour`/,
  );
});

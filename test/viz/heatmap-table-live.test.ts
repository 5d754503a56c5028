import { test } from "node:test";
import * as assert from "node:assert/strict";
import { heatmapFigure } from "../../src/viz/heatmap";
import { tableHtml } from "../../src/viz/table";
import { LiveChart } from "../../src/viz/live-chart";
import { recordDisplays } from "../../src/viz/display";
import { resetPlotlyLoaded } from "../../src/viz/plotly";

test("heatmap: row 0 on top, values written in small matrices, ragged rows rejected", () => {
  const figure = heatmapFigure(
    [
      [1, 2],
      [3, 4],
    ],
    { title: "t" },
  );
  const trace = figure.data[0] as Record<string, unknown>;
  assert.deepEqual(trace["z"], [
    [1, 2],
    [3, 4],
  ]);
  assert.equal(trace["texttemplate"], "%{z:.3~g}");
  assert.equal((figure.layout?.["yaxis"] as Record<string, unknown>)["autorange"], "reversed");
  const big = Array.from({ length: 20 }, () => new Array(20).fill(0));
  assert.equal((heatmapFigure(big).data[0] as Record<string, unknown>)["texttemplate"], undefined);
  assert.throws(() => heatmapFigure([[1, 2], [3]]), /row 1 has 1 values but row 0 has 2/);
  assert.throws(() => heatmapFigure([]), /non-empty 2-D array/);
});

test("table: columns from the keys, numbers right-aligned with thousands separators", () => {
  const html = tableHtml(
    [
      { layer: "conv1", params: 61706 },
      { layer: "<fc>", params: 10 },
    ],
    "LeNet",
  );
  assert.match(html, /<th[^>]*>layer<\/th><th[^>]*>params<\/th>/);
  assert.match(html, /text-align:right">61,706</);
  assert.match(html, /&lt;fc>/);
  assert.throws(() => tableHtml([]), /non-empty array of objects/);
});

test("live chart: every redraw goes to the same display, and the last one holds every point", () => {
  resetPlotlyLoaded();
  const recorder = recordDisplays();
  try {
    const chart = new LiveChart({ throttleMs: 0, panels: { loss: "loss", val_loss: "loss", acc: "accuracy" } });
    chart.add(1, { loss: 2, val_loss: 2.5, acc: 0.5 });
    chart.add(2, { loss: 1, val_loss: 1.5, acc: 0.75 });
    chart.finish();
    assert.deepEqual(chart.values("loss"), [2, 1]);
    assert.throws(() => chart.add(NaN, { loss: 1 }), /x must be a finite number, got NaN/);
  } finally {
    recorder.stop();
  }
  const updates = recorder.outputs.filter((o) => o.displayId !== undefined);
  assert.ok(updates.length >= 3);
  assert.equal(new Set(updates.map((o) => o.displayId)).size, 1, "one display, updated in place");
  const last = String(updates[updates.length - 1].value);
  const data = JSON.parse((last.match(/var data = (\[.*?\]), layout/) ?? [])[1]) as {
    name: string;
    y: number[];
    yaxis: string;
  }[];
  assert.deepEqual(
    data.map((d) => [d.name, d.y, d.yaxis]),
    [
      ["loss", [2, 1], "y"],
      ["val_loss", [2.5, 1.5], "y"],
      ["acc", [0.5, 0.75], "y2"],
    ],
  );
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as vm from "vm";
import {
  plotlyBundleHtml,
  plotlyBundleSource,
  plotlyFigureHtml,
  normaliseTitles,
  show,
  resetPlotlyLoaded,
} from "../../src/viz/plotly";
import { recordDisplays } from "../../src/viz/display";

test("the local plotly bundle is the browser build that sets window.Plotly", () => {
  // Only the text is checked here (running it needs a DOM); the browser tests draw real figures.
  const source = plotlyBundleSource();
  assert.match(source, /window\.Plotly = Plotly;/);
  assert.ok(source.length > 1_000_000, "the cartesian bundle is about 1.5 MB");
  assert.ok(!/<\/script/i.test(plotlyBundleHtml().slice(8, -9)), "no closing script tag inside the script");
});

test("a figure's HTML holds the data as JSON that cannot close its script element", () => {
  const html = plotlyFigureHtml({ data: [{ type: "scatter", x: [1], y: [2], name: "</script><b>x" }] }, "fig1");
  assert.match(html, /<div id="fig1"/);
  const scripts = html.match(/<script[\s\S]*?<\/script>/g) ?? [];
  assert.equal(scripts.length, 1, "the name must not end the script early");
  const body = scripts[0].replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
  // Run the script against a fake DOM and Plotly to see the data arrive intact.
  const calls: unknown[][] = [];
  const div = { style: {}, textContent: "" };
  vm.runInNewContext(body, {
    window: { Plotly: { react: (...args: unknown[]) => calls.push(args) } },
    document: { getElementById: (id: string) => (id === "fig1" ? div : null) },
    setTimeout,
  });
  assert.equal(calls.length, 1);
  const data = calls[0][1] as { name: string }[];
  assert.equal(data[0].name, "</script><b>x");
});

test("without plotly the figure script gives up with a message instead of an empty box", async () => {
  const html = plotlyFigureHtml({ data: [] }, "fig2");
  const body = (html.match(/<script[^>]*>([\s\S]*?)<\/script>/) ?? [])[1];
  const div = { style: {} as Record<string, string>, textContent: "" };
  const timers: (() => void)[] = [];
  vm.runInNewContext(body, {
    window: {},
    document: { getElementById: () => div },
    setTimeout: (f: () => void) => timers.push(f),
  });
  while (timers.length) timers.shift()!();
  assert.match(div.textContent, /plotly\.js is not loaded.*Trust the notebook/);
});

test("title shorthands become { text } for the figure and every axis", () => {
  assert.deepEqual(
    normaliseTitles({
      title: "a",
      xaxis: { title: "b" },
      yaxis2: { title: "c", range: [0, 1] },
      zaxis: { title: "z" },
    }),
    {
      title: { text: "a" },
      xaxis: { title: { text: "b" } },
      yaxis2: { title: { text: "c" }, range: [0, 1] },
      zaxis: { title: "z" },
    },
  );
});

test("show sends the bundle once, then one figure per call", () => {
  resetPlotlyLoaded();
  const recorder = recordDisplays();
  try {
    show({ data: [{ type: "bar", x: ["a"], y: [1] }] });
    show({ data: [{ type: "bar", x: ["b"], y: [2] }] });
  } finally {
    recorder.stop();
  }
  const htmls = recorder.outputs.map((o) => String(o.value));
  assert.equal(htmls.length, 3);
  assert.match(htmls[0], /window\.Plotly = Plotly/);
  assert.doesNotMatch(htmls[1], /window\.Plotly = Plotly/);
  assert.match(htmls[2], /"b"/);
});

test("show rejects something that is not a figure, naming the argument", () => {
  assert.throws(
    () => show({ x: [1] } as never),
    /show: figure must be an object with a 'data' array of traces, got an object with keys \[x\]/,
  );
});

import * as fs from "fs";
import { currentDisplay, DisplaySink } from "./display";

/** A plotly trace (scatter, bar, heatmap, ...): passed to Plotly.react as is. */
export type PlotlyTrace = { type?: string } & Record<string, unknown>;

/** A plotly figure, as in plotly.js's `Plotly.react(div, data, layout, config)`. */
export interface PlotlyFigure {
  data: PlotlyTrace[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

const BUNDLE_MODULE = "plotly.js-cartesian-dist-min/plotly-cartesian.min.js";
/** The cell execution that last received the bundle (see ensurePlotlyLoaded); undefined = none yet. */
let bundleSentIn: unknown = undefined;
let figureCounter = 0;
const OUTSIDE_KERNEL = Symbol("outside a kernel");

/** The plotly.js bundle shipped in node_modules, as text (no network involved). */
export function plotlyBundleSource(): string {
  return fs.readFileSync(require.resolve(BUNDLE_MODULE), "utf8");
}

/** A `<script>` element that defines window.Plotly from the local bundle. */
export function plotlyBundleHtml(): string {
  // The bundle has no "</script" in it; guard anyway so the page can never be cut short.
  const source = plotlyBundleSource().replace(/<\/script/gi, "<\\/script");
  return `<script type="text/javascript">${source}</script>`;
}

function validateFigure(figure: PlotlyFigure, caller: string): void {
  if (figure === null || typeof figure !== "object" || !Array.isArray(figure.data)) {
    throw new Error(
      `${caller}: figure must be an object with a 'data' array of traces, got ${describe(figure)}. ` +
        "Pass e.g. { data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }], layout: { title: 'My plot' } }.",
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value === "object" ? `an object with keys [${Object.keys(value as object).join(", ")}]` : String(value);
}

/**
 * plotly.js 3+ ignores the `title: "text"` shorthand of older versions; accept it and
 * pass `{ text }` on, for the figure title and every axis title.
 */
export function normaliseTitles(layout: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...layout };
  if (typeof out["title"] === "string") out["title"] = { text: out["title"] };
  for (const key of Object.keys(out)) {
    const axis = out[key];
    if (
      /^[xy]axis\d*$/.test(key) &&
      axis &&
      typeof axis === "object" &&
      typeof (axis as Record<string, unknown>)["title"] === "string"
    ) {
      out[key] = { ...(axis as Record<string, unknown>), title: { text: (axis as Record<string, unknown>)["title"] } };
    }
  }
  return out;
}

function scriptJson(value: unknown): string {
  // Keeps "</script>" and HTML comments inside strings from ending the script element.
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/**
 * The HTML of one figure: a div, and a script that waits for window.Plotly and draws.
 * If the bundle never arrives (an untrusted notebook), the div says what to do.
 */
export function plotlyFigureHtml(figure: PlotlyFigure, divId?: string): string {
  validateFigure(figure, "plotlyFigureHtml");
  const id = divId ?? `convnet-fig-${process.pid}-${++figureCounter}-${Date.now().toString(36)}`;
  const layout = normaliseTitles({ margin: { t: 50, l: 60, r: 30, b: 50 }, ...(figure.layout ?? {}) });
  const config = { responsive: true, displaylogo: false, ...(figure.config ?? {}) };
  const height = typeof layout["height"] === "number" ? (layout["height"] as number) : 420;
  // The text inside the div is what a notebook shows where scripts do not run (an untrusted
  // notebook: Jupyter keeps the HTML and drops the script); the script replaces it with the chart.
  return (
    `<div id="${id}" class="convnet-plot" style="width:100%;"><p class="convnet-plot-untrusted">${UNTRUSTED_MESSAGE}</p></div>\n` +
    `<script type="text/javascript">(function () {\n` +
    `  var data = ${scriptJson(figure.data)}, layout = ${scriptJson(layout)}, config = ${scriptJson(config)};\n` +
    `  var tries = 0;\n` +
    `  function draw() {\n` +
    `    var div = document.getElementById(${scriptJson(id)});\n` +
    `    if (!div) return;\n` +
    `    if (window.Plotly) { div.textContent = ""; div.style.height = "${height}px"; window.Plotly.react(div, data, layout, config); return; }\n` +
    `    if (++tries < 100) { setTimeout(draw, 100); return; }\n` +
    `    div.textContent = "plotly.js is not loaded in this page. Trust the notebook, or restart the kernel and run all cells.";\n` +
    `  }\n` +
    `  draw();\n` +
    `})();</script>`
  );
}

/** What a figure shows where its script cannot run (untrusted notebook). */
export const UNTRUSTED_MESSAGE =
  "This chart is drawn by a script, and Jupyter runs the scripts of saved outputs only in a trusted notebook. " +
  "Run the cell again to draw it (see the README: trusted notebooks).";

/**
 * Which cell execution is running: tslab hands each execute request a new display writer, so its
 * identity changes from one cell run to the next. Outside a kernel there is one "execution".
 */
function currentExecution(): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- tslab is loaded only inside a kernel
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
    return jupyter.lastWriteDisplayData ?? OUTSIDE_KERNEL;
  } catch {
    return OUTSIDE_KERNEL;
  }
}

/**
 * Sends the plotly.js bundle once per cell execution that draws (every later figure of the same run
 * of the cell reuses it). Once per kernel was not enough: re-running the cell that held the bundle
 * replaces its outputs, so a notebook re-run in the same kernel and saved had no bundle left and its
 * saved charts could not draw. The price is one copy (1.5 MB) per chart cell in a saved notebook.
 */
export function ensurePlotlyLoaded(sink: DisplaySink = currentDisplay()): void {
  const execution = currentExecution();
  if (bundleSentIn === execution) return;
  sink.html(plotlyBundleHtml());
  bundleSentIn = execution;
}

/** Forgets that the bundle was sent (a new page, or a test). */
export function resetPlotlyLoaded(): void {
  bundleSentIn = undefined;
}

/** Draws a plotly figure in the notebook, offline. */
export function show(figure: PlotlyFigure): void {
  validateFigure(figure, "show");
  const sink = currentDisplay();
  ensurePlotlyLoaded(sink);
  sink.html(plotlyFigureHtml(figure));
}

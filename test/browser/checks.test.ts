// The browser checks must be able to fail: a figure without plotly.js, a broken image and a
// page that fetches from the network are each reported.
import { before, after, describe, test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { plotlyFigureHtml } from "../../src/viz/plotly";
import { browserSkip, startChromium, Browser } from "./chromium";
import {
  recordRequests,
  networkRequests,
  figureProblems,
  imageProblems,
  liveChartProblems,
  glyphProblems,
} from "./page-checks";
import { tempDir } from "../helpers";

const figure = { data: [{ type: "bar", x: ["a", "b"], y: [1, 2] }] };
const bundle = require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js");

describe("browser checks", { skip: browserSkip(), timeout: 5 * 60_000 }, () => {
  let browser: Browser;
  let dir: string;

  before(async () => {
    dir = tempDir("checks");
    browser = await startChromium();
  });
  after(async () => {
    if (browser) await browser.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function load(name: string, body: string) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return page;
  }

  test("a figure draws when the page has the plotly bundle", async () => {
    const page = await load(
      "with-bundle.html",
      `<script src="${pathToFileURL(bundle).href}"></script>${plotlyFigureHtml(figure, "fig")}`,
    );
    assert.deepEqual(await figureProblems(page), []);
    await page.close();
  });

  test("the figure check fails on a page whose plotly bundle is missing", async () => {
    const page = await load("no-bundle.html", plotlyFigureHtml(figure, "fig"));
    const problems = await figureProblems(page, { timeoutMs: 3000 });
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0], /figure fig did not draw/);
    await page.close();
  });

  test("the figure check fails on a page with no figure at all", async () => {
    const page = await load("empty.html", "<p>nothing here</p>");
    assert.match((await figureProblems(page, { timeoutMs: 1000 })).join("\n"), /at least 1 plotly figure/);
    await page.close();
  });

  test("the image check reports an image that does not load, and passes a good one", async () => {
    const png =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    const page = await load("images.html", `<img src="${png}"><img src="missing.png">`);
    const problems = await imageProblems(page);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0], /missing\.png/);
    await page.close();
  });

  test("the live-chart check wants one chart with several points, and reports one point or two copies", async () => {
    const live = (x: number[], id: string) =>
      plotlyFigureHtml({ data: [{ type: "scatter", x, y: x }], layout: { title: "live" } }, id);
    const script = `<script src="${pathToFileURL(bundle).href}"></script>`;
    let page = await load("live-good.html", `${script}${live([0, 1, 2], "a")}`);
    await figureProblems(page);
    assert.deepEqual(await liveChartProblems(page, "live"), []);
    await page.close();
    page = await load("live-one-point.html", `${script}${live([0], "a")}`);
    await figureProblems(page);
    assert.match((await liveChartProblems(page, "live")).join(), /holds 1 point/);
    await page.close();
    page = await load("live-two.html", `${script}${live([0, 1], "a")}${live([0, 1], "b")}`);
    await figureProblems(page);
    assert.match((await liveChartProblems(page, "live")).join(), /exactly one live chart.*found 2/);
    await page.close();
  });

  test("the glyph check passes Korean text and reports characters no font has (tofu)", async () => {
    const page = await load("glyphs.html", `<p id="ko">합성곱 신경망</p><p id="pua">x</p>`);
    const korean = await glyphProblems(page, "#ko", "합성곱");
    assert.deepEqual(korean.problems, [], `fonts: ${korean.fonts.join(", ")}`);
    assert.ok(korean.fonts.length > 0, "CDP named no font for the Korean text");
    // Private-use code points: no installed font has them, so they draw as the missing-glyph box.
    const tofu = await glyphProblems(page, "#pua", "\u{10FFFC}\u{10FFFB}");
    assert.ok(tofu.problems.length >= 2, `tofu not reported: ${tofu.problems.join("; ")}`);
    assert.match(tofu.problems.join(), /missing-glyph box \(tofu\)/);
    await page.close();
  });

  test("the request log catches a page that loads from the network", async () => {
    const requests = recordRequests(browser.context);
    // Port 9 on loopback refuses at once; the request is still made and logged.
    const page = await load(
      "network.html",
      `<img src="http://127.0.0.1:9/pixel.png"><script src="http://127.0.0.1:9/lib.js"></script>`,
    );
    await page.waitForTimeout(500);
    const leaving = networkRequests(requests);
    assert.ok(leaving.includes("http://127.0.0.1:9/pixel.png"), `not logged: ${requests.join(", ")}`);
    assert.ok(leaving.includes("http://127.0.0.1:9/lib.js"), `not logged: ${requests.join(", ")}`);
    await page.close();
  });
});

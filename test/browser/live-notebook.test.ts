// A learner's first session: the classic Notebook (started here on loopback) opens 00-welcome,
// runs every cell with the TypeScript kernel, and the chart draws. The lesson file is never
// written: autosave is turned off and every save request is refused (and recorded).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import { projectRoot } from "../helpers";
import { browserSkip, requireChromium, startChromium, screenshotPath, Browser } from "./chromium";
import { figureProblems, imageProblems, recordRequests } from "./page-checks";
import { startNotebookServer, requireClassicNotebook, NotebookServer } from "./notebook-server";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const lib = require(path.join(projectRoot, "scripts", "lib.js"));
const skip =
  browserSkip() ||
  (process.env.CONVNET_SKIP_NOTEBOOKS === "1" ? "notebook execution skipped (CONVNET_SKIP_NOTEBOOKS=1)" : false);
const notebooksDir = path.join(projectRoot, "notebooks");
const lesson = "00-welcome.ipynb";
const RUN_TIMEOUT_MS = 5 * 60_000;

interface Reply {
  index: number;
  status: string;
}

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

test(
  "classic Notebook runs 00-welcome with the TypeScript kernel and draws its chart",
  { skip, timeout: 10 * 60_000 },
  async () => {
    requireChromium();
    requireClassicNotebook();
    const file = path.join(notebooksDir, lesson);
    assert.ok(fs.existsSync(file), `${file} does not exist; the live test opens the welcome lesson.`);
    const before = sha(file);
    let server: NotebookServer | undefined;
    let browser: Browser | undefined;
    const refusedSaves: string[] = [];
    try {
      server = await startNotebookServer(notebooksDir, lib);
      browser = await startChromium();
      const requests = recordRequests(browser.context);
      const page = await browser.context.newPage();
      // The browser must never write the lesson back: refuse anything but reading contents.
      await page.route("**/api/contents/**", (route) => {
        const method = route.request().method();
        if (method === "GET") return route.continue();
        refusedSaves.push(`${method} ${route.request().url()}`);
        return route.abort();
      });
      await page.goto(`${server.url}/notebooks/${lesson}?token=${server.token}`, {
        waitUntil: "load",
        timeout: 60_000,
      });
      await page.waitForFunction(
        () => {
          const nb = (window as unknown as { Jupyter?: { notebook?: { _fully_loaded?: boolean } } }).Jupyter?.notebook;
          return nb?._fully_loaded === true;
        },
        undefined,
        { timeout: 60_000 },
      );
      // Turn autosave off, then wait for the kernel.
      await page.evaluate(() => {
        const nb = (window as unknown as { Jupyter: { notebook: { set_autosave_interval(ms: number): void } } }).Jupyter
          .notebook;
        nb.set_autosave_interval(0);
      });
      await page.waitForFunction(
        () => {
          const kernel = (
            window as unknown as {
              Jupyter: { notebook: { kernel?: { is_connected(): boolean; info_reply?: object; name?: string } } };
            }
          ).Jupyter.notebook.kernel;
          return !!kernel && kernel.is_connected() && !!kernel.info_reply && Object.keys(kernel.info_reply).length > 0;
        },
        undefined,
        { timeout: 90_000 },
      );
      const kernelName = await page.evaluate(
        () =>
          (window as unknown as { Jupyter: { notebook: { kernel: { name: string } } } }).Jupyter.notebook.kernel.name,
      );
      assert.equal(kernelName, lib.KERNEL_NAME, "the notebook did not start the project's TypeScript kernel");

      // Record each code cell's execute reply, then run all.
      const expected = await page.evaluate(() => {
        type Cell = {
          cell_type: string;
          get_text(): string;
          _handle_execute_reply(msg: { content: { status: string } }): void;
        };
        const w = window as unknown as {
          Jupyter: { notebook: { get_cells(): Cell[]; execute_all_cells(): void } };
          __replies: { index: number; status: string }[];
        };
        w.__replies = [];
        let count = 0;
        w.Jupyter.notebook.get_cells().forEach((cell, index) => {
          if (cell.cell_type !== "code" || cell.get_text().trim() === "") return;
          count++;
          const original = cell._handle_execute_reply;
          cell._handle_execute_reply = function (msg) {
            w.__replies.push({ index, status: msg.content.status });
            return original.call(this, msg);
          };
        });
        w.Jupyter.notebook.execute_all_cells();
        return count;
      });
      assert.ok(expected > 0, "the lesson has no code cell");
      await page.waitForFunction(
        (n) => (window as unknown as { __replies: unknown[] }).__replies.length >= n,
        expected,
        { timeout: RUN_TIMEOUT_MS, polling: 500 },
      );
      const replies = await page.evaluate(() => (window as unknown as { __replies: Reply[] }).__replies);
      const stderr = await page.evaluate(() =>
        Array.from(document.querySelectorAll(".output_stderr")).map((e) => (e.textContent ?? "").slice(0, 300)),
      );
      assert.deepEqual(
        replies.filter((r) => r.status !== "ok"),
        [],
        `cells did not run cleanly; stderr: ${stderr.join(" | ")}`,
      );

      assert.deepEqual(await figureProblems(page, { minFigures: 1, timeoutMs: 30_000 }), []);
      assert.deepEqual(await imageProblems(page, { minImages: 1 }), []);
      // Frame the line chart if the lesson still has it, else the first figure.
      const lineChart = page.locator("div.convnet-plot", { hasText: "two activation functions" });
      const chart = (await lineChart.count()) > 0 ? lineChart.first() : page.locator("div.convnet-plot").first();
      await chart.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath("notebook-00-welcome") });

      const outside = requests.filter(
        (u) => !/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(u) && !/^(data|blob|about):/.test(u),
      );
      assert.deepEqual(outside, [], "the Notebook page requested something beyond the loopback server");
    } finally {
      if (browser) await browser.close();
      if (server) await server.stop();
    }
    assert.equal(sha(file), before, `${lesson} was modified by the session`);
    // A save attempt was refused (and would have been a bug in this test's autosave switch-off).
    assert.deepEqual(refusedSaves, [], "the browser tried to save the notebook");
  },
);

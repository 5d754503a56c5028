// A learner's first session in JupyterLab (the one `npm start` opens, started here on loopback):
// open 00-welcome in Lab's UI, Run All with the TypeScript kernel, check what the page shows, save;
// run it again in the same kernel and save (the saved charts must still draw); then reopen the
// saved notebook as a learner would, trusted (the server signed it) and untrusted (a copy from
// elsewhere), and check what Lab shows in each case. Works on a copy: the lesson is never written.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import { projectRoot } from "../helpers";
import { browserSkip, requireChromium, startChromium, screenshotPath, Browser } from "./chromium";
import { figureProblems, imageProblems, liveChartProblems, glyphProblems, recordRequests } from "./page-checks";
import { startLabServer, requireLab, NotebookServer } from "./notebook-server";
import {
  recordKernelMessages,
  waitForIdleKernel,
  kernelSpecNames,
  openInLab,
  runAllCells,
  saveInLab,
  paletteCommand,
} from "./lab-ui";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const lib = require(path.join(projectRoot, "scripts", "lib.js"));
const skip =
  browserSkip() ||
  (process.env.CONVNET_SKIP_NOTEBOOKS === "1" ? "notebook execution skipped (CONVNET_SKIP_NOTEBOOKS=1)" : false);
const lesson = "00-welcome.ipynb";
const untrustedCopy = "00-welcome-from-elsewhere.ipynb";
const RUN_TIMEOUT_MS = 5 * 60_000;
const BUNDLE_MARK = "window.Plotly = Plotly";

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

interface Notebook {
  cells: { cell_type: string; source: string | string[]; outputs?: { data?: Record<string, string | string[]> }[] }[];
  metadata: Record<string, unknown>;
}
const readNotebook = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
const text = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);
const codeCells = (nb: Notebook) =>
  nb.cells.filter((c) => c.cell_type === "code" && text(c.source).trim() !== "").length;
/** How many outputs of the saved notebook carry the plotly bundle. */
const bundlesIn = (nb: Notebook) =>
  nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => text(o.data?.["text/html"] ?? "").includes(BUNDLE_MARK))
    .length;

/** A scratch project: notebooks/<lesson copy> with ../dist pointing at the built library. */
function scratchProject(): { dir: string; notebooks: string } {
  const parent = path.join(projectRoot, "out", "test-artifacts");
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, "lab-session-"));
  fs.symlinkSync(path.join(projectRoot, "dist"), path.join(dir, "dist"), "junction");
  const notebooks = path.join(dir, "notebooks");
  fs.mkdirSync(notebooks);
  fs.copyFileSync(path.join(projectRoot, "notebooks", lesson), path.join(notebooks, lesson));
  return { dir, notebooks };
}

test(
  "JupyterLab runs 00-welcome with the TypeScript kernel, saves it, and shows the saved charts when trusted",
  { skip, timeout: 15 * 60_000 },
  async () => {
    requireChromium();
    const lab = requireLab(lib);
    const lessonFile = path.join(projectRoot, "notebooks", lesson);
    const lessonBefore = sha(lessonFile);
    const scratch = scratchProject();
    const copy = path.join(scratch.notebooks, lesson);
    const expectedCells = codeCells(readNotebook(copy));
    let server: NotebookServer | undefined;
    let browser: Browser | undefined;
    const timings: string[] = [];
    try {
      const started = Date.now();
      server = await startLabServer(scratch.notebooks, lib);
      timings.push(`server up ${Date.now() - started} ms (${lab.describe})`);
      assert.ok(
        (await kernelSpecNames(server.url, server.token)).includes(lib.KERNEL_NAME),
        "the TypeScript kernel is not in JupyterLab's kernel list",
      );

      browser = await startChromium();
      const requests = recordRequests(browser.context);
      let page = await browser.context.newPage();
      const messages = recordKernelMessages(page);
      const shellStart = Date.now();
      await openInLab(page, server.url, server.token, lesson);
      assert.equal(
        await waitForIdleKernel(page, server.url, server.token, lesson),
        lib.KERNEL_NAME,
        "the lesson did not start the project's TypeScript kernel",
      );
      timings.push(`Lab shell + idle kernel ${Date.now() - shellStart} ms`);

      // 1. Run All in Lab's UI: every cell must answer "ok".
      const runStart = Date.now();
      const run1 = await runAllCells(page, messages, expectedCells, RUN_TIMEOUT_MS);
      timings.push(`Run All ${Date.now() - runStart} ms`);
      const replies = run1.filter((m) => m.msgType === "execute_reply");
      assert.equal(replies.length, expectedCells, `expected ${expectedCells} execute replies, got ${replies.length}`);
      const stderr = await page
        .locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        .allTextContents();
      assert.deepEqual(
        replies.filter((r) => r.status !== "ok"),
        [],
        `cells did not run cleanly; stderr: ${stderr.join(" | ").slice(0, 2000)}`,
      );
      assert.deepEqual(stderr, [], "a cell wrote to stderr");

      // 2. What the learner sees: charts drawn, the image, the live chart updated in place, Korean glyphs.
      assert.deepEqual(await figureProblems(page, { minFigures: 3, timeoutMs: 30_000 }), []);
      assert.deepEqual(await imageProblems(page, { minImages: 1 }), []);
      assert.deepEqual(await liveChartProblems(page, "a live chart"), []);
      assert.ok(
        run1.filter((m) => m.msgType === "update_display_data").length > 1,
        "the live chart was never updated in place (update_display_data)",
      );
      const korean = await glyphProblems(page, ".jp-MarkdownCell .jp-RenderedMarkdown", "합성곱 신경망");
      assert.deepEqual(korean.problems, [], `Korean text does not render; fonts used: ${korean.fonts.join(", ")}`);
      timings.push(`Korean drawn with: ${korean.fonts.join(", ")}`);
      const lineChart = page.locator("div.convnet-plot", { hasText: "two activation functions" }).first();
      await lineChart.scrollIntoViewIfNeeded();
      // Lab renders cells lazily as they scroll in: wait until the chart is on screen before the picture.
      await lineChart.locator("svg.main-svg").first().waitFor({ state: "visible", timeout: 30_000 });
      await page.waitForTimeout(1000);
      await page.screenshot({ path: screenshotPath("lab-00-welcome") });

      // 3. Save, run all again in the same kernel, save again: the saved notebook must still hold the
      // plotly bundle (it was sent once per kernel before, so the second run saved charts that could not draw).
      await saveInLab(page);
      assert.ok(bundlesIn(readNotebook(copy)) >= 1, "the first saved notebook holds no plotly bundle");
      const run2 = await runAllCells(page, messages, expectedCells, RUN_TIMEOUT_MS);
      assert.deepEqual(
        run2.filter((m) => m.msgType === "execute_reply" && m.status !== "ok"),
        [],
      );
      assert.equal(run2.filter((m) => m.msgType === "execute_reply").length, expectedCells);
      await saveInLab(page);
      const saved = readNotebook(copy);
      assert.ok(
        bundlesIn(saved) >= 1,
        "after a second Run All in the same kernel the saved notebook holds no plotly bundle",
      );
      await page.close();

      // 4. Reopen the saved notebook (trusted: this server signed it when it saved): the saved charts draw, nothing re-run.
      page = await browser.context.newPage();
      const reopened = recordKernelMessages(page);
      await openInLab(page, server.url, server.token, lesson);
      assert.deepEqual(
        await figureProblems(page, { minFigures: 3, timeoutMs: 30_000 }),
        [],
        "saved charts did not draw in the reopened, trusted notebook",
      );
      assert.deepEqual(await imageProblems(page, { minImages: 1 }), []);
      assert.equal(
        reopened.filter((m) => m.msgType === "execute_reply").length,
        0,
        "reopening ran cells; the charts must come from the saved outputs",
      );
      await page.close();

      // 5. The same notebook from elsewhere (not signed here): Lab drops the scripts of its saved
      // outputs, so each chart shows our message instead; "Trust Notebook" from the command palette
      // draws them.
      fs.writeFileSync(
        path.join(scratch.notebooks, untrustedCopy),
        JSON.stringify({ ...saved, metadata: { ...saved.metadata, convnet_copied: true } }, null, 1),
      );
      page = await browser.context.newPage();
      await openInLab(page, server.url, server.token, untrustedCopy);
      await page.locator("div.convnet-plot").first().waitFor({ state: "attached", timeout: 30_000 });
      const untrusted = await figureProblems(page, { minFigures: 3, timeoutMs: 5000 });
      const figures = await page.locator("div.convnet-plot").count();
      assert.equal(
        untrusted.length,
        figures,
        `in an untrusted notebook no saved chart should draw, yet: ${untrusted.join("; ")}`,
      );
      const messagesShown = await page.locator("div.convnet-plot .convnet-plot-untrusted").allTextContents();
      assert.equal(messagesShown.length, figures, "every undrawn chart must say why");
      assert.match(messagesShown[0], /trusted notebook.*Run the cell again/);
      await page.locator("div.convnet-plot").first().scrollIntoViewIfNeeded();
      await page
        .locator("div.convnet-plot .convnet-plot-untrusted")
        .first()
        .waitFor({ state: "visible", timeout: 30_000 });
      await page.waitForTimeout(1000);
      await page.screenshot({ path: screenshotPath("lab-00-welcome-untrusted") });
      await paletteCommand(page, "Trust Notebook");
      await page.locator(".jp-Dialog-button", { hasText: /^Trust$/ }).click();
      assert.deepEqual(
        await figureProblems(page, { minFigures: 3, timeoutMs: 30_000 }),
        [],
        "after Trust Notebook the saved charts should draw",
      );
      await page.close();

      const outside = requests.filter(
        (u) => !/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(u) && !/^(data|blob|about):/.test(u),
      );
      assert.deepEqual(outside, [], "the Lab page requested something beyond the loopback server");
      console.log(`# lab timings: ${timings.join("; ")}`);
    } finally {
      if (browser) await browser.close();
      if (server) await server.stop();
      fs.rmSync(scratch.dir, { recursive: true, force: true });
    }
    assert.equal(sha(lessonFile), lessonBefore, `${lesson} was modified by the session`);
  },
);

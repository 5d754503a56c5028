// The rendered course site in headless Chromium: pages load, every plotly figure draws, images
// show, formulas render, links between pages work, and nothing is requested from the network.
// The site is built from 00-welcome plus a small fixture lesson (npm run site builds them all).
// To check a site built by `npm run site` instead: CONVNET_SITE_DIR=out/site node --test build-test/test/browser/site.test.js
import { describe, before, after, test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL, fileURLToPath } from "url";
import { spawnSync } from "child_process";
import { Page } from "playwright-core";
import { projectRoot } from "../helpers";
import { browserSkip, requireChromium, startChromium, screenshotPath, Browser } from "./chromium";
import { recordRequests, networkRequests, figureProblems, imageProblems } from "./page-checks";

interface Manifest {
  index: string;
  glossary: string;
  mathjax: boolean;
  lessons: { name: string; title: string; page: string; ok: boolean; problems: string[] }[];
}

const existingSite = process.env.CONVNET_SITE_DIR ? path.resolve(process.env.CONVNET_SITE_DIR) : null;
const skip =
  browserSkip() ||
  (!existingSite && process.env.CONVNET_SKIP_NOTEBOOKS === "1"
    ? "notebook execution skipped (CONVNET_SKIP_NOTEBOOKS=1)"
    : false);
const siteDir = existingSite ?? path.join(projectRoot, "out", "test-site");
const fixture = path.join(projectRoot, "test", "browser", "fixtures", "99-site-fixture.ipynb");
const welcome = path.join(projectRoot, "notebooks", "00-welcome.ipynb");

describe("course site in a browser", { skip, timeout: 15 * 60_000 }, () => {
  let manifest: Manifest;
  let browser: Browser;
  let requests: string[];
  let page: Page;

  before(async () => {
    requireChromium(); // fail early and clearly, before spending time on the build
    if (existingSite) {
      assert.ok(
        fs.existsSync(path.join(siteDir, "site.json")),
        `CONVNET_SITE_DIR=${siteDir} has no site.json; build it first with npm run site.`,
      );
    } else {
      const lessons = [...(fs.existsSync(welcome) ? [welcome] : []), fixture];
      const build = spawnSync(
        process.execPath,
        [path.join(projectRoot, "scripts", "build-site.js"), ...lessons, "--out", siteDir],
        { encoding: "utf8", cwd: projectRoot },
      );
      assert.equal(build.status, 0, `build-site failed:\n${build.stdout}\n${build.stderr}`);
    }
    manifest = JSON.parse(fs.readFileSync(path.join(siteDir, "site.json"), "utf8")) as Manifest;
    browser = await startChromium();
    requests = recordRequests(browser.context);
    page = await browser.context.newPage();
  });

  after(async () => {
    if (browser) await browser.close();
  });

  const url = (rel: string) => pathToFileURL(path.join(siteDir, rel)).href;

  async function open(rel: string): Promise<void> {
    const response = await page.goto(url(rel), { waitUntil: "load" });
    assert.ok(response === null || response.ok(), `${rel} did not load`);
  }

  /** Every relative link of the open page points at a file of the site. */
  async function brokenLinks(): Promise<string[]> {
    const hrefs = await page.evaluate(() =>
      Array.from(document.querySelectorAll("a[href]")).map((a) => (a as HTMLAnchorElement).href),
    );
    return hrefs
      .filter((href) => href.startsWith("file:"))
      .map((href) => fileURLToPath(href.split("#")[0].split("?")[0]))
      .filter((file) => !fs.existsSync(file))
      .map((file) => path.relative(siteDir, file));
  }

  test("the index lists every lesson with its title, and the glossary is linked", async () => {
    await open("index.html");
    const links = await page.evaluate(() =>
      Array.from(document.querySelectorAll("a[href]")).map((a) => ({
        text: a.textContent ?? "",
        href: a.getAttribute("href") ?? "",
      })),
    );
    for (const lesson of manifest.lessons) {
      assert.ok(
        links.some((l) => l.href === lesson.page && l.text.includes(lesson.title)),
        `index has no link to ${lesson.page} titled ${lesson.title}`,
      );
    }
    assert.ok(
      links.some((l) => l.href === "glossary.html"),
      "index does not link the glossary",
    );
    assert.deepEqual(await brokenLinks(), []);
    await page.screenshot({ path: screenshotPath("site-index") });
  });

  test("the glossary page shows the English–Korean terms", async () => {
    await open("glossary.html");
    const text = await page.evaluate(() => document.body.innerText);
    for (const term of ["합성곱", "convolution", "패딩", "stride", "수용 영역", "은닉 상태"])
      assert.ok(text.includes(term), `glossary lacks ${term}`);
    assert.ok((await page.locator("table").count()) > 0, "glossary has no table");
    await page.screenshot({ path: screenshotPath("site-glossary") });
    assert.deepEqual(await brokenLinks(), []);
  });

  test("every lesson page loads, its figures draw, its images show, and its links work", async () => {
    assert.ok(manifest.lessons.length >= 1, "the test site has no lesson");
    for (const lesson of manifest.lessons) {
      assert.ok(lesson.ok, `${lesson.name} did not run: ${lesson.problems.join("; ")}`);
      await open(lesson.page);
      const isFixture = lesson.name === "99-site-fixture";
      // Every figure div written into the page must draw (the fixture has two).
      const written = fs.readFileSync(path.join(siteDir, lesson.page), "utf8").split('class="convnet-plot"').length - 1;
      assert.deepEqual(
        await figureProblems(page, { minFigures: Math.max(written, isFixture ? 2 : 0) }),
        [],
        `${lesson.page}: figures`,
      );
      assert.deepEqual(await imageProblems(page, { minImages: isFixture ? 1 : 0 }), [], `${lesson.page}: images`);
      assert.deepEqual(await brokenLinks(), [], `${lesson.page}: broken links`);
      await page.locator("div.convnet-plot").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`site-${lesson.name}`) });
    }
  });

  test("formulas are typeset by the local MathJax", async (t) => {
    if (!manifest.mathjax) {
      t.skip("no local MathJax was found when the site was built (Debian: libjs-mathjax)");
      return;
    }
    const withMath = manifest.lessons.find((l) => l.name === "99-site-fixture");
    if (!withMath) {
      t.skip("this site has no fixture page with a formula");
      return;
    }
    await open(withMath.page);
    await page.waitForSelector(".MathJax_SVG svg", { timeout: 20_000 });
  });

  test("previous / index / next links lead from lesson to lesson", async () => {
    const lessons = manifest.lessons;
    for (let i = 0; i < lessons.length; i++) {
      await open(lessons[i].page);
      const nav = await page.evaluate(() => {
        const href = (sel: string) => (document.querySelector(sel) as HTMLAnchorElement | null)?.href ?? null;
        return {
          prev: href(".convnet-nav-top a[rel=prev]"),
          next: href(".convnet-nav-top a[rel=next]"),
          index: href(".convnet-nav-top a[rel=index]"),
        };
      });
      assert.equal(nav.prev, i > 0 ? url(lessons[i - 1].page) : null, `${lessons[i].name}: previous link`);
      assert.equal(nav.next, i + 1 < lessons.length ? url(lessons[i + 1].page) : null, `${lessons[i].name}: next link`);
      assert.equal(nav.index, url("index.html"), `${lessons[i].name}: index link`);
    }
    // Follow the links by clicking, as a reader would.
    await open("index.html");
    await page.click(`a[href="${lessons[0].page}"]`);
    assert.equal(page.url(), url(lessons[0].page));
    if (lessons.length > 1) {
      await page.click(".convnet-nav-top a[rel=next]");
      assert.equal(page.url(), url(lessons[1].page));
      await page.click(".convnet-nav-bottom a[rel=prev]");
      assert.equal(page.url(), url(lessons[0].page));
    }
    await page.click(".convnet-nav-top a[rel=index]");
    assert.equal(page.url(), url("index.html"));
  });

  test("no page requested anything from the network", () => {
    assert.ok(
      requests.some((r) => r.endsWith("/assets/plotly-cartesian.min.js")),
      `the request log missed the local plotly bundle, so it cannot be trusted: ${requests.slice(0, 10).join(", ")}`,
    );
    assert.deepEqual(networkRequests(requests), []);
  });
});

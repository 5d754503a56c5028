// The site builder's parts, without a browser or a kernel.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { projectRoot, tempDir } from "../helpers";

/* eslint-disable @typescript-eslint/no-var-requires */
const { parseArgs } = require(path.join(projectRoot, "scripts", "cli.js")) as {
  parseArgs(spec: unknown, argv: string[]): unknown;
};
const { SPEC, siteOptions, openSiteFolder } = require(path.join(projectRoot, "scripts", "site", "options.js")) as {
  SPEC: unknown;
  siteOptions(args: unknown): { lessons: string[]; out: string; glossary: string };
  openSiteFolder(out: string): { dir: string; manifestName: string; write(rel: string, content: string): string };
};
const { rewriteLinks, networkReferences, shareBundle, shareStyles, missingLocalFiles } = require(
  path.join(projectRoot, "scripts", "site", "postprocess.js"),
) as {
  missingLocalFiles(html: string, pageDir: string): string[];
  shareStyles(
    html: string,
    save: (name: string, css: string) => void,
    href: (name: string) => string,
    minLength?: number,
  ): { html: string; shared: number };
  rewriteLinks(html: string, targets: Map<string, string>, pageDir: string): { html: string; unresolved: string[] };
  networkReferences(html: string): string[];
  shareBundle(html: string, bundleHtml: string, src: string): { html: string; replaced: number };
};
const { lessonInfo } = require(path.join(projectRoot, "scripts", "site", "lesson-info.js")) as {
  lessonInfo(file: string): { name: string; title: string; summary: string };
};
const { indexMarkdown } = require(path.join(projectRoot, "scripts", "site", "index-page.js")) as {
  indexMarkdown(lessons: { title: string; summary: string; href: string; failed?: boolean }[]): string;
};
/* eslint-enable @typescript-eslint/no-var-requires */

const tmp = () => tempDir("site-test");

const parseSiteArgs = (argv: string[]) => siteOptions(parseArgs(SPEC, argv));

test("options: lessons, --out and --glossary; unknown or empty options are named", () => {
  const options = parseSiteArgs(["00", "--out", "/tmp/x", "02-convolution"]);
  assert.deepEqual(options.lessons, ["00", "02-convolution"]);
  assert.equal(options.out, "/tmp/x");
  assert.equal(parseSiteArgs([]).out, path.join(projectRoot, "out", "site"));
  assert.throws(
    () => parseSiteArgs(["--outt", "x"]),
    /unknown option "--outt"; did you mean --out\? Known options: --out DIR, --glossary FILE/,
  );
  assert.throws(() => parseSiteArgs(["--out"]), /--out needs a value \(DIR\), got nothing/);
  assert.throws(() => parseSiteArgs(["--out", "--glossary", "g.md"]), /--out needs a value \(DIR\), got "--glossary"/);
});

test("the output folder: a user's folder is never used, project folders are refused, an earlier site is reopened as it is", () => {
  const dir = tmp();
  const userFile = path.join(dir, "notes.txt");
  fs.writeFileSync(userFile, "mine");
  assert.throws(() => openSiteFolder(dir), /is not empty and was not made by build-site/);
  assert.equal(fs.readFileSync(userFile, "utf8"), "mine");
  assert.throws(() => openSiteFolder(projectRoot), /holds the project itself/);
  assert.throws(
    () => openSiteFolder(path.join(projectRoot, "notebooks")),
    /inside .*notebooks, which holds the project's sources/,
  );
  assert.throws(
    () => openSiteFolder(path.join(projectRoot, "src", "site")),
    /inside .*src, which holds the project's sources/,
  );
  assert.equal(fs.existsSync(path.join(projectRoot, "src", "site")), false);
  assert.throws(() => openSiteFolder("relative/site"), /must be an absolute folder path/);

  const siteDir = path.join(dir, "site");
  const site = openSiteFolder(siteDir);
  site.write("index.html", "page");
  fs.writeFileSync(path.join(siteDir, "added-by-me.txt"), "mine");
  const again = openSiteFolder(siteDir); // an earlier site, with the user's file in it: opened, nothing removed
  assert.equal(again.dir, fs.realpathSync(siteDir));
  assert.deepEqual(fs.readdirSync(siteDir).sort(), [site.manifestName, "added-by-me.txt", "index.html"].sort());
  fs.rmSync(dir, { recursive: true, force: true });
});

test("links to lessons and the glossary become links to site pages", () => {
  const targets = new Map([
    ["glossary.md", "glossary.html"],
    ["02-convolution.ipynb", "lessons/02-convolution.html"],
  ]);
  const html =
    '<a href="glossary.md">g</a> <a href="02-convolution.ipynb#padding">p</a> <a href="https://example.org/x.md">e</a> <a href="#top">t</a> <a href="05-missing.ipynb">m</a>';
  const fromLesson = rewriteLinks(html, targets, "lessons");
  assert.match(fromLesson.html, /href="\.\.\/glossary\.html"/);
  assert.match(fromLesson.html, /href="02-convolution\.html#padding"/);
  assert.match(fromLesson.html, /href="https:\/\/example\.org\/x\.md"/);
  assert.match(fromLesson.html, /href="#top"/);
  assert.deepEqual(fromLesson.unresolved, ["05-missing.ipynb"]);
  assert.match(rewriteLinks(html, targets, "").html, /href="lessons\/02-convolution\.html#padding"/);
});

test("network references are found in tags and CSS, but not in plain links or data URIs", () => {
  const page = [
    '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>',
    '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">',
    "<style>@import 'https://example.org/a.css'; .x { background: url(http://example.org/b.png) }</style>",
    "<img src='http://example.org/c.png'>",
    '<a href="https://jupyter.org">a link is not a load</a>',
    '<img src="data:image/png;base64,AAAA"> <svg xmlns="http://www.w3.org/2000/svg"></svg>',
    '<script src="../assets/plotly-cartesian.min.js"></script>',
  ].join("\n");
  const found = networkReferences(page);
  assert.equal(found.length, 5, found.join("\n"));
  assert.ok(found.some((f) => f.includes("require.min.js")));
  assert.ok(found.some((f) => f.includes("fonts.googleapis.com")));
  assert.ok(found.some((f) => f.includes("a.css")));
  assert.ok(found.some((f) => f.includes("b.png")));
  assert.ok(found.some((f) => f.includes("c.png")));
  assert.deepEqual(networkReferences('<a href="https://x.org">x</a><img src="a.png">'), []);
});

test("every inline copy of the plotly bundle is replaced by one local script", () => {
  const bundle = `<script type="text/javascript">${"x".repeat(2000)}</script>`;
  const result = shareBundle(`<p>a</p>${bundle}<p>b</p>${bundle}`, bundle, "../assets/plotly.js");
  assert.equal(result.replaced, 2);
  assert.equal(
    result.html,
    '<p>a</p><script type="text/javascript" src="../assets/plotly.js"></script><p>b</p><script type="text/javascript" src="../assets/plotly.js"></script>',
  );
  assert.throws(() => shareBundle("x", "", "y"), /bundleHtml must be the bundle's <script> element/);
});

test("large inline styles move to one shared stylesheet; small ones stay", () => {
  const big = ".jp-Cell { color: red }".repeat(10);
  const saved = new Map<string, string>();
  const page = `<style type="text/css">${big}</style><style type="text/css">.small{}</style>`;
  const result = shareStyles(
    page,
    (name, css) => saved.set(name, css),
    (name) => `../assets/${name}`,
    100,
  );
  assert.equal(result.shared, 1);
  const [[name, css]] = [...saved];
  assert.equal(css, big);
  assert.equal(result.html, `<link rel="stylesheet" href="../assets/${name}"><style type="text/css">.small{}</style>`);
  assert.equal(
    shareStyles(
      page,
      () => undefined,
      (n) => n,
      100,
    ).html,
    result.html.replace(`../assets/${name}`, name),
  );
});

test("references to local files that do not exist are found", () => {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "assets", "site.css"), "");
  const html =
    '<link rel="stylesheet" href="assets/site.css"><img src="images/nope.png"><script src="assets/gone.js?x=1"></script><img src="data:image/png;base64,AA"><img src="http://x.org/a.png">';
  assert.deepEqual(missingLocalFiles(html, dir), ["images/nope.png", "assets/gone.js?x=1"]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a lesson's title and first paragraph come from its first markdown cell", () => {
  const info = lessonInfo(path.join(projectRoot, "test", "browser", "fixtures", "99-site-fixture.ipynb"));
  assert.equal(info.name, "99-site-fixture");
  assert.equal(info.title, "99 · Site fixture");
  assert.match(info.summary, /^A tiny page for the site's browser test/);
  assert.throws(() => lessonInfo("notes.txt"), /must be a path ending in \.ipynb/);
});

test("the index lists lessons in order with links, and marks a lesson that failed", () => {
  const md = indexMarkdown([
    { title: "00 · Welcome", summary: "Start here.", href: "lessons/00-welcome.html" },
    { title: "01 · Images", summary: "", href: "lessons/01-images.html", failed: true },
  ]);
  assert.ok(
    md.indexOf("[00 · Welcome](lessons/00-welcome.html)") < md.indexOf("[01 · Images](lessons/01-images.html)"),
  );
  assert.match(md, /Start here\./);
  assert.match(md, /01-images\.html\) <span class="convnet-lesson-failed">/);
  assert.throws(
    () => indexMarkdown([{ title: "", summary: "", href: "x.html" }]),
    /lesson\.title must be a non-empty string/,
  );
});

// `npm run site [-- lessons...] [--out DIR] [--glossary FILE]`: executes the lessons at their
// default size through the headless runner and renders a static course site (default out/site):
// an index, one page per lesson with its outputs and interactive plotly figures, previous /
// index / next links, the glossary, and nothing loaded from the network.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { root, listNotebooks, findNotebookPython, ensureBuilt } = require("./lib");
const { resolveNotebook } = require("./run-notebooks");
const { parseSiteArgs, prepareOutDir, USAGE } = require("./site/options");
const { lessonInfo } = require("./site/lesson-info");
const { indexMarkdown } = require("./site/index-page");
const { findMathJax, copyMathJax } = require("./site/mathjax");
const { shareBundle, shareStyles, rewriteLinks, networkReferences, missingLocalFiles } = require("./site/postprocess");

const LESSONS = "lessons";
const ASSETS = "assets";
const PLOTLY_FILE = "plotly-cartesian.min.js";

function fail(message) {
  console.error(`build-site: ${message}`);
  process.exit(2);
}

/** Runs the lessons through scripts/run-notebooks.js; returns { [notebookPath]: { ok, problems } }. */
function executeLessons(notebooks, lessonsDir, workDir) {
  if (notebooks.length === 0) return {};
  const json = path.join(workDir, "run.json");
  const runner = path.join(__dirname, "run-notebooks.js");
  console.log(`site: executing ${notebooks.length} lesson(s) at default size ...`);
  const result = spawnSync(process.execPath, [runner, ...notebooks, "--out", lessonsDir, "--no-html", "--json", json], { stdio: "inherit", cwd: root });
  const report = fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, "utf8")) : [];
  const byPath = {};
  for (const r of report) byPath[path.resolve(root, "notebooks", r.notebook)] = r;
  const results = {};
  for (const nb of notebooks) {
    results[nb] = byPath[nb] ?? { ok: false, problems: [`the runner gave no result for it (exit code ${result.status}); see its output above`] };
  }
  return results;
}

function siteTargets(lessons) {
  const targets = new Map([["glossary.md", "glossary.html"], ["glossary.html", "glossary.html"], ["index.html", "index.html"]]);
  for (const l of lessons) {
    targets.set(`${l.name}.ipynb`, `${LESSONS}/${l.name}.html`);
    targets.set(`${l.name}.html`, `${LESSONS}/${l.name}.html`);
  }
  return targets;
}

function main() {
  let options;
  try {
    options = parseSiteArgs(process.argv.slice(2));
  } catch (error) {
    fail(error.message);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const python = findNotebookPython();
  if (!python) fail("no Python with nbclient and nbconvert was found. Debian/Ubuntu: sudo apt-get install jupyter-nbconvert python3-nbclient; elsewhere: python3 -m pip install nbclient nbconvert. Or set CONVNET_PYTHON to such a Python.");
  if (!fs.existsSync(options.glossary)) fail(`--glossary ${options.glossary} does not exist. Pass the glossary's markdown file (default notebooks/glossary.md).`);
  let notebooks;
  try {
    notebooks = options.lessons.length ? options.lessons.map(resolveNotebook) : listNotebooks();
  } catch (error) {
    fail(error.message);
  }
  const names = notebooks.map((nb) => path.basename(nb, ".ipynb"));
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) fail(`two lessons are named ${duplicate}.ipynb; pages are named after the file, so each lesson needs its own name.`);
  try {
    prepareOutDir(options.out);
  } catch (error) {
    fail(error.message);
  }
  ensureBuilt();
  const out = options.out;
  const lessonsDir = path.join(out, LESSONS);
  const assetsDir = path.join(out, ASSETS);
  fs.mkdirSync(lessonsDir, { recursive: true });
  fs.mkdirSync(assetsDir, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "convnet-site-"));

  try {
    const results = executeLessons(notebooks, lessonsDir, workDir);

    // Assets: the plotly bundle (shared by every page), the site's CSS, a local MathJax.
    fs.copyFileSync(require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js", { paths: [root] }), path.join(assetsDir, PLOTLY_FILE));
    fs.copyFileSync(path.join(__dirname, "site", "site.css"), path.join(assetsDir, "site.css"));
    const mathjaxSource = findMathJax();
    const mathjaxScript = mathjaxSource ? copyMathJax(mathjaxSource, path.join(assetsDir, "mathjax")) : null;
    if (!mathjaxSource) console.warn("site: warning: no local MathJax 2.7 found (Debian: sudo apt-get install libjs-mathjax); formulas are shown as TeX text.");

    const lessons = notebooks.map((nb, i) => {
      const info = lessonInfo(nb);
      const executed = path.join(lessonsDir, `${info.name}.ipynb`);
      return { ...info, source: nb, executed: fs.existsSync(executed) ? executed : null, ok: results[nb].ok, problems: results[nb].problems, index: i };
    });

    const urls = (dir) => {
      const up = dir ? "../" : "";
      return {
        css_url: `${up}${ASSETS}/site.css`,
        mathjax_url: mathjaxScript ? `${up}${ASSETS}/mathjax/${mathjaxScript}` : "",
        index_href: `${up}index.html`,
        glossary_href: `${up}glossary.html`,
      };
    };
    const pages = [];
    pages.push({
      output: path.join(out, "index.html"),
      title: "convnet-lab course",
      source_dir: path.dirname(notebooks[0] ?? path.join(root, "notebooks", "x")),
      markdown: indexMarkdown(lessons.map((l) => ({ title: l.title, summary: l.summary, href: `${LESSONS}/${l.name}.html`, failed: !l.ok }))),
      convnet: { ...urls(""), prev: null, next: lessons[0] ? { href: `${LESSONS}/${lessons[0].name}.html`, title: lessons[0].title } : null, banner: "" },
      dir: "",
    });
    pages.push({
      output: path.join(out, "glossary.html"),
      title: "Glossary (용어집) — convnet-lab",
      source_dir: path.dirname(options.glossary),
      markdown: fs.readFileSync(options.glossary, "utf8"),
      convnet: { ...urls(""), prev: null, next: null, banner: "" },
      dir: "",
    });
    for (const l of lessons) {
      const prev = lessons[l.index - 1];
      const next = lessons[l.index + 1];
      const banner = l.ok
        ? ""
        : `This lesson did not run cleanly when the site was built; outputs after the first problem are missing.\n${l.problems.join("\n")}`;
      pages.push({
        output: path.join(lessonsDir, `${l.name}.html`),
        title: `${l.title} — convnet-lab`,
        source_dir: path.dirname(l.source),
        notebook: l.executed ?? l.source,
        convnet: {
          ...urls(LESSONS),
          prev: prev ? { href: `${prev.name}.html`, title: prev.title } : null,
          next: next ? { href: `${next.name}.html`, title: next.title } : null,
          banner,
        },
        dir: LESSONS,
      });
    }

    const job = path.join(workDir, "job.json");
    fs.writeFileSync(job, JSON.stringify({ template_dir: path.join(__dirname, "site", "templates"), pages }, null, 1));
    const render = spawnSync(python, [path.join(__dirname, "site", "render_pages.py"), job], { stdio: "inherit" });
    if (render.status !== 0) fail(`rendering the pages with nbconvert failed (exit code ${render.status}); see the errors above.`);

    // Post-process: one shared plotly bundle, links to site pages, and no network loads.
    const { plotlyBundleHtml } = require(path.join(root, "dist", "viz", "plotly.js"));
    const bundleHtml = plotlyBundleHtml();
    const targets = siteTargets(lessons);
    const network = [];
    const saveAsset = (name, content) => {
      const file = path.join(assetsDir, name);
      if (!fs.existsSync(file)) fs.writeFileSync(file, content);
    };
    for (const page of pages) {
      let html = fs.readFileSync(page.output, "utf8");
      const up = page.dir ? "../" : "";
      html = shareBundle(html, bundleHtml, `${up}${ASSETS}/${PLOTLY_FILE}`).html;
      html = shareStyles(html, saveAsset, (name) => `${up}${ASSETS}/${name}`).html;
      const linked = rewriteLinks(html, targets, page.dir);
      html = linked.html;
      for (const target of linked.unresolved) console.warn(`site: warning: ${path.relative(out, page.output)} links to ${target}, which is not a page of this site.`);
      for (const ref of networkReferences(html)) network.push(`${path.relative(out, page.output)}: ${ref}`);
      fs.writeFileSync(page.output, html);
    }
    const missing = [];
    for (const page of pages) {
      const html = fs.readFileSync(page.output, "utf8");
      for (const ref of missingLocalFiles(html, path.dirname(page.output))) missing.push(`${path.relative(out, page.output)}: ${ref}`);
    }

    const manifest = {
      index: "index.html",
      glossary: "glossary.html",
      mathjax: Boolean(mathjaxScript),
      lessons: lessons.map((l) => ({ name: l.name, title: l.title, page: `${LESSONS}/${l.name}.html`, ok: l.ok, problems: l.problems })),
    };
    fs.writeFileSync(path.join(out, "site.json"), JSON.stringify(manifest, null, 2) + "\n");

    const failed = lessons.filter((l) => !l.ok);
    if (network.length) {
      console.error(`build-site: these pages would load from the network (the site must work offline):\n  ${network.join("\n  ")}\nRemove the reference from the lesson, or ship the file locally.`);
    }
    if (missing.length) {
      console.error(`build-site: these pages refer to files that do not exist (a broken image or script):\n  ${missing.join("\n  ")}\nFix the path in the lesson (relative to the notebook's folder).`);
    }
    for (const l of failed) console.error(`build-site: lesson ${l.name} did not run cleanly:\n    ${l.problems.join("\n    ")}`);
    console.log(`site: ${lessons.length} lesson(s), ${failed.length} failed -> ${path.join(out, "index.html")}`);
    process.exitCode = failed.length || network.length || missing.length ? 1 : 0;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) main();

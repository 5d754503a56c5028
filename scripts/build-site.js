// @ts-check
// `npm run site [-- LESSON...] [--out DIR] [--glossary FILE]`: executes the lessons at their default
// size (through run-notebooks.js's runNotebooks, in a temporary folder) and renders a static course
// site (default out/site): an index, one page per lesson with its outputs and interactive plotly
// figures, previous / index / next links, the glossary, and nothing loaded from the network.
// Pages are rendered by scripts/site/render_pages.py (Python, because nbconvert is) into the temporary
// folder; every file of the site is then written by this script through its manifest, so a rebuild
// replaces or removes only what build-site wrote, and never writes through a link into the sources.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { root, listNotebooks, notebooksDir } = require("./lib");
const { CliError, runCli } = require("./cli");
const { resolveNotebook, runNotebooks, requireNotebookPython } = require("./run-notebooks");
const { runChild, stopSignal, signalExitCode } = require("./child-process");
const { ensureFreshBuild } = require("./fresh-build");
const { SPEC, siteOptions, openSiteFolder } = require("./site/options");
const { lessonInfo } = require("./site/lesson-info");
const { indexMarkdown } = require("./site/index-page");
const { findMathJax, mathJaxFiles } = require("./site/mathjax");
const { shareBundle, shareStyles, rewriteLinks, networkReferences, missingLocalFiles } = require("./site/postprocess");

const LESSONS = "lessons";
const ASSETS = "assets";
const PLOTLY_FILE = "plotly-cartesian.min.js";

/**
 * @param {{ name: string }[]} lessons
 * @returns {Map<string, string>} source file name -> page, relative to the site root
 */
function siteTargets(lessons) {
  const targets = new Map([
    ["glossary.md", "glossary.html"],
    ["glossary.html", "glossary.html"],
    ["index.html", "index.html"],
  ]);
  for (const l of lessons) {
    targets.set(`${l.name}.ipynb`, `${LESSONS}/${l.name}.html`);
    targets.set(`${l.name}.html`, `${LESSONS}/${l.name}.html`);
  }
  return targets;
}

/** @param {NodeJS.Signals} signal */
function stopped(signal) {
  return new CliError(`stopped by ${signal}; the site is incomplete.`, { exitCode: signalExitCode(signal) });
}

async function main(/** @type {import("./cli").ParsedArgs} */ args) {
  const options = siteOptions(args);
  const python = requireNotebookPython();
  if (!fs.existsSync(options.glossary))
    throw new CliError(
      `--glossary ${options.glossary} does not exist. Pass the glossary's markdown file (default notebooks/glossary.md).`,
    );
  const notebooks = options.lessons.length ? options.lessons.map(resolveNotebook) : listNotebooks();
  const names = notebooks.map((nb) => path.basename(nb, ".ipynb"));
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate)
    throw new CliError(
      `two lessons are named ${duplicate}.ipynb; pages are named after the file, so each lesson needs its own name.`,
    );

  // Refuse before running anything: every file this build will write must be absent or build-site's own.
  const site = openSiteFolder(options.out);
  const mathjaxSource = findMathJax();
  const mathjax = mathjaxSource ? mathJaxFiles(mathjaxSource) : null;
  const planned = [
    "index.html",
    "glossary.html",
    "site.json",
    `${ASSETS}/${PLOTLY_FILE}`,
    `${ASSETS}/site.css`,
    ...names.flatMap((n) => [`${LESSONS}/${n}.html`, `${LESSONS}/${n}.ipynb`]),
    ...(mathjax ? mathjax.files.map((f) => `${ASSETS}/mathjax/${f.rel}`) : []),
  ];
  for (const source of [...notebooks, options.glossary]) site.forbidden.add(fs.realpathSync(source));
  const refusals = [...new Set(planned.map((rel) => site.whyNotWritable(rel)).filter((r) => r !== null))];
  if (refusals.length) {
    const more = refusals.length > 5 ? `\n  ... and ${refusals.length - 5} more` : "";
    throw new CliError(
      `nothing was built, because ${refusals.length} file(s) of the site may not be written:\n  ${refusals.slice(0, 5).join("\n  ")}${more}`,
    );
  }
  const before = new Set(site.recorded());
  /** @type {Set<string>} */
  const written = new Set();
  const write = (/** @type {string} */ rel, /** @type {Buffer | string} */ content) => {
    site.write(rel, content);
    written.add(rel);
  };

  await ensureFreshBuild();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "convnet-site-"));
  const removeWorkDir = () => fs.rmSync(workDir, { recursive: true, force: true });
  process.on("exit", removeWorkDir);
  try {
    console.log(`site: executing ${notebooks.length} lesson(s) at default size ...`);
    const run = notebooks.length
      ? await runNotebooks({ notebooks, out: path.join(workDir, "executed"), html: false })
      : { results: [], stoppedBy: null };
    if (run.stoppedBy) throw stopped(run.stoppedBy);
    const results = new Map(run.results.map((r) => [r.notebook, r]));

    write(
      `${ASSETS}/${PLOTLY_FILE}`,
      fs.readFileSync(require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js", { paths: [root] })),
    );
    write(`${ASSETS}/site.css`, fs.readFileSync(path.join(__dirname, "site", "site.css")));
    if (mathjax) for (const f of mathjax.files) write(`${ASSETS}/mathjax/${f.rel}`, fs.readFileSync(f.from));
    else
      console.warn(
        "site: warning: no local MathJax 2.7 found (Debian: sudo apt-get install libjs-mathjax); formulas are shown as TeX text.",
      );

    const lessons = notebooks.map((nb, i) => {
      const info = lessonInfo(nb);
      const result = results.get(nb);
      const executed = result?.executed ?? null;
      if (executed) write(`${LESSONS}/${info.name}.ipynb`, fs.readFileSync(executed));
      const problems = result ? result.problems : ["the runner gave no result for it; see its output above"];
      return { ...info, source: nb, executed, ok: Boolean(result?.ok), problems, index: i };
    });

    const urls = (/** @type {string} */ dir) => {
      const up = dir ? "../" : "";
      return {
        css_url: `${up}${ASSETS}/site.css`,
        mathjax_url: mathjax ? `${up}${ASSETS}/mathjax/${mathjax.script}` : "",
        index_href: `${up}index.html`,
        glossary_href: `${up}glossary.html`,
      };
    };
    const rendered = path.join(workDir, "pages");
    /** @type {{ rel: string, output: string, title: string, source_dir: string, markdown?: string, notebook?: string, convnet: object, dir: string }[]} */
    const pages = [];
    pages.push({
      rel: "index.html",
      output: path.join(rendered, "index.html"),
      title: "convnet-lab course",
      source_dir: path.dirname(notebooks[0] ?? path.join(notebooksDir, "x")),
      markdown: indexMarkdown(
        lessons.map((l) => ({ title: l.title, summary: l.summary, href: `${LESSONS}/${l.name}.html`, failed: !l.ok })),
      ),
      convnet: {
        ...urls(""),
        prev: null,
        next: lessons[0] ? { href: `${LESSONS}/${lessons[0].name}.html`, title: lessons[0].title } : null,
        banner: "",
      },
      dir: "",
    });
    pages.push({
      rel: "glossary.html",
      output: path.join(rendered, "glossary.html"),
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
        rel: `${LESSONS}/${l.name}.html`,
        output: path.join(rendered, LESSONS, `${l.name}.html`),
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
    const render = await runChild(python, [path.join(__dirname, "site", "render_pages.py"), job]);
    const signal = stopSignal();
    if (signal) throw stopped(signal);
    if (render.code !== 0)
      throw new CliError(
        `rendering the pages with nbconvert failed (${render.error ? render.error.message : `exit code ${render.code}`}); see the errors above.`,
        { exitCode: 1 },
      );

    // Post-process: one shared plotly bundle, links to site pages, and no network loads.
    const { plotlyBundleHtml } = require(path.join(root, "dist", "viz", "plotly.js"));
    const bundleHtml = plotlyBundleHtml();
    const targets = siteTargets(lessons);
    const network = [];
    const saveAsset = (/** @type {string} */ name, /** @type {string} */ content) => {
      if (!written.has(`${ASSETS}/${name}`)) write(`${ASSETS}/${name}`, content);
    };
    for (const page of pages) {
      let html = fs.readFileSync(page.output, "utf8");
      const up = page.dir ? "../" : "";
      html = shareBundle(html, bundleHtml, `${up}${ASSETS}/${PLOTLY_FILE}`).html;
      html = shareStyles(html, saveAsset, (name) => `${up}${ASSETS}/${name}`).html;
      const linked = rewriteLinks(html, targets, page.dir);
      html = linked.html;
      for (const target of linked.unresolved)
        console.warn(`site: warning: ${page.rel} links to ${target}, which is not a page of this site.`);
      for (const ref of networkReferences(html)) network.push(`${page.rel}: ${ref}`);
      write(page.rel, html);
    }
    const missing = [];
    for (const page of pages) {
      const file = path.join(site.dir, page.rel);
      for (const ref of missingLocalFiles(fs.readFileSync(file, "utf8"), path.dirname(file)))
        missing.push(`${page.rel}: ${ref}`);
    }

    const manifest = {
      index: "index.html",
      glossary: "glossary.html",
      mathjax: Boolean(mathjax),
      lessons: lessons.map((l) => ({
        name: l.name,
        title: l.title,
        page: `${LESSONS}/${l.name}.html`,
        ok: l.ok,
        problems: l.problems,
      })),
    };
    write("site.json", JSON.stringify(manifest, null, 2) + "\n");

    // Files an earlier build wrote that this one did not: removed if unchanged, else kept (yours now).
    for (const rel of before) {
      if (written.has(rel)) continue;
      const kept = site.remove(rel);
      if (kept) console.warn(`site: kept ${rel} from an earlier build: ${kept}`);
    }

    const failed = lessons.filter((l) => !l.ok);
    if (network.length) {
      console.error(
        `build-site: these pages would load from the network (the site must work offline):\n  ${network.join("\n  ")}\nRemove the reference from the lesson, or ship the file locally.`,
      );
    }
    if (missing.length) {
      console.error(
        `build-site: these pages refer to files that do not exist (a broken image or script):\n  ${missing.join("\n  ")}\nFix the path in the lesson (relative to the notebook's folder).`,
      );
    }
    for (const l of failed)
      console.error(`build-site: lesson ${l.name} did not run cleanly:\n    ${l.problems.join("\n    ")}`);
    console.log(`site: ${lessons.length} lesson(s), ${failed.length} failed -> ${path.join(site.dir, "index.html")}`);
    return failed.length || network.length || missing.length ? 1 : 0;
  } finally {
    removeWorkDir();
    process.removeListener("exit", removeWorkDir);
  }
}

if (require.main === module) runCli(SPEC, main);

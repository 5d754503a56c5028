// `npm run lesson -- [names...] [--out DIR] [--full]`: run lessons headless through the tslab kernel.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { root, notebooksDir, registerKernel, jupyterEnv, ensureBuilt, listNotebooks, findNotebookPython } = require("./lib");

function parseArgs(argv) {
  const options = { notebooks: [], out: path.join(root, "out", "lessons"), full: false, html: true, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out") options.out = path.resolve(argv[++i]);
    else if (arg === "--full") options.full = true;
    else if (arg === "--no-html") options.html = false;
    else if (arg === "--keep-going") options.keepGoing = true;
    else if (arg === "--cell-timeout") options.cellTimeout = Number(argv[++i]);
    else if (arg === "--json") options.json = path.resolve(argv[++i]);
    else options.notebooks.push(arg);
  }
  return options;
}

/** Accepts "02", "02-convolution", "02-convolution.ipynb" or a path. */
function resolveNotebook(name) {
  if (fs.existsSync(name) && name.endsWith(".ipynb")) return path.resolve(name);
  const match = listNotebooks().filter((p) => path.basename(p).startsWith(name.replace(/\.ipynb$/, "")));
  if (match.length === 1) return match[0];
  const available = listNotebooks().map((p) => path.basename(p, ".ipynb")).join(", ");
  throw new Error(`run-notebooks: notebook ${JSON.stringify(name)} ${match.length ? "is ambiguous" : "was not found"}. Available: ${available}.`);
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const notebooks = options.notebooks.length ? options.notebooks.map(resolveNotebook) : listNotebooks();
  const python = findNotebookPython();
  if (!python) {
    console.error("run-notebooks: no Python with nbclient and nbconvert was found. Debian/Ubuntu: sudo apt-get install jupyter-nbconvert python3-nbclient; elsewhere: python3 -m pip install nbclient nbconvert. Or set CONVNET_PYTHON to such a Python.");
    process.exit(2);
  }
  ensureBuilt();
  registerKernel();
  const datasets = path.join(__dirname, "prepare-datasets.js");
  if (fs.existsSync(datasets)) require(datasets).prepareDatasets({ quiet: true });
  if (path.resolve(options.out) === notebooksDir) {
    console.error("run-notebooks: --out must not be the notebooks folder (executed copies never overwrite lessons).");
    process.exit(2);
  }
  const args = [path.join(__dirname, "run_notebooks.py"), "--out", options.out, ...(options.html ? [] : ["--no-html"])];
  if (options.json) args.push("--json", options.json);
  if (options.keepGoing) args.push("--keep-going");
  // Full-size runs train for tens of minutes in one cell; the default limit is 15 minutes a cell.
  const cellTimeout = options.cellTimeout ?? (options.full ? 4 * 3600 : 900);
  if (!Number.isInteger(cellTimeout) || cellTimeout <= 0) {
    console.error(`run-notebooks: --cell-timeout must be a whole number of seconds > 0, got ${String(cellTimeout)}.`);
    process.exit(2);
  }
  args.push("--cell-timeout", String(cellTimeout));
  const env = jupyterEnv(options.full ? { CONVNET_FULL: "1" } : {});
  const result = spawnSync(python, [...args, ...notebooks], { stdio: "inherit", env, cwd: notebooksDir });
  process.exit(result.status ?? 1);
}

if (require.main === module) main();
module.exports = { resolveNotebook };

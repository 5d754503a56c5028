// Shared helpers for the project's scripts: paths, finding Python/Jupyter, the kernelspec.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const jupyterDataDir = path.join(root, ".jupyter-data");
const notebooksDir = path.join(root, "notebooks");
const KERNEL_NAME = "tslab";

function works(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return result.status === 0 ? (result.stdout || "").trim() : null;
}

/** A Python that can drive notebooks (nbclient + nbconvert), or null. */
function findNotebookPython() {
  const candidates = [process.env.CONVNET_PYTHON, "python3", "/usr/bin/python3", "python"].filter(Boolean);
  for (const python of candidates) {
    if (works(python, ["-c", "import nbclient, nbconvert, nbformat"]) !== null) return python;
  }
  return null;
}

/** "lab" when JupyterLab is installed, else "notebook" (classic), else null. */
function findJupyterUi() {
  if (works("jupyter", ["lab", "--version"]) !== null) return "lab";
  if (works("jupyter", ["notebook", "--version"]) !== null) return "notebook";
  return null;
}

/** Writes the project-local kernelspec: node runs tslab directly, so no Python is involved. */
function registerKernel() {
  const tslabBin = require.resolve("tslab/bin/tslab", { paths: [root] });
  const dir = path.join(jupyterDataDir, "kernels", KERNEL_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [process.execPath, tslabBin, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (convnet-lab)",
    language: "typescript",
  };
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
  return dir;
}

/** The environment in which Jupyter finds our kernel first. */
function jupyterEnv(extra = {}) {
  const existing = process.env.JUPYTER_PATH;
  return {
    ...process.env,
    JUPYTER_PATH: existing ? `${jupyterDataDir}${path.delimiter}${existing}` : jupyterDataDir,
    ...extra,
  };
}

function ensureBuilt() {
  if (fs.existsSync(path.join(root, "dist", "index.js")) && fs.existsSync(path.join(root, "dist", "index.d.ts"))) return;
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("Building the library (dist/) failed; see the errors above.");
}

/** All lesson notebooks, in course order. */
function listNotebooks() {
  return fs
    .readdirSync(notebooksDir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort()
    .map((f) => path.join(notebooksDir, f));
}

const JUPYTER_HELP = [
  "No Jupyter was found. Install one of:",
  "  JupyterLab (any OS):      python3 -m pip install jupyterlab   (or: conda install -c conda-forge jupyterlab)",
  "  classic Notebook, Debian/Ubuntu: sudo apt-get install jupyter-notebook",
  "  classic Notebook, macOS (Homebrew): brew install jupyterlab",
  "Then run `npm start` again.",
].join("\n");

module.exports = {
  root,
  jupyterDataDir,
  notebooksDir,
  KERNEL_NAME,
  findNotebookPython,
  findJupyterUi,
  registerKernel,
  jupyterEnv,
  ensureBuilt,
  listNotebooks,
  JUPYTER_HELP,
};

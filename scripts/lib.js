// @ts-check
// Shared helpers for the project's scripts: paths, finding Python/Jupyter, the kernelspec.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const { JUPYTER_HELP } = require("./setup-packages");

const root = path.resolve(__dirname, "..");
const jupyterDataDir = path.join(root, ".jupyter-data");
const notebooksDir = path.join(root, "notebooks");
const KERNEL_NAME = "tslab";
/** The project-local Python environment the set-up makes where a package index is reachable. */
const venvDir = path.join(root, ".venv");
const venvBin = path.join(venvDir, process.platform === "win32" ? "Scripts" : "bin");
/** JupyterLab's frontend built from npm (lab/), served by lab/server.py. */
const labDir = path.join(root, "lab");
const labBuildInfo = path.join(labDir, "build", "build-info.json");

/**
 * @param {string} command
 * @param {string[]} args
 */
function works(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
  return result.status === 0 ? (result.stdout || "").trim() : null;
}

const exe = (/** @type {string} */ name) => path.join(venvBin, process.platform === "win32" ? `${name}.exe` : name);

/** Pythons to try, best first: CONVNET_PYTHON, the project's .venv, python3 on PATH, Debian's. */
function pythonCandidates() {
  return [process.env.CONVNET_PYTHON, exe("python"), "python3", "/usr/bin/python3", "python"].filter(
    /** @returns {p is string} */ (p, i, all) =>
      p !== undefined && p !== "" && all.indexOf(p) === i && (!path.isAbsolute(p) || fs.existsSync(p)),
  );
}

/** A Python that can drive notebooks (nbclient + nbconvert), or null. */
function findNotebookPython() {
  for (const python of pythonCandidates()) {
    if (works(python, ["-c", "import nbclient, nbconvert, nbformat"]) !== null) return python;
  }
  return null;
}

/** A `jupyter` command whose `lab` subcommand works (the .venv's first, then PATH), or null. */
function findPipJupyterLab() {
  for (const jupyter of [exe("jupyter"), "jupyter"]) {
    if ((!path.isAbsolute(jupyter) || fs.existsSync(jupyter)) && works(jupyter, ["lab", "--version"]) !== null)
      return jupyter;
  }
  return null;
}

/** A Python with jupyter_server and jupyterlab_server (Debian's first: the one they come with), or null. */
function findLabServerPython() {
  const candidates = [process.env.CONVNET_PYTHON, "/usr/bin/python3", exe("python"), "python3"].filter(
    /** @returns {p is string} */ (p, i, all) =>
      p !== undefined && p !== "" && all.indexOf(p) === i && (!path.isAbsolute(p) || fs.existsSync(p)),
  );
  return (
    candidates.find((python) => works(python, ["-c", "import jupyter_server, jupyterlab_server"]) !== null) ?? null
  );
}

/** The built JupyterLab frontend's versions ({ jupyterlab, builder, ... }), or null when not built. */
function labBuild() {
  try {
    return JSON.parse(fs.readFileSync(labBuildInfo, "utf8"));
  } catch {
    return null;
  }
}

/**
 * How to start Jupyter, best first: a pip-installed `jupyter lab`; else the JupyterLab frontend
 * built from npm (lab/) on jupyterlab_server; else the classic Notebook; null if none.
 * `prefer` ("lab" or "notebook", e.g. from CONVNET_UI) narrows the choice.
 * Returns { ui: "lab" | "notebook", kind, command, args, describe }.
 * @param {string} [prefer]
 */
function findJupyter(prefer) {
  if (prefer !== undefined && prefer !== "lab" && prefer !== "notebook") {
    throw new Error(
      `findJupyter: CONVNET_UI must be "lab" or "notebook", got ${JSON.stringify(prefer)}. Unset it to pick the best one found.`,
    );
  }
  if (prefer !== "notebook") {
    const pip = findPipJupyterLab();
    if (pip) return { ui: "lab", kind: "pip", command: pip, args: ["lab"], describe: `JupyterLab (${pip} lab)` };
    const build = labBuild();
    const python = build ? findLabServerPython() : null;
    if (build && python) {
      return {
        ui: "lab",
        kind: "build",
        command: python,
        args: [path.join(labDir, "server.py")],
        describe: `JupyterLab ${build.jupyterlab} (built from npm in lab/, served by ${python})`,
      };
    }
  }
  if (prefer !== "lab") {
    for (const jupyter of [exe("jupyter"), "jupyter"]) {
      if ((!path.isAbsolute(jupyter) || fs.existsSync(jupyter)) && works(jupyter, ["notebook", "--version"]) !== null) {
        return {
          ui: "notebook",
          kind: "classic",
          command: jupyter,
          args: ["notebook"],
          describe: "the classic Jupyter Notebook",
        };
      }
    }
  }
  return null;
}

/** "lab" when JupyterLab can be started, else "notebook" (classic), else null. */
function findJupyterUi() {
  return findJupyter()?.ui ?? null;
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

/** Builds dist/ when it is missing or older than src/ (scripts/fresh-build.js says which file). */
function ensureBuilt() {
  if (require("./fresh-build").whyStale() === null) return;
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

module.exports = {
  root,
  jupyterDataDir,
  notebooksDir,
  KERNEL_NAME,
  venvDir,
  labDir,
  pythonCandidates,
  findNotebookPython,
  findPipJupyterLab,
  findLabServerPython,
  labBuild,
  findJupyter,
  findJupyterUi,
  registerKernel,
  jupyterEnv,
  ensureBuilt,
  listNotebooks,
  JUPYTER_HELP,
};

// `npm start`: open the course in JupyterLab (or classic Notebook) with the TypeScript kernel.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const { notebooksDir, registerKernel, jupyterEnv, ensureBuilt, findJupyterUi, JUPYTER_HELP } = require("./lib");

ensureBuilt();
registerKernel();
const datasets = path.join(__dirname, "prepare-datasets.js");
if (fs.existsSync(datasets)) require(datasets).prepareDatasets({ quiet: false });
const ui = process.env.CONVNET_UI || findJupyterUi();
if (!ui) {
  console.error(JUPYTER_HELP);
  process.exit(1);
}
const args = [ui, `--notebook-dir=${notebooksDir}`, ...process.argv.slice(2)];
// Open the welcome lesson first.
if (!args.some((a) => a.includes("default_url"))) {
  args.push(ui === "lab" ? "--ServerApp.default_url=/lab/tree/00-welcome.ipynb" : "--NotebookApp.default_url=/notebooks/00-welcome.ipynb");
}
// Jupyter refuses to start as root (containers, CI) unless told to.
if (typeof process.getuid === "function" && process.getuid() === 0 && !args.includes("--allow-root")) args.push("--allow-root");
console.log(`Starting jupyter ${args.join(" ")} (TypeScript kernel: "TypeScript (convnet-lab)")`);
if (ui === "notebook") console.log("Tip: JupyterLab gives a nicer interface: python3 -m pip install jupyterlab");
const child = spawn("jupyter", args, { stdio: "inherit", env: jupyterEnv() });
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));

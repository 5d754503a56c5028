// @ts-check
// After `npm install`: set up what the course needs outside npm (Jupyter, system packages, the
// JupyterLab build: scripts/setup.js), build the library for the notebooks, register the kernel,
// check the data.
"use strict";
const fs = require("fs");
const path = require("path");
const { root, registerKernel, ensureBuilt } = require("./lib");
require("./cli").parseCommandLine({
  program: "postinstall",
  usage: ["node scripts/postinstall.js   (npm install runs it)"],
  summary:
    "Sets up Jupyter and the JupyterLab build, builds dist/, registers the project's TypeScript kernel and checks the datasets. A failed step warns and does not fail npm install.",
});

/**
 * @param {string} name
 * @param {() => unknown} fn
 */
function step(name, fn) {
  try {
    fn();
  } catch (error) {
    // A failed optional step must not fail `npm install`; `npm start`/`npm test` repeat it loudly.
    console.warn(`convnet-lab: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// First: on Debian the default data comes from a system package, which the datasets step checks.
const { setUp, report } = require("./setup");
step("setting up Jupyter and the JupyterLab build", () => report(setUp()));
if (fs.existsSync(path.join(root, "node_modules", "typescript"))) step("building dist/", ensureBuilt);
step("registering the TypeScript kernel", registerKernel);
step("building the native accelerator", () => {
  if (require("./build-native").main(["--quiet"]) !== 0) process.exitCode = 1;
});
const datasets = path.join(__dirname, "prepare-datasets.js");
if (fs.existsSync(datasets)) step("preparing datasets", () => require(datasets).prepareDatasets({ quiet: true }));

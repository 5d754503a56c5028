// After `npm install`: build the library for the notebooks, register the kernel, prepare data.
"use strict";
const fs = require("fs");
const path = require("path");
const { root, registerKernel, ensureBuilt } = require("./lib");

function step(name, fn) {
  try {
    fn();
  } catch (error) {
    // A failed optional step must not fail `npm install`; `npm start`/`npm test` repeat it loudly.
    console.warn(`convnet-lab: ${name} failed: ${error.message}`);
  }
}

if (fs.existsSync(path.join(root, "node_modules", "typescript"))) step("building dist/", ensureBuilt);
step("registering the TypeScript kernel", registerKernel);
step("building the native accelerator", () => { if (require("./build-native").main(["--quiet"]) !== 0) process.exitCode = 1; });
const datasets = path.join(__dirname, "prepare-datasets.js");
if (fs.existsSync(datasets)) step("preparing datasets", () => require(datasets).prepareDatasets({ quiet: true }));

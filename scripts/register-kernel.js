// @ts-check
// Registers the TypeScript (tslab) kernel for this project only, under .jupyter-data/.
"use strict";
const { registerKernel } = require("./lib");
require("./cli").parseCommandLine({
  program: "register-kernel",
  usage: ["npm run kernel", "node scripts/register-kernel.js"],
  summary:
    "Registers the TypeScript (tslab) kernel for this project only, under .jupyter-data/ (Jupyter finds it through JUPYTER_PATH).",
});
console.log(`TypeScript kernel registered in ${registerKernel()}`);

// Registers the TypeScript (tslab) kernel for this project only, under .jupyter-data/.
"use strict";
const { registerKernel } = require("./lib");
console.log(`TypeScript kernel registered in ${registerKernel()}`);

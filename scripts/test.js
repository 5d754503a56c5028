// `npm test`: build, type-check, then run every test (unit, notebook type checks, lessons
// executed through the real tslab kernel) with node's test runner.
//   npm test -- --unit       only the unit tests (skips executing the lessons)
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { root } = require("./lib");

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
run(process.execPath, [tsc, "-p", "tsconfig.build.json"]);
run(process.execPath, [tsc, "-p", "tsconfig.test.json"]);
const unitOnly = process.argv.includes("--unit");
const env = { ...process.env, ...(unitOnly ? { CONVNET_SKIP_NOTEBOOKS: "1" } : {}) };
// Two test files at a time: each lesson kernel (wasm) is single-threaded, so two use both cores.
run(process.execPath, ["--test", "--test-concurrency=2", "--test-reporter=spec", path.join("build-test", "test")], env);

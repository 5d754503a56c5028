// @ts-check
// `npm test`: build, type-check (library, tests, scripts), lint and format-check, then run every test file (unit tests, the
// notebook type checks, lessons executed through the real tslab kernel) with node's test runner.
// Only files named *.test.ts are tests: they are listed here one by one, because `node --test DIR`
// would also run every helper in a folder named test/ and list it as a passing test file.
"use strict";
const fs = require("fs");
const path = require("path");
const { root } = require("./lib");
const { CliError, runCli } = require("./cli");
const { runChild, stopSignal, signalExitCode } = require("./child-process");

/** @type {import("./cli").CommandSpec} */
const SPEC = {
  program: "test",
  usage: ["npm test [-- PATH...] [--unit]", "node scripts/test.js [PATH...] [--unit]"],
  summary:
    "Builds dist/, type-checks the library, the tests and the scripts, lints and format-checks the whole tree\n" +
    "(when no PATH is given), then runs the test files (*.test.ts)\n" +
    "with node's test runner, two at a time.",
  positionals: {
    name: "PATH...",
    help: "test folders or files to run, e.g. test/ops test/notebooks/runner.test.ts; none: all",
  },
  flags: {
    "--unit": { help: "skip executing lessons and fixture notebooks (CONVNET_SKIP_NOTEBOOKS=1)" },
  },
};

const TEST_SUFFIX = ".test.js";
const BUILD_TEST = path.join(root, "build-test");

/**
 * Every compiled test file under `dir` whose source (*.test.ts) still exists, sorted; a test
 * deleted from test/ leaves its compiled copy behind in build-test/, and that must not run.
 * @param {string} dir
 * @returns {string[]}
 */
function testFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(file);
      const source = path.join(root, path.relative(BUILD_TEST, file)).replace(/\.js$/, ".ts");
      return entry.name.endsWith(TEST_SUFFIX) && fs.existsSync(source) ? [file] : [];
    })
    .sort();
}

/**
 * Checks a PATH given on the command line (a source path: a folder under test/ or a *.test.ts file)
 * before anything is built; returns it relative to the project.
 * @param {string} given
 */
function checkTestPath(given) {
  const rel = path.relative(root, path.resolve(given));
  if (rel.startsWith("..") || !(rel === "test" || rel.startsWith(`test${path.sep}`))) {
    throw new CliError(
      `${JSON.stringify(given)} is not inside test/. Give a test folder or file, e.g. test/ops or test/ops/conv.test.ts.`,
      { showUsageHint: true },
    );
  }
  if (!fs.existsSync(path.join(root, rel))) throw new CliError(`${given} does not exist.`);
  if (!fs.statSync(path.join(root, rel)).isDirectory() && !rel.endsWith(".test.ts"))
    throw new CliError(`${given} is not a test: test files are named *.test.ts.`);
  return rel;
}

/**
 * The compiled test files of a checked PATH.
 * @param {string} rel
 */
function compiledTests(rel) {
  const compiled = path.join(BUILD_TEST, rel.replace(/\.ts$/, ".js"));
  if (fs.existsSync(compiled) && fs.statSync(compiled).isDirectory()) return testFiles(compiled);
  return fs.existsSync(compiled) ? [compiled] : [];
}

/**
 * @param {string} what
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
async function run(what, args, env = process.env) {
  const result = await runChild(process.execPath, args, { cwd: root, env });
  const signal = stopSignal();
  if (signal) throw new CliError(`stopped by ${signal}.`, { exitCode: signalExitCode(signal) });
  if (result.code !== 0) throw new CliError(`${what} failed; see above.`, { exitCode: result.code ?? 1 });
}

/**
 * The file of a package's command (its package.json "bin"), found without importing the package:
 * eslint's "exports" hide its bin/ folder from require.resolve.
 * @param {string} pkg
 * @param {string} command
 */
function resolveBin(pkg, command) {
  const manifestFile = require.resolve(`${pkg}/package.json`, { paths: [root] });
  const bin = JSON.parse(fs.readFileSync(manifestFile, "utf8")).bin;
  const relative = typeof bin === "string" ? bin : bin?.[command];
  if (typeof relative !== "string") throw new CliError(`${pkg} has no "${command}" command; run npm ci.`);
  return path.join(path.dirname(manifestFile), relative);
}

async function main(/** @type {import("./cli").ParsedArgs} */ args) {
  const paths = args.positionals.map(checkTestPath);
  const tsc = resolveBin("typescript", "tsc");
  await run("building dist/", [tsc, "-p", "tsconfig.build.json"]);
  await run("type-checking the tests", [tsc, "-p", "tsconfig.test.json"]);
  await run("type-checking the scripts", [tsc, "-p", "tsconfig.scripts.json"]);
  if (paths.length === 0) {
    // The whole tree only: a run of chosen test files is for quick iteration.
    await run("linting (eslint; fix with `npx eslint --fix .`)", [resolveBin("eslint", "eslint"), "."]);
    await run("checking the formatting (prettier; fix with `npm run format`)", [
      resolveBin("prettier", "prettier"),
      "--check",
      ".",
    ]);
  }
  const files = paths.length ? paths.flatMap(compiledTests) : testFiles(path.join(BUILD_TEST, "test"));
  if (files.length === 0) throw new CliError(`no test files (*.test.ts) in ${args.positionals.join(" ")}.`);
  const env = { ...process.env, ...(args.flags["--unit"] ? { CONVNET_SKIP_NOTEBOOKS: "1" } : {}) };
  // Two test files at a time: each lesson kernel (wasm) is single-threaded, so two use both cores.
  await run("the tests", ["--test", "--test-concurrency=2", "--test-reporter=spec", ...files], env);
}

if (require.main === module) runCli(SPEC, main);
module.exports = { testFiles };

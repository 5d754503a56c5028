// @ts-check
// Builds the optional native accelerator (native/src → native/build/convnet_native.node): oneDNN
// kernels that the wasm backend runs on its own memory. Like tfjs-node, it is optional: when
// there is no C++ compiler, no oneDNN or no Node headers, it prints one line saying what is
// missing and wasm alone is used.
//   node scripts/build-native.js [--force] [--require] [--quiet]
//     --force    rebuild even if the addon is newer than its sources
//     --require  exit 1 instead of skipping (CI; also when CONVNET_NATIVE=1)
//     --quiet    print nothing when the addon is already up to date
//   node scripts/build-native.js --debian-packages   prints the Debian packages it needs
// require("./build-native").DEBIAN_PACKAGES is the same list, for set-up scripts.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { CliError, parseArgs, runCli } = require("./cli");

/** What a Debian/Ubuntu machine needs for the build (oneDNN 2.x: Debian 12's libdnnl-dev 2.6). */
const DEBIAN_PACKAGES = ["g++", "libdnnl-dev"];

const root = path.resolve(__dirname, "..");
const sourceDir = path.join(root, "native", "src");
const output = path.join(root, "native", "build", "convnet_native.node");
const COMMAND = {
  program: "build-native",
  usage: ["npm run build:native", "node scripts/build-native.js [--force] [--require] [--quiet] [--debian-packages]"],
  summary:
    "Builds the optional native accelerator (oneDNN kernels the wasm backend runs on its own memory); `npm install` runs it. Without a C++ compiler, oneDNN 2.x or Node's headers it says what is missing and wasm alone is used.",
  flags: {
    "--force": { help: "rebuild even if the addon is newer than its sources" },
    "--require": { help: "exit 1 instead of skipping (CI; also when CONVNET_NATIVE=1)" },
    "--quiet": { help: "print nothing when the addon is already up to date" },
    "--debian-packages": { help: "print the Debian packages the build needs, and stop" },
  },
};

class Skip extends Error {}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { ok: result.status === 0, error: result.error, output: `${result.stdout || ""}${result.stderr || ""}` };
}

/**
 * Drops unset environment folders from a candidate list.
 * @param {string | undefined | false} dir
 * @returns {dir is string}
 */
function isFolderName(dir) {
  return typeof dir === "string" && dir !== "";
}

/** The C++ compiler: $CXX, else the first of c++, g++, clang++ that runs. */
function findCompiler() {
  const candidates = process.env.CXX ? [process.env.CXX] : ["c++", "g++", "clang++"];
  for (const cxx of candidates) if (run(cxx, ["--version"]).ok) return cxx;
  throw new Skip(`no C++ compiler found (tried ${candidates.join(", ")}; set CXX to choose one)`);
}

/** Folders that may hold node_api.h for the Node running this script. */
function findNodeHeaders() {
  const candidates = [
    process.env.npm_config_nodedir && path.join(process.env.npm_config_nodedir, "include", "node"),
    path.join(path.dirname(process.execPath), "..", "include", "node"),
    path.join(os.homedir(), ".cache", "node-gyp", process.versions.node, "include", "node"),
    "/usr/include/node",
  ].filter(isFolderName);
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "node_api.h")));
  if (!found) throw new Skip(`Node's C headers (node_api.h) were not found in ${candidates.join(", ")}`);
  return found;
}

/** oneDNN's include folder and version; the addon uses the 2.x API. */
function findOneDnn() {
  const roots = [process.env.DNNL_ROOT, "/usr", "/usr/local", "/opt/homebrew"].filter(isFolderName);
  for (const prefix of roots) {
    const header = path.join(prefix, "include", "oneapi", "dnnl", "dnnl_version.h");
    if (!fs.existsSync(header)) continue;
    const text = fs.readFileSync(header, "utf8");
    const part = (/** @type {string} */ name) =>
      (text.match(new RegExp(`#define DNNL_VERSION_${name}\\s+(\\d+)`)) || [])[1];
    const version = `${part("MAJOR")}.${part("MINOR")}.${part("PATCH")}`;
    if (part("MAJOR") !== "2") {
      throw new Skip(
        `oneDNN ${version} found in ${prefix}, but the addon is written for oneDNN 2.x (Debian 12's libdnnl-dev)`,
      );
    }
    return { prefix, version };
  }
  throw new Skip(
    `oneDNN was not found (no include/oneapi/dnnl/dnnl_version.h under ${roots.join(", ")}; set DNNL_ROOT)`,
  );
}

function sources() {
  return fs
    .readdirSync(sourceDir)
    .filter((f) => /\.(cc|h)$/.test(f))
    .map((f) => path.join(sourceDir, f));
}

function upToDate() {
  if (!fs.existsSync(output)) return false;
  const built = fs.statSync(output).mtimeMs;
  return sources().every((file) => fs.statSync(file).mtimeMs <= built);
}

function compile() {
  if (process.platform !== "linux")
    throw new Skip(`it is built and tested on Linux only (this is ${process.platform})`);
  const cxx = findCompiler();
  const nodeHeaders = findNodeHeaders();
  const dnnl = findOneDnn();
  fs.mkdirSync(path.dirname(output), { recursive: true });
  // Written beside the target and renamed, so a process that has the old addon loaded keeps a whole file.
  const temporary = `${output}.${process.pid}.tmp`;
  const args = [
    "-O3",
    "-ffp-contract=off",
    "-std=c++17",
    "-fPIC",
    "-shared",
    "-fopenmp",
    "-fvisibility=hidden",
    "-DNAPI_VERSION=8",
    `-I${nodeHeaders}`,
    `-I${path.join(dnnl.prefix, "include")}`,
    ...sources().filter((f) => f.endsWith(".cc")),
    `-L${path.join(dnnl.prefix, "lib")}`,
    "-ldnnl",
    "-o",
    temporary,
  ];
  const result = run(cxx, args);
  if (!result.ok) {
    fs.rmSync(temporary, { force: true });
    const firstError =
      result.output.split("\n").find((l) => /error/i.test(l)) ||
      result.output.trim().split("\n")[0] ||
      String(result.error);
    throw new Skip(`${cxx} failed: ${firstError.trim()}`);
  }
  fs.renameSync(temporary, output);
  return { cxx, dnnl };
}

/**
 * Builds the addon when needed; returns the exit code.
 * @param {Record<string, unknown>} flags the parsed flags of COMMAND
 */
function build(flags) {
  if (flags["--debian-packages"]) {
    console.log(DEBIAN_PACKAGES.join(" "));
    return 0;
  }
  const env = process.env.CONVNET_NATIVE;
  if (env !== undefined && env !== "" && env !== "0" && env !== "1") {
    throw new CliError(
      `CONVNET_NATIVE is ${JSON.stringify(env)}, but it must be "0" (skip the native accelerator) or "1" (require it). Unset it to build when possible.`,
    );
  }
  const required = flags["--require"] === true || env === "1";
  if (env === "0") {
    console.log("convnet-lab: native accelerator skipped (CONVNET_NATIVE=0); wasm alone is used.");
    return 0;
  }
  if (!flags["--force"] && upToDate()) {
    if (!flags["--quiet"]) console.log(`convnet-lab: native accelerator up to date (${path.relative(root, output)}).`);
    return 0;
  }
  try {
    const started = Date.now();
    const { cxx, dnnl } = compile();
    console.log(
      `convnet-lab: native accelerator built (oneDNN ${dnnl.version}, ${cxx}, ${((Date.now() - started) / 1000).toFixed(0)} s): ${path.relative(root, output)}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof Skip)) throw error;
    const fix = `on Debian/Ubuntu: sudo apt-get install ${DEBIAN_PACKAGES.join(" ")}, then npm run build:native`;
    if (required) {
      console.error(
        `convnet-lab: the native accelerator was required but could not be built: ${error.message} (${fix}).`,
      );
      return 1;
    }
    console.log(`convnet-lab: native accelerator skipped: ${error.message} (${fix}); wasm alone is used.`);
    return 0;
  }
}

/**
 * The same with command-line flags (postinstall passes ["--quiet"]).
 * @param {string[]} argv
 */
function main(argv) {
  return build(parseArgs(COMMAND, argv).flags);
}

if (require.main === module) runCli(COMMAND, (args) => build(args.flags));

module.exports = { DEBIAN_PACKAGES, main };

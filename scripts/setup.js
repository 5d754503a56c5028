// @ts-check
// The course's set-up outside npm, run by `npm install` (postinstall) and again by `npm start` when
// something is missing. Idempotent, and fast when everything is in place. One line per step.
//   1. Jupyter + nbclient/nbconvert: a project-local .venv from a Python package index if one answers;
//      otherwise, on Debian/Ubuntu, Debian's packages (plus the data and test packages).
//   2. JupyterLab's frontend, built from npm in lab/ (when no pip JupyterLab is there).
//
//   node scripts/setup.js            do what is missing
//   node scripts/setup.js --check    only say what is missing (exit code 1 if anything is)
// CONVNET_NO_SETUP=1 skips it all. A step that cannot be done prints what to run instead; it never throws at the user.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { PIP_PACKAGES, debianPackages, aptCommand, JUPYTER_HELP } = require("./setup-packages");

const root = path.resolve(__dirname, "..");
const labDir = path.join(root, "lab");
const venvDir = path.join(root, ".venv");
const venvBin = path.join(venvDir, process.platform === "win32" ? "Scripts" : "bin");
const venvPython = path.join(venvBin, process.platform === "win32" ? "python.exe" : "python");
const venvStamp = path.join(venvDir, "convnet-setup.json");
const labStamp = path.join(labDir, "build", "convnet-setup.json");
const labModulesStamp = path.join(labDir, "node_modules", ".convnet-setup.json");

const say = (/** @type {string} */ line) => console.log(`convnet-lab set-up: ${line}`);

/**
 * Runs a command and returns { ok, status, output } (never throws).
 * @param {string} command
 * @param {string[]} args
 * @param {import("child_process").SpawnSyncOptions & { show?: boolean }} [options]
 * @returns {{ ok: boolean, status: number | null, output: string }}
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    stdio: options.show ? "inherit" : ["ignore", "pipe", "pipe"],
    ...options,
  });
  if (result.error) return { ok: false, status: null, output: result.error.message };
  return { ok: result.status === 0, status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

const sha256 = (/** @type {string[]} */ ...files) => {
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(fs.readFileSync(file));
  return hash.digest("hex");
};

/** @param {string} file @returns {any} */
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- facts about this machine

/** "debian" on Debian, Ubuntu and their derivatives (with dpkg and apt-get), else null. */
function linuxFamily() {
  if (process.platform !== "linux") return null;
  const release = fs.existsSync("/etc/os-release") ? fs.readFileSync("/etc/os-release", "utf8") : "";
  const ids = [...release.matchAll(/^(?:ID|ID_LIKE)=["']?([^"'\n]*)/gm)].flatMap((m) => m[1].split(/\s+/));
  const debianLike = ids.includes("debian") || ids.includes("ubuntu") || fs.existsSync("/etc/debian_version");
  return debianLike && run("dpkg-query", ["--version"]).ok && run("apt-get", ["--version"]).ok ? "debian" : null;
}

/**
 * The Debian packages of `names` that are not installed.
 * @param {string[]} names
 */
function missingDebianPackages(names) {
  const result = spawnSync("dpkg-query", ["-W", "-f=${Package} ${db:Status-Status}\\n", ...names], {
    encoding: "utf8",
  });
  const installed = new Set(
    (result.stdout || "")
      .split("\n")
      .map((line) => line.trim().split(" "))
      .filter(([, status]) => status === "installed")
      .map(([name]) => name.replace(/:.*$/, "")),
  );
  return names.filter((name) => !installed.has(name));
}

/** How we may install system packages: "root", "sudo" (passwordless), or null. */
function privilege() {
  if (typeof process.getuid === "function" && process.getuid() === 0) return "root";
  return run("sudo", ["-n", "true"], { timeout: 5000 }).ok ? "sudo" : null;
}

/** A Python 3 that can make a venv with pip, or null. */
function venvCapablePython() {
  for (const python of [process.env.CONVNET_PYTHON ?? "", "python3", "python"].filter((p) => p !== "")) {
    if (run(python, ["-c", "import venv, ensurepip, sys; assert sys.version_info >= (3, 9)"], { timeout: 20_000 }).ok)
      return python;
  }
  return null;
}

/**
 * Whether pip's package index answers within timeoutMs (PIP_INDEX_URL, else PyPI). A refused or
 * unresolvable host answers at once; only a silent one costs the whole timeout.
 */
function packageIndexReachable(timeoutMs = 4000) {
  const index = process.env.PIP_INDEX_URL || "https://pypi.org/simple/";
  const probe = `
    const url = new URL("jupyterlab/", ${JSON.stringify(index.endsWith("/") ? index : index + "/")});
    const lib = require(url.protocol === "http:" ? "http" : "https");
    const req = lib.get(url, { timeout: ${timeoutMs} }, (res) => process.exit(res.statusCode && res.statusCode < 400 ? 0 : 1));
    req.on("timeout", () => { req.destroy(); process.exit(2); });
    req.on("error", () => process.exit(1));`;
  const started = Date.now();
  const result = run(process.execPath, ["-e", probe], { timeout: timeoutMs + 2000 });
  return { reachable: result.ok, index, ms: Date.now() - started };
}

// ---------------------------------------------------------------- step 1: Python and Jupyter

function venvIsReady() {
  const stamp = readJson(venvStamp);
  return fs.existsSync(venvPython) && stamp !== null && JSON.stringify(stamp.packages) === JSON.stringify(PIP_PACKAGES);
}

/** @param {string} python */
function makeVenv(python) {
  say(`creating .venv with ${PIP_PACKAGES.join(" ")} (a few minutes the first time) ...`);
  if (!fs.existsSync(venvPython)) {
    const made = run(python, ["-m", "venv", venvDir], { show: true });
    if (!made.ok) return `\`${python} -m venv .venv\` failed (exit code ${made.status})`;
  }
  const installed = run(
    venvPython,
    ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", ...PIP_PACKAGES],
    { show: true },
  );
  if (!installed.ok) return `\`.venv pip install ${PIP_PACKAGES.join(" ")}\` failed (exit code ${installed.status})`;
  fs.writeFileSync(venvStamp, JSON.stringify({ packages: PIP_PACKAGES }, null, 2) + "\n");
  say(".venv ready (JupyterLab, nbclient, nbconvert)");
  return null;
}

/**
 * Installs Debian packages if allowed; returns null on success, else what the user must do.
 * @param {string[]} missing
 * @param {"install" | "check"} mode
 */
function installDebianPackages(missing, mode) {
  const who = privilege();
  const command = aptCommand(missing, { root: who === "root" });
  if (mode === "check") return `missing Debian packages: ${missing.join(" ")}; run: ${command}`;
  if (!who)
    return `these Debian packages are missing and this user cannot install them (not root, no passwordless sudo). Run:\n    ${command}`;
  say(`installing Debian packages: ${command}`);
  const apt = (/** @type {string[]} */ args) =>
    who === "sudo"
      ? run("sudo", ["-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", ...args], { show: true })
      : run("apt-get", args, { show: true, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const update = apt(["update", "-q"]);
  if (!update.ok)
    return `\`apt-get update\` failed (exit code ${update.status}); fix the apt sources, then run: ${command}`;
  const install = apt(["install", "-y", "-q", ...missing]);
  if (!install.ok)
    return `\`apt-get install\` failed (exit code ${install.status}); see apt's message above, then run: ${command}`;
  const still = missingDebianPackages(missing);
  if (still.length > 0)
    return `apt-get finished but these are still not installed: ${still.join(" ")}. Run: ${command}`;
  say(`Debian packages installed: ${missing.join(" ")}`);
  return null;
}

/**
 * Step 1. Returns a list of problems (empty = done).
 * @param {"install" | "check"} mode
 */
function setUpPythonAndJupyter(mode) {
  /** @type {string[]} */
  const problems = [];
  const family = linuxFamily();
  let pipAvailable = venvIsReady();
  if (pipAvailable) say("Python: .venv is ready (JupyterLab, nbclient, nbconvert)");

  // Where Debian's packages provide Jupyter and are all present, no index needs to be asked.
  const debianAll = family === "debian" ? debianPackages() : [];
  const debianComplete = family === "debian" && missingDebianPackages(debianAll).length === 0;

  if (!pipAvailable && !debianComplete) {
    const python = venvCapablePython();
    const probe = python ? packageIndexReachable() : null;
    if (python && probe && probe.reachable) {
      say(`Python: package index ${probe.index} answers (${probe.ms} ms)`);
      if (mode === "check") problems.push(`.venv is missing; run: node scripts/setup.js`);
      else {
        const failure = makeVenv(python);
        if (failure) problems.push(failure);
        else pipAvailable = true;
      }
    } else if (python && probe) {
      say(
        `Python: no package index answers (${probe.index}, ${probe.ms} ms)${family === "debian" ? "; using Debian's packages" : ""}`,
      );
    } else {
      say(`Python: no python3 with venv and pip found${family === "debian" ? "; using Debian's packages" : ""}`);
    }
  }

  if (family === "debian") {
    const wanted = debianPackages({ pipAvailable });
    const missing = missingDebianPackages(wanted);
    if (missing.length === 0) say(`Debian packages: all ${wanted.length} installed`);
    else {
      const failure = installDebianPackages(missing, mode);
      if (failure) problems.push(failure);
    }
  } else if (!pipAvailable) {
    problems.push(JUPYTER_HELP);
  }
  return problems;
}

// ---------------------------------------------------------------- step 2: the JupyterLab frontend

function pipJupyterLab() {
  for (const jupyter of [path.join(venvBin, "jupyter"), "jupyter"]) {
    if (
      (!path.isAbsolute(jupyter) || fs.existsSync(jupyter)) &&
      run(jupyter, ["lab", "--version"], { timeout: 30_000 }).ok
    )
      return jupyter;
  }
  return null;
}

/** What the build depends on; the cached build is reused while this stays the same. */
function labInputsHash() {
  return sha256(
    ...["package.json", "package-lock.json", "webpack.config.js", "index.js"].map((f) => path.join(labDir, f)),
  );
}

function npmCommand() {
  // npm sets npm_execpath when it runs us; otherwise npm-cli.js sits beside node (Windows, nvm) or on PATH.
  const cli =
    process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : null;
  return cli
    ? { command: process.execPath, prefix: [cli] }
    : { command: process.platform === "win32" ? "npm.cmd" : "npm", prefix: [] };
}

/**
 * Step 2. Returns a list of problems (empty = done or not needed).
 * @param {"install" | "check"} mode
 * @returns {string[]}
 */
function setUpLabFrontend(mode) {
  const pip = pipJupyterLab();
  if (pip) {
    say(`JupyterLab: ${pip} lab is installed; the npm build is not needed`);
    return [];
  }
  const hash = labInputsHash();
  const stamp = readJson(labStamp);
  if (stamp && stamp.inputs === hash && fs.existsSync(path.join(labDir, "build", "static", "bundle.js"))) {
    say(
      `JupyterLab: frontend ${stamp.jupyterlab} already built (lab/build matches lab/'s package files, webpack.config.js and index.js)`,
    );
    return [];
  }
  if (mode === "check") return ["the JupyterLab frontend is not built (lab/build); run: node scripts/setup.js"];

  const npm = npmCommand();
  const lock = sha256(path.join(labDir, "package-lock.json"));
  if (readJson(labModulesStamp)?.lock !== lock) {
    const started = Date.now();
    say("JupyterLab: installing its build tools in lab/node_modules (npm ci, about 30-60 s, ~460 MB) ...");
    const ci = run(npm.command, [...npm.prefix, "ci", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: labDir,
      show: true,
    });
    if (!ci.ok)
      return [
        `\`npm ci\` in lab/ failed (exit code ${ci.status}); see npm's message above. Retry with: node scripts/setup.js`,
      ];
    fs.writeFileSync(labModulesStamp, JSON.stringify({ lock }) + "\n");
    say(`JupyterLab: build tools installed (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const started = Date.now();
  say("JupyterLab: building the frontend with webpack (about 40-80 s) ...");
  const webpack = path.join(labDir, "node_modules", "webpack", "bin", "webpack.js");
  const built = run(process.execPath, [webpack, "--config", path.join(labDir, "webpack.config.js")], { cwd: labDir });
  if (!built.ok) {
    const tail = built.output.split("\n").slice(-25).join("\n");
    return [
      `building the JupyterLab frontend failed (exit code ${built.status}):\n${tail}\nRetry with: node scripts/setup.js`,
    ];
  }
  const info = readJson(path.join(labDir, "build", "build-info.json")) ?? {};
  fs.writeFileSync(labStamp, JSON.stringify({ inputs: hash, jupyterlab: info.jupyterlab }, null, 2) + "\n");
  say(`JupyterLab: frontend ${info.jupyterlab} built in ${Math.round((Date.now() - started) / 1000)} s (lab/build)`);
  return [];
}

/** The JupyterLab step runs only where its server (jupyterlab_server) can run. */
function labServerAvailable() {
  return ["/usr/bin/python3", path.join(venvBin, "python"), "python3"].some(
    (python) =>
      (!path.isAbsolute(python) || fs.existsSync(python)) &&
      run(python, ["-c", "import jupyter_server, jupyterlab_server"], { timeout: 20_000 }).ok,
  );
}

// ---------------------------------------------------------------- all steps

/**
 * Runs every step; returns the problems left (empty = all set).
 * @param {{ mode?: "install" | "check" }} [options]
 * @returns {string[]}
 */
function setUp({ mode = "install" } = {}) {
  if (process.env.CONVNET_NO_SETUP === "1") {
    say("skipped (CONVNET_NO_SETUP=1): Jupyter, system packages and the JupyterLab build are left to you");
    return [];
  }
  /** @type {string[]} */
  const problems = [];
  const step = (/** @type {string} */ name, /** @type {() => string[]} */ fn) => {
    try {
      problems.push(...fn());
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  step("Python and Jupyter", () => setUpPythonAndJupyter(mode));
  step("JupyterLab frontend", () => {
    if (pipJupyterLab() || labServerAvailable()) return setUpLabFrontend(mode);
    say("JupyterLab: skipped (no jupyterlab_server to serve a build; see the step above)");
    return [];
  });
  return problems;
}

/** @param {string[]} problems */
function report(problems) {
  if (problems.length === 0) {
    say("done");
    return;
  }
  console.error("convnet-lab set-up: not finished:");
  for (const problem of problems) console.error(`  - ${problem.replace(/\n/g, "\n    ")}`);
  console.error("`npm start` and `npm test` need these; run `node scripts/setup.js` again once they are fixed.");
}

if (require.main === module) {
  const { flags } = require("./cli").parseCommandLine({
    program: "setup",
    usage: ["node scripts/setup.js [--check]"],
    summary:
      "Sets up what the course needs outside npm (Jupyter, Debian packages, the JupyterLab build); `npm install` runs it. CONVNET_NO_SETUP=1 skips it.",
    flags: { "--check": { help: "only say what is missing (exit code 1 if anything is)" } },
  });
  const problems = setUp({ mode: flags["--check"] ? "check" : "install" });
  report(problems);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

module.exports = {
  setUp,
  report,
  linuxFamily,
  missingDebianPackages,
  installDebianPackages,
  packageIndexReachable,
  labInputsHash,
};

// @ts-check
// `npm start`: open the course in JupyterLab (or classic Notebook) with the TypeScript kernel.
// Which Jupyter: a pip-installed `jupyter lab`, else JupyterLab built from npm (lab/), else the
// classic Notebook (CONVNET_UI=lab|notebook narrows the choice). Options after `--` go to Jupyter,
// e.g. `npm start -- --no-browser --port 8890`. Ctrl-C or SIGTERM stops the server and its kernels.
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");
const { randomBytes } = require("crypto");
const { spawn } = require("child_process");
const { root, notebooksDir, jupyterDataDir, registerKernel, jupyterEnv, ensureBuilt, findJupyter } = require("./lib");
const { JUPYTER_HELP } = require("./setup-packages");
require("./cli").parseCommandLine({
  program: "start",
  usage: ["npm start [-- JUPYTER_OPTION...]"],
  summary: "Opens the course in JupyterLab (or the classic Notebook) with the TypeScript kernel, rooted at notebooks/.",
  positionals: { name: "JUPYTER_OPTION...", help: "passed on to jupyter, e.g. --no-browser --port 8890" },
  passUnknown: true,
});

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function chooseJupyter() {
  const prefer = process.env.CONVNET_UI || undefined;
  try {
    return findJupyter(prefer);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

// A first-run step: if `npm install` could not finish the set-up, try again (fast when done).
let jupyter = chooseJupyter();
if (!jupyter || (jupyter.ui === "notebook" && !process.env.CONVNET_UI)) {
  const { setUp, report } = require("./setup");
  if (setUp({ mode: "check" }).length > 0) {
    const problems = setUp();
    if (problems.length > 0) report(problems);
    jupyter = chooseJupyter();
  }
}
if (!jupyter) fail(JUPYTER_HELP);
const chosen = jupyter; // narrowed once, for the closures below

ensureBuilt();
registerKernel();
const datasets = path.join(__dirname, "prepare-datasets.js");
if (fs.existsSync(datasets)) require(datasets).prepareDatasets({ quiet: false });

const userArgs = process.argv.slice(2);
const serverKey = chosen.kind === "classic" ? "NotebookApp" : "ServerApp";
const has = (/** @type {string} */ name) =>
  userArgs.some((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a.includes(`.${name}=`));
// Our own token (unless given), so that stopping can shut the kernels down through the API.
const token =
  userArgs
    .find((a) => /\.token=/.test(a))
    ?.split("=")
    .slice(1)
    .join("=") ?? randomBytes(24).toString("hex");
const runtimeDir = path.join(jupyterDataDir, "runtime");
const args = [
  ...chosen.args,
  chosen.kind === "classic" ? `--NotebookApp.notebook_dir=${notebooksDir}` : `--ServerApp.root_dir=${notebooksDir}`,
];
if (!has("token")) args.push(`--${serverKey}.token=${token}`);
if (!has("ip")) args.push(`--${serverKey}.ip=127.0.0.1`);
// Open the welcome lesson first.
if (!has("default_url"))
  args.push(
    chosen.ui === "lab"
      ? `--${serverKey}.default_url=/lab/tree/00-welcome.ipynb`
      : "--NotebookApp.default_url=/notebooks/00-welcome.ipynb",
  );
// Jupyter refuses to start as root (containers, CI) unless told to.
if (typeof process.getuid === "function" && process.getuid() === 0 && !has("allow-root")) args.push("--allow-root");
args.push(...userArgs);

console.log(`Starting ${chosen.describe}, rooted at notebooks/ (TypeScript kernel: "TypeScript (convnet-lab)")`);
if (chosen.ui === "notebook")
  console.log("Tip: JupyterLab is the recommended interface; `node scripts/setup.js` says how to get it here.");
fs.mkdirSync(runtimeDir, { recursive: true });
// Its own process group: the terminal's Ctrl-C reaches only us, and we stop the server cleanly
// (Jupyter's own Ctrl-C handler waits for a "y" on stdin, which it does not have here).
const child = spawn(chosen.command, args, {
  cwd: root,
  detached: true,
  stdio: ["ignore", "inherit", "inherit"],
  env: jupyterEnv({ JUPYTER_RUNTIME_DIR: runtimeDir }),
});
child.on("error", (error) => fail(`could not start ${chosen.command}: ${error.message}`));

/** The server's own description of itself (port, base_url), from its runtime file. */
function serverInfo() {
  for (const prefix of ["jpserver", "nbserver"]) {
    const file = path.join(runtimeDir, `${prefix}-${child.pid}.json`);
    try {
      return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
      // not written (yet), or another kind of server
    }
  }
  return null;
}

/**
 * @param {string} method
 * @param {string} url
 * @returns {Promise<{ status: number | undefined, body: string } | null>}
 */
function request(method, url) {
  return new Promise((resolve) => {
    const req = http.request(url, { method, timeout: 5000 }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
    req.end();
  });
}

/** @param {number} ms @returns {Promise<boolean>} */
function exited(ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

// Jupyter prints a token it was given as "...": print the address to open, once the server is up.
const welcome = chosen.ui === "lab" ? "lab/tree/00-welcome.ipynb" : "notebooks/00-welcome.ipynb";
const announce = setInterval(() => {
  const info = serverInfo();
  if (!info || !info.port) return;
  clearInterval(announce);
  const base = `http://127.0.0.1:${info.port}${(info.base_url || "/").replace(/\/?$/, "/")}`;
  console.log(
    `\nnpm start: ${chosen.ui === "lab" ? "JupyterLab" : "Jupyter Notebook"} is running. Open:\n    ${base}${welcome}?token=${info.token || token}\n(Ctrl-C stops it and its kernels.)\n`,
  );
}, 250);
announce.unref();

let stopping = false;
/** @param {string} signal a signal name, or why we stop */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nnpm start: ${signal}: shutting the kernels and the Jupyter server down ...`);
  const info = serverInfo();
  if (info && info.port) {
    const base = `http://127.0.0.1:${info.port}${(info.base_url || "/").replace(/\/?$/, "/")}`;
    const kernels = await request("GET", `${base}api/kernels?token=${info.token || token}`);
    if (kernels && kernels.status === 200) {
      for (const kernel of JSON.parse(kernels.body))
        await request("DELETE", `${base}api/kernels/${kernel.id}?token=${info.token || token}`);
    }
  }
  const kill = (/** @type {NodeJS.Signals} */ sig) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  kill("SIGTERM"); // Jupyter's SIGTERM handler also shuts down any kernel left
  if (!(await exited(15_000))) {
    kill("SIGKILL");
    await exited(5000);
  }
}

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) process.on(signal, () => stop(signal));
// `kill <npm's pid>` ends npm without passing the signal on (npm runs us under sh): when our
// parent goes away, stop too, rather than leave the server and its kernels running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop("parent process exited");
}, 1000).unref();
child.on("exit", (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));

// @ts-check
// `npm run lesson -- [LESSON...] [options]`: runs lessons headless through the real tslab kernel and
// prints "notebooks: N passed, N failed". Who does what:
//   this script          picks the notebooks, decides where each output goes and refuses (before
//                        running) any output that would overwrite a file it did not write, rebuilds
//                        dist/ if src/ is newer, and reports;
//   notebook_driver.py   (Python, because nbclient, Jupyter's own notebook executor, is Python)
//                        executes each notebook in a staging folder and reports JSON lines;
//   the tslab kernel     (node) runs the cells.
// Stopping this script (Ctrl-C, SIGTERM) stops the driver and kills the kernel; nothing keeps running.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const readline = require("readline");
const { root, notebooksDir, registerKernel, jupyterEnv, listNotebooks, findNotebookPython } = require("./lib");
const { CliError, runCli, values } = require("./cli");
const { WrittenFiles, realPathOf } = require("./written-files");
const { startChild, signalExitCode } = require("./child-process");
const { ensureFreshBuild } = require("./fresh-build");

const TOOL = "run-notebooks";
const DRIVER = path.join(__dirname, "notebook_driver.py");
const DEFAULT_CELL_TIMEOUT = 900;
const FULL_CELL_TIMEOUT = 4 * 3600; // a full-size run trains for tens of minutes in one cell

/** @type {import("./cli").CommandSpec} */
const SPEC = {
  program: TOOL,
  usage: ["npm run lesson -- [LESSON...] [options]", "node scripts/run-notebooks.js [LESSON...] [options]"],
  summary:
    "Runs lessons top to bottom through the tslab kernel and writes each executed copy (and HTML) to the\n" +
    "output folder, never over a lesson and never over a file it did not write itself (it keeps a list,\n" +
    `.written-by-${TOOL}.json, in that folder). A notebook passes when every code cell ran without error.`,
  positionals: {
    name: "LESSON...",
    help: 'lessons to run: "02", "02-convolution", a path to an .ipynb; none: every lesson',
  },
  flags: {
    "--out": { value: "DIR", help: "folder for the executed copies (default out/lessons)", parse: values.path },
    "--full": { help: "full-size run: sets CONVNET_FULL=1 (cl.fullSize()) and allows 4 h a cell" },
    "--no-html": { help: "write only the executed .ipynb, no HTML" },
    "--keep-going": { help: "send the remaining cells after an error (they still count as failures)" },
    "--cell-timeout": {
      value: "SECONDS",
      help: `longest a cell may run (default ${DEFAULT_CELL_TIMEOUT}, with --full ${FULL_CELL_TIMEOUT})`,
      parse: values.positiveWhole("seconds"),
    },
    "--json": { value: "FILE", help: "also write the results as JSON to FILE", parse: values.path },
  },
  notes: [
    "examples:",
    "  npm run lesson -- 03",
    "  npm run lesson -- 08 --full",
    "  npm run lesson -- 00 02 --out /tmp/run --no-html",
  ],
};

const PYTHON_HELP =
  "no Python with nbclient and nbconvert was found (they execute the notebooks). Debian/Ubuntu: sudo apt-get install jupyter-nbconvert python3-nbclient; " +
  "elsewhere: python3 -m pip install nbclient nbconvert. Or set CONVNET_PYTHON to such a Python.";

/** A Python that can drive notebooks, or a CliError saying how to get one. */
function requireNotebookPython() {
  const python = findNotebookPython();
  if (!python) throw new CliError(PYTHON_HELP);
  return python;
}

/**
 * Accepts "02", "02-convolution", "02-convolution.ipynb" or a path to a notebook.
 * @param {string} name
 */
function resolveNotebook(name) {
  if (name.endsWith(".ipynb") && fs.existsSync(name)) return path.resolve(name);
  const lessons = listNotebooks();
  const match = lessons.filter((p) => path.basename(p).startsWith(name.replace(/\.ipynb$/, "")));
  if (match.length === 1) return match[0];
  const available = lessons.map((p) => path.basename(p, ".ipynb")).join(", ");
  throw new CliError(
    `notebook ${JSON.stringify(name)} ${match.length ? `is ambiguous (${match.map((p) => path.basename(p)).join(", ")})` : "was not found"}. Available: ${available}.`,
  );
}

/**
 * @typedef {object} NotebookResult
 * @property {string} notebook the source notebook's absolute path
 * @property {boolean} ok
 * @property {number} seconds
 * @property {string[]} problems
 * @property {boolean} refused true when it was not run because an output could not be written
 * @property {string | null} executed where the executed copy was written, or null
 * @property {string | null} html where the HTML was written, or null
 */

/**
 * @typedef {object} RunOptions
 * @property {string[]} notebooks absolute paths
 * @property {string} out output folder
 * @property {boolean} [html] also write HTML (default true)
 * @property {boolean} [keepGoing]
 * @property {boolean} [full]
 * @property {number} [cellTimeout] seconds
 * @property {string} [json] also write the results here
 * @property {(line: string) => void} [log]
 */

/**
 * Decides each notebook's outputs and refuses, before anything runs, those that may not be written.
 * @param {string[]} notebooks
 * @param {WrittenFiles} outFiles
 * @param {boolean} html
 */
function planOutputs(notebooks, outFiles, html) {
  for (const nb of notebooks) outFiles.forbidden.add(realPathOf(nb));
  /** @type {Map<string, string>} */
  const firstByName = new Map();
  return notebooks.map((source) => {
    const name = path.basename(source, ".ipynb");
    const executed = `${name}.ipynb`;
    const htmlFile = html ? `${name}.html` : null;
    let refusal = null;
    const earlier = firstByName.get(name);
    if (earlier !== undefined && earlier !== source) {
      refusal = `${earlier} in this run has the same name, and both would write ${executed}. Run them with different --out folders.`;
    }
    if (earlier === undefined) firstByName.set(name, source);
    for (const rel of [executed, htmlFile]) {
      if (refusal === null && rel !== null) refusal = outFiles.whyNotWritable(rel);
    }
    return { source, name, executed, html: htmlFile, refusal };
  });
}

/**
 * Kills a kernel the driver reported but did not report stopped (the driver died or was killed),
 * and deletes its connection file. Checks on Linux that the pid still is that kernel.
 * @param {{ pid: number | null, connection_file: string }} kernel
 * @param {(line: string) => void} log
 */
function killLeftoverKernel(kernel, log) {
  if (kernel.pid) {
    let isThatKernel;
    try {
      isThatKernel = fs.readFileSync(`/proc/${kernel.pid}/cmdline`, "utf8").includes(kernel.connection_file);
    } catch (error) {
      isThatKernel = /** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT" || !fs.existsSync("/proc/self");
    }
    if (isThatKernel) {
      for (const target of process.platform === "win32" ? [kernel.pid] : [-kernel.pid, kernel.pid]) {
        try {
          process.kill(target, "SIGKILL"); // jupyter_client starts a kernel as the leader of its own process group
          log(`${TOOL}: killed kernel ${kernel.pid}, which the notebook driver left running.`);
          break;
        } catch {
          // already gone, or no such group: try the next target
        }
      }
    }
  }
  if (kernel.connection_file) fs.rmSync(kernel.connection_file, { force: true });
}

/**
 * Moves a notebook's staged outputs into the output folder through its manifest (checked again: a
 * file may have appeared while the notebook ran); a refusal becomes one of the notebook's problems.
 * @param {NotebookResult} result
 * @param {{ executed: string, html: string | null }} planned relative names in the output folder
 * @param {{ executed: string, html: string | null }} staged paths the driver wrote
 * @param {WrittenFiles} outFiles
 */
function saveOutputs(result, planned, staged, outFiles) {
  for (const key of /** @type {const} */ (["executed", "html"])) {
    const rel = planned[key];
    const file = staged[key];
    if (rel === null || file === null || !fs.existsSync(file)) continue;
    try {
      result[key] = outFiles.write(rel, fs.readFileSync(file));
    } catch (error) {
      result.problems.push(`not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Runs notebooks; never throws for a notebook's own failure (it is a result). Throws a CliError for
 * a problem with the whole run (bad --out or --json, no Python).
 * @param {RunOptions} options
 * @returns {Promise<{ results: NotebookResult[], stoppedBy: NodeJS.Signals | null, exitCode: number }>}
 */
async function runNotebooks(options) {
  const log = options.log ?? ((line) => console.log(line));
  const html = options.html ?? true;
  const outFiles = new WrittenFiles(options.out, TOOL);
  const plan = planOutputs(options.notebooks, outFiles, html);
  /** @type {{ files: WrittenFiles, rel: string } | null} */
  let jsonTarget = null;
  if (options.json) {
    const jsonDir = realPathOf(path.dirname(options.json));
    const files = jsonDir === outFiles.dir ? outFiles : new WrittenFiles(jsonDir, TOOL, "--json");
    const rel = path.basename(options.json);
    files.forbidden = outFiles.forbidden;
    const refusal =
      files.whyNotWritable(rel) ??
      (plan.some((p) => files === outFiles && (p.executed === rel || p.html === rel))
        ? `--json ${options.json} is also an executed copy's name.`
        : null);
    if (refusal) throw new CliError(`--json: ${refusal}`);
    jsonTarget = { files, rel };
  }
  const python = requireNotebookPython();
  await ensureFreshBuild({ log });
  registerKernel();
  require("./prepare-datasets").prepareDatasets({ quiet: true });

  /** @type {NotebookResult[]} */
  const results = plan.map((p) => ({
    notebook: p.source,
    ok: false,
    seconds: 0,
    problems: p.refusal ? [`refused: ${p.refusal}`] : [],
    refused: Boolean(p.refusal),
    executed: null,
    html: null,
  }));
  for (const [i, p] of plan.entries()) if (p.refusal) log(`REFUSED ${p.source}\n    ${results[i].problems[0]}`);
  const runnable = plan.map((p, i) => ({ ...p, index: i })).filter((p) => !p.refusal);
  /** @type {Set<number>} */
  const finished = new Set();
  let stoppedBy = null;
  let driverProblem = null;
  if (runnable.length > 0) {
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), "convnet-run-"));
    const removeStaging = () => fs.rmSync(staging, { recursive: true, force: true });
    process.on("exit", removeStaging);
    try {
      const job = {
        kernel: "tslab",
        cell_timeout: options.cellTimeout ?? (options.full ? FULL_CELL_TIMEOUT : DEFAULT_CELL_TIMEOUT),
        keep_going: Boolean(options.keepGoing),
        notebooks: runnable.map((p, k) => ({
          source: p.source,
          executed: path.join(staging, `${k}`, p.executed),
          html: p.html ? path.join(staging, `${k}`, p.html) : null,
        })),
      };
      for (const k of runnable.keys()) fs.mkdirSync(path.join(staging, `${k}`));
      const jobFile = path.join(staging, "job.json");
      fs.writeFileSync(jobFile, JSON.stringify(job, null, 1));
      const env = jupyterEnv(options.full ? { CONVNET_FULL: "1" } : {});
      const { child, done } = startChild(python, [DRIVER, jobFile], {
        stdio: ["ignore", "pipe", "inherit"],
        env,
        cwd: notebooksDir,
      });
      /** @type {Map<number, { pid: number | null, connection_file: string }>} */
      const kernels = new Map();
      if (child && child.stdout) {
        const lines = readline.createInterface({ input: child.stdout });
        lines.on("line", (line) => {
          let event;
          try {
            event = JSON.parse(line);
          } catch {
            process.stderr.write(`${line}\n`); // not an event: something the driver's libraries printed
            return;
          }
          const p = runnable[event.index];
          if (event.event === "started") log(`running ${p.source} ...`);
          else if (event.event === "kernel-started")
            kernels.set(event.index, { pid: event.pid, connection_file: event.connection_file });
          else if (event.event === "kernel-stopped") kernels.delete(event.index);
          else if (event.event === "done") {
            const result = results[p.index];
            result.seconds = event.seconds;
            result.problems.push(...event.problems);
            saveOutputs(result, p, job.notebooks[event.index], outFiles);
            result.ok = result.problems.length === 0;
            finished.add(p.index);
            log(`${result.ok ? "PASS" : "FAIL"} ${p.source} (${result.seconds.toFixed(1)} s)`);
            for (const problem of result.problems) log(`    ${problem}`);
          }
        });
        await new Promise((resolve) => lines.on("close", resolve));
      }
      const end = await done;
      for (const kernel of kernels.values()) killLeftoverKernel(kernel, log);
      stoppedBy = end.stoppedBy;
      if (!stoppedBy && (end.error || end.code !== 0)) {
        driverProblem = `the notebook driver (${python} ${DRIVER}) ${end.error ? `could not start: ${end.error.message}` : `ended with ${end.signal ?? `exit code ${end.code}`}`}; see its messages above.`;
      }
    } finally {
      removeStaging();
      process.removeListener("exit", removeStaging);
    }
  }
  for (const p of runnable) {
    if (!finished.has(p.index))
      results[p.index].problems.push(
        stoppedBy
          ? `not finished: stopped by ${stoppedBy}`
          : `did not run: ${driverProblem ?? "the driver gave no result"}`,
      );
  }
  if (driverProblem) log(`${TOOL}: ${driverProblem}`);
  if (jsonTarget) {
    jsonTarget.files.write(jsonTarget.rel, JSON.stringify(results, null, 2) + "\n");
  }
  const passed = results.filter((r) => r.ok).length;
  const refused = results.filter((r) => r.refused).length;
  const notRun = runnable.filter((p) => !finished.has(p.index)).length;
  const extra = [refused ? `${refused} refused before running` : "", notRun ? `${notRun} not finished` : ""]
    .filter(Boolean)
    .join(", ");
  log(
    `notebooks: ${passed} passed, ${results.length - passed} failed${extra ? ` (${extra})` : ""}${stoppedBy ? `; stopped by ${stoppedBy}` : ""}`,
  );
  const exitCode = stoppedBy ? signalExitCode(stoppedBy) : passed === results.length ? 0 : 1;
  return { results, stoppedBy, exitCode };
}

async function main(/** @type {import("./cli").ParsedArgs} */ args) {
  const flags = args.flags;
  const notebooks = args.positionals.length ? args.positionals.map(resolveNotebook) : listNotebooks();
  const { exitCode } = await runNotebooks({
    notebooks,
    out: /** @type {string | undefined} */ (flags["--out"]) ?? path.join(root, "out", "lessons"),
    html: !flags["--no-html"],
    keepGoing: Boolean(flags["--keep-going"]),
    full: Boolean(flags["--full"]),
    cellTimeout: /** @type {number | undefined} */ (flags["--cell-timeout"]),
    json: /** @type {string | undefined} */ (flags["--json"]),
  });
  return exitCode;
}

if (require.main === module) runCli(SPEC, main);
module.exports = { resolveNotebook, runNotebooks, requireNotebookPython, SPEC };

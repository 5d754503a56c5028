// @ts-check
// Starting child processes so that stopping a command stops everything it started: while a child
// runs, SIGINT/SIGTERM sent to this process (what Ctrl-C, `timeout` or a CI job sends) are passed
// on to it, and a child still running STOP_GRACE_MS later is killed. Node's default would end this
// process at once and leave the child (and a kernel it started) running.
"use strict";
const os = require("os");
const { spawn } = require("child_process");

const STOP_GRACE_MS = 20_000;
const STOP_SIGNALS = /** @type {const} */ (["SIGINT", "SIGTERM"]);

/** @type {Set<import("child_process").ChildProcess>} */
const running = new Set();
/** @type {NodeJS.Signals | null} */
let received = null;
let handlersInstalled = false;

/**
 * The exit code of a process ended by `signal` (128 + its number, as a shell reports it).
 * @param {NodeJS.Signals} signal
 */
function signalExitCode(signal) {
  return 128 + (os.constants.signals[signal] ?? 15);
}

/** The first SIGINT/SIGTERM this process received while a child ran, or null. */
function stopSignal() {
  return received;
}

/** @param {NodeJS.Signals} signal */
function onSignal(signal) {
  received = received ?? signal;
  if (running.size === 0) process.exit(signalExitCode(signal)); // nothing to wait for ('exit' handlers still run)
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
  setTimeout(() => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }, STOP_GRACE_MS).unref();
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
}

/**
 * Starts `command` and returns it with a promise of its end. Once a stop signal has been received,
 * no new child is started (the promise resolves at once with `stoppedBy` set).
 * @param {string} command
 * @param {string[]} args
 * @param {import("child_process").SpawnOptions} [options]
 * @returns {{ child: import("child_process").ChildProcess | null, done: Promise<{ code: number | null, signal: NodeJS.Signals | null, stoppedBy: NodeJS.Signals | null, error: Error | null }> }}
 */
function startChild(command, args, options = {}) {
  installHandlers();
  if (received)
    return { child: null, done: Promise.resolve({ code: null, signal: null, stoppedBy: received, error: null }) };
  const child = spawn(command, args, options);
  running.add(child);
  const done = new Promise((resolve) => {
    /** @type {Error | null} */
    let failure = null;
    child.on("error", (error) => {
      failure = error; // e.g. ENOENT: the program does not exist; 'close' follows
    });
    child.on("exit", () => {
      // A grandchild that inherited a pipe would hold 'close' back for as long as it lives.
      setTimeout(() => child.stdio.forEach((stream) => stream?.destroy()), 2000).unref();
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stoppedBy: received, error: failure });
    });
  });
  return { child, done };
}

/**
 * Runs a child to its end (stdio inherited unless options say otherwise).
 * @param {string} command
 * @param {string[]} args
 * @param {import("child_process").SpawnOptions} [options]
 */
function runChild(command, args, options = {}) {
  return startChild(command, args, { stdio: "inherit", ...options }).done;
}

module.exports = { startChild, runChild, stopSignal, signalExitCode, STOP_GRACE_MS };

// Stopping the lesson runner or the site builder (SIGTERM from `timeout` or a CI job, Ctrl-C's SIGINT)
// while a kernel spins in an endless loop stops everything they started: no process of theirs keeps
// running, the kernel's connection file is deleted, and the exit status is not 0. Every process of the
// command is recorded from /proc while it runs, so a process orphaned by the stop is still found.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawn, ChildProcess } from "child_process";
import { projectRoot } from "../helpers";
import {
  ProcessTree,
  ProcessInfo,
  fixtureNotebooks,
  scriptsDir,
  skipNoProc,
  skipNotebooks,
  sleep,
  tempDir,
  listFiles,
} from "./script-runs";

const endless = path.join(fixtureNotebooks, "endless-loop.ipynb");
const skip = skipNotebooks || skipNoProc;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  tree: ProcessTree;
}

/**
 * Starts `command` in its own process group, waits until `ready(processes)` says so (while recording
 * every descendant), then calls `stop`, and waits for the command to end.
 */
async function startAndStop(
  command: string[],
  ready: (processes: ProcessInfo[]) => boolean,
  stop: (child: ChildProcess, tree: ProcessInfo[]) => void,
  marker = "/dev/null",
): Promise<Stopped> {
  const env = { ...process.env, CONVNET_LOOP_MARKER: marker };
  const child = spawn(command[0], command.slice(1), {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const tree = new ProcessTree(child.pid as number);
  const deadline = Date.now() + 120_000;
  let processes = tree.poll();
  while (!ready(processes)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
      for (const p of tree.stillRunning()) killQuietly(p.pid);
      assert.fail(
        `the command ${child.exitCode !== null ? "ended" : "did not reach the state to stop it in"} before it was stopped:\n${output}`,
      );
    }
    await sleep(100);
    processes = tree.poll();
  }
  try {
    stop(child, processes);
  } catch (error) {
    for (const p of [...tree.poll(), ...tree.stillRunning()]) killQuietly(p.pid); // never leave them running
    throw error;
  }
  const watching = setInterval(() => tree.poll(), 50);
  const timer = setTimeout(() => {
    for (const p of tree.stillRunning()) killQuietly(p.pid);
  }, 60_000);
  const { code, signal } = await ended;
  clearTimeout(timer);
  clearInterval(watching);
  await sleep(1500); // a killed process takes a moment to disappear from /proc
  return { code, signal, output, tree };
}

/**
 * A readiness check: true once the fixture's first cell has written its marker file (so the loop cell
 * runs next) and the tree's tslab kernel is busy (at least 0.3 s of CPU in the last second; idle, it uses none).
 */
function kernelSpinning(marker: string): (processes: ProcessInfo[]) => boolean {
  const samples: { at: number; ticks: number }[] = [];
  return (processes) => {
    const kernel = processes.find((p) => p.cmdline.includes("tslab kernel"));
    if (!kernel || !fs.existsSync(marker)) return false;
    const now = Date.now();
    samples.push({ at: now, ticks: kernel.cpuTicks });
    const second = samples.find((s) => now - s.at <= 1000);
    if (!second || now - second.at < 800) return false;
    return (kernel.cpuTicks - second.ticks) / TICKS_PER_SECOND >= 0.3 * ((now - second.at) / 1000);
  };
}

function assertNothingLeft(stopped: Stopped): void {
  const { tree, output } = stopped;
  const running = tree.stillRunning();
  for (const p of running) killQuietly(p.pid); // never leave them, even when the test fails
  assert.deepEqual(
    running.map((p) => `${p.pid} ${p.cmdline}`),
    [],
    `processes left running:\n${output}`,
  );
  const kernels = tree.kernelConnectionFiles();
  assert.ok(kernels.length >= 1, `no kernel was seen, so this test proved nothing:\n${output}`);
  for (const file of kernels)
    assert.equal(fs.existsSync(file), false, `the kernel's connection file ${file} was left behind`);
  const drivers = [...tree.seen.values()]
    .map((p) => /notebook_driver\.py (\S+)/.exec(p.cmdline)?.[1])
    .filter((f): f is string => f !== undefined);
  for (const job of drivers)
    assert.equal(
      fs.existsSync(path.dirname(job)),
      false,
      `the runner's staging folder ${path.dirname(job)} was left behind`,
    );
}

const runner = (out: string) => [
  process.execPath,
  path.join(scriptsDir, "run-notebooks.js"),
  endless,
  "--out",
  out,
  "--no-html",
];

test(
  "SIGTERM to the runner alone (as a CI job sends it) stops the driver and the spinning kernel, and exits 143",
  { skip, timeout: 180_000 },
  async () => {
    const out = tempDir("sigterm");
    const marker = path.join(out, "loop-started");
    const stopped = await startAndStop(runner(out), kernelSpinning(marker), (child) => child.kill("SIGTERM"), marker);
    assertNothingLeft(stopped);
    assert.equal(stopped.code, 143, stopped.output);
    assert.match(stopped.output, /notebooks: 0 passed, 1 failed \(1 not finished\); stopped by SIGTERM/);
    // The driver shut its kernel down itself; the runner's fallback for a dead driver was not needed.
    assert.doesNotMatch(stopped.output, /killed kernel/);
    fs.rmSync(out, { recursive: true, force: true });
  },
);

test(
  "Ctrl-C (SIGINT to the whole process group) stops everything, and exits 130",
  { skip, timeout: 180_000 },
  async () => {
    const out = tempDir("sigint");
    const marker = path.join(out, "loop-started");
    const stopped = await startAndStop(
      runner(out),
      kernelSpinning(marker),
      (child) => process.kill(-(child.pid as number), "SIGINT"),
      marker,
    );
    assertNothingLeft(stopped);
    assert.equal(stopped.code, 130, stopped.output);
    fs.rmSync(out, { recursive: true, force: true });
  },
);

test("a stop that comes while the kernel is starting leaves nothing either", { skip, timeout: 180_000 }, async () => {
  const out = tempDir("sigterm-early");
  const kernelStarting = (processes: ProcessInfo[]) => processes.some((p) => p.cmdline.includes("tslab kernel"));
  const stopped = await startAndStop(runner(out), kernelStarting, (child) => child.kill("SIGTERM"));
  assertNothingLeft(stopped);
  assert.notEqual(stopped.code, 0, stopped.output);
  fs.rmSync(out, { recursive: true, force: true });
});

test("`timeout` ending the runner leaves nothing running", { skip, timeout: 180_000 }, async () => {
  const out = tempDir("timeout");
  // The command is stopped by `timeout` itself after 15 s, whatever the runner is doing by then.
  const stopped = await startAndStop(
    ["timeout", "-s", "TERM", "15", ...runner(out)],
    (processes) => processes.some((p) => p.cmdline.includes("tslab kernel")),
    () => undefined,
  );
  assertNothingLeft(stopped);
  assert.equal(stopped.code, 124, stopped.output); // timeout's status when it had to stop the command
  fs.rmSync(out, { recursive: true, force: true });
});

test(
  "when the driver itself is killed (SIGKILL: no clean-up of its own), the runner kills the kernel and deletes its connection file",
  { skip, timeout: 180_000 },
  async () => {
    const out = tempDir("driver-killed");
    const marker = path.join(out, "loop-started");
    const stopped = await startAndStop(
      runner(out),
      kernelSpinning(marker),
      (_child, processes) => {
        const driver = processes.find((p) => p.cmdline.includes("notebook_driver.py"));
        assert.ok(driver, "no driver process");
        process.kill(driver.pid, "SIGKILL");
      },
      marker,
    );
    assertNothingLeft(stopped);
    assert.equal(stopped.code, 1, stopped.output);
    assert.match(stopped.output, /killed kernel \d+/);
    assert.match(stopped.output, /notebooks: 0 passed, 1 failed/);
    fs.rmSync(out, { recursive: true, force: true });
  },
);

test(
  "SIGTERM to the site builder while a lesson spins stops everything, and the site folder holds only files it recorded",
  { skip, timeout: 180_000 },
  async () => {
    const out = path.join(tempDir("site-sigterm"), "site");
    const command = [process.execPath, path.join(scriptsDir, "build-site.js"), endless, "--out", out];
    const marker = path.join(path.dirname(out), "loop-started");
    const stopped = await startAndStop(command, kernelSpinning(marker), (child) => child.kill("SIGTERM"), marker);
    assertNothingLeft(stopped);
    assert.equal(stopped.code, 143, stopped.output);
    assert.match(stopped.output, /build-site: stopped by SIGTERM/);
    // One node process drives the lessons: build-site runs them in-process, not through a second node.
    assert.deepEqual(
      [...stopped.tree.seen.values()].filter((p) => p.cmdline.includes("run-notebooks.js")).map((p) => p.cmdline),
      [],
    );
    const manifestFile = path.join(out, ".written-by-build-site.json");
    const recorded = fs.existsSync(manifestFile)
      ? Object.keys((JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { files: object }).files)
      : [];
    assert.deepEqual(
      listFiles(out).filter((f) => f !== ".written-by-build-site.json" && !recorded.includes(f)),
      [],
    );
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  },
);

// Helpers for the tests of scripts/: running a script, temporary folders, file snapshots, and the
// process table (/proc) to prove that a stopped command left nothing running.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { projectRoot } from "../helpers";

export const scriptsDir = path.join(projectRoot, "scripts");
export const fixtureNotebooks = path.join(projectRoot, "test", "fixtures", "notebooks");
export const skipNotebooks =
  process.env.CONVNET_SKIP_NOTEBOOKS === "1" ? "notebook execution skipped (CONVNET_SKIP_NOTEBOOKS=1)" : false;
export const skipNoProc = fs.existsSync("/proc/self/stat") ? false : "needs /proc (Linux) to inspect processes";

export interface ScriptRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, for assertion messages. */
  output: string;
}

/** Runs `node scripts/<script> ...args` to its end. */
export function runScript(
  script: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): ScriptRun {
  const result = spawnSync(process.execPath, [path.join(scriptsDir, script), ...args], {
    cwd: options.cwd ?? projectRoot,
    env: options.env ?? process.env,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 5 * 60_000,
  });
  const stdout = result.stdout ?? "";
  const stderr = result.stderr ?? "";
  return {
    status: result.status,
    signal: result.signal,
    stdout,
    stderr,
    output: `--- stdout\n${stdout}\n--- stderr\n${stderr}`,
  };
}

export { tempDir } from "../helpers";

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every file under dir (links not followed) with its content hash, keyed by relative path. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isSymbolicLink()) files.set(path.relative(dir, file), `link -> ${fs.readlinkSync(file)}`);
      else files.set(path.relative(dir, file), sha256(file));
    }
  };
  walk(dir);
  return files;
}

/** Every file under dir, relative, sorted (links not followed). */
export function listFiles(dir: string): string[] {
  return [...snapshot(dir).keys()].sort();
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  /** Clock ticks after boot; with the pid, it names one process even after the pid is reused. */
  startTime: string;
  state: string;
  /** user + system CPU time, in clock ticks */
  cpuTicks: number;
  cmdline: string;
}

/** One process from /proc, or null when it does not exist. */
export function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return {
      pid,
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      startTime: fields[19],
      state: fields[0],
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      cmdline,
    };
  } catch {
    return null;
  }
}

export function allProcesses(): ProcessInfo[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((p): p is ProcessInfo => p !== null);
}

/** True while the very process described by `info` (same pid and start time) exists and is not a zombie. */
export function isRunning(info: ProcessInfo): boolean {
  const now = readProcess(info.pid);
  return now !== null && now.startTime === info.startTime && now.state !== "Z";
}

/**
 * Remembers every process that was ever a descendant of `rootPid` while it was polled, so that a
 * process orphaned later (re-parented to init) is still known.
 */
export class ProcessTree {
  readonly seen = new Map<string, ProcessInfo>();
  constructor(readonly rootPid: number) {}

  poll(): ProcessInfo[] {
    const processes = allProcesses();
    const known = new Set([this.rootPid, ...[...this.seen.values()].map((p) => p.pid)]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const p of processes) {
        if (!known.has(p.pid) && known.has(p.ppid)) {
          known.add(p.pid);
          grew = true;
        }
      }
    }
    const current = processes.filter((p) => known.has(p.pid));
    for (const p of current) {
      const key = `${p.pid}:${p.startTime}`;
      // A zombie's cmdline is empty: keep the last one seen while it ran.
      const before = this.seen.get(key);
      this.seen.set(key, p.cmdline === "" && before ? { ...p, cmdline: before.cmdline } : p);
    }
    return current;
  }

  /** Processes of the tree that still run (compared by pid and start time). */
  stillRunning(): ProcessInfo[] {
    return [...this.seen.values()].filter(isRunning);
  }

  /** The connection files of the kernels seen (tslab's `--config-path FILE`). */
  kernelConnectionFiles(): string[] {
    return [...this.seen.values()]
      .map((p) => /tslab kernel --config-path (\S+)/.exec(p.cmdline)?.[1])
      .filter((f): f is string => f !== undefined);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

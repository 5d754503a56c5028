// `npm start -- --no-browser` brings up the Jupyter that start.js picks (JupyterLab here), with the
// TypeScript kernel in its kernel list; SIGTERM or Ctrl-C (SIGINT), to start.js or to npm, stops the
// server AND its kernels.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as http from "http";
import * as net from "net";
import * as path from "path";
import * as fs from "fs";
import { spawn, ChildProcess } from "child_process";
import { projectRoot } from "../helpers";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const lib = require(path.join(projectRoot, "scripts", "lib.js"));
const skip =
  process.platform !== "linux"
    ? "reads /proc (Linux)"
    : lib.findJupyter()
      ? false
      : "no Jupyter set up (node scripts/setup.js)";

function request(method: string, url: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, timeout: 10_000, headers: body ? { "Content-Type": "application/json" } : {} },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.end(body);
  });
}

/** The pid of a process whose command line contains `needle` (read from /proc; no ps needed), or 0. */
function processWith(needle: string): number {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(needle)) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
  output: { text: string },
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s:\n${output.text}`)),
      timeoutMs,
    );
    const check = () => {
      const match = output.text.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", () => {
      clearTimeout(timer);
      reject(new Error(`npm start exited early:\n${output.text}`));
    });
  });
}

/** `node scripts/start.js`, or the real `npm start` (through npm's own CLI, as a learner runs it). */
function startCommand(viaNpm: boolean, port: number): [string, string[]] {
  const args = ["--no-browser", `--port=${port}`];
  if (!viaNpm) return [process.execPath, [path.join(projectRoot, "scripts", "start.js"), ...args]];
  const npmCli =
    process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)
      ? process.env.npm_execpath
      : path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js");
  return [process.execPath, [npmCli, "start", "--silent", "--", ...args]];
}

const cases = [
  { name: "SIGTERM to start.js", signal: "SIGTERM", viaNpm: false },
  { name: "Ctrl-C (SIGINT) to start.js", signal: "SIGINT", viaNpm: false },
  // npm does not pass a SIGTERM on to the script it runs: start.js must notice its parent is gone.
  { name: "SIGTERM to npm (npm start)", signal: "SIGTERM", viaNpm: true },
] as const;

for (const { name, signal, viaNpm } of cases) {
  test(
    `npm start -- --no-browser serves the TypeScript kernel, and ${name} stops the server and its kernels`,
    { skip, timeout: 3 * 60_000 },
    async () => {
      const started = Date.now();
      const port = await freePort();
      const [command, args] = startCommand(viaNpm, port);
      const child = spawn(command, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
      const output = { text: "" };
      child.stdout?.on("data", (d: Buffer) => (output.text += d.toString()));
      child.stderr?.on("data", (d: Buffer) => (output.text += d.toString()));
      let kernelPid = 0;
      try {
        const [, url, token] = await waitForLine(
          child,
          /is running\. Open:\s+(http:\/\/127\.0\.0\.1:\d+\/)\S*\?token=(\w+)/,
          90_000,
          output,
        );
        console.log(`# npm start: ${lib.findJupyter().describe} answered after ${Date.now() - started} ms`);
        const specs = JSON.parse((await request("GET", `${url}api/kernelspecs?token=${token}`)).body) as {
          kernelspecs: Record<string, unknown>;
        };
        assert.ok(
          lib.KERNEL_NAME in specs.kernelspecs,
          `the TypeScript kernel is not in the kernel list: ${Object.keys(specs.kernelspecs).join(", ")}`,
        );
        const kernel = JSON.parse(
          (await request("POST", `${url}api/kernels?token=${token}`, JSON.stringify({ name: lib.KERNEL_NAME }))).body,
        ) as { id: string };
        // The kernel's process names its connection file, which holds the kernel id.
        for (let i = 0; i < 100 && !kernelPid; i++) {
          kernelPid = processWith(`kernel-${kernel.id}.json`);
          if (!kernelPid) await new Promise((r) => setTimeout(r, 100));
        }
        assert.ok(kernelPid > 0, "the kernel process was not found");
        // NUL-separated arguments: the node process itself, not the `sh -c "..."` npm runs it with.
        const startJs = processWith(`start.js\0--no-browser\0--port=${port}`);
        assert.ok(startJs > 0, "the start.js process was not found");
        child.kill(signal);
        const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
        if (!viaNpm) assert.equal(code, 0, output.text);
        // Everything must be gone within a bounded time (the start.js that npm ran checks its parent every second).
        for (let i = 0; i < 100 && (alive(kernelPid) || (startJs && alive(startJs))); i++)
          await new Promise((r) => setTimeout(r, 200));
        assert.equal(alive(startJs), false, `start.js (pid ${startJs}) was left running`);
        await assert.rejects(request("GET", `${url}api/status`), "the server still answers after npm start stopped");
        assert.equal(alive(kernelPid), false, `the kernel (pid ${kernelPid}) was left running`);
      } finally {
        // Never leave a server behind: a start.js that did not stop gets SIGTERM (it stops the server), then SIGKILL.
        if (child.exitCode === null) {
          child.kill("SIGTERM");
          await new Promise((r) => setTimeout(r, 5000));
          if (child.exitCode === null) child.kill("SIGKILL");
        }
        const leftover = processWith(`start.js\0--no-browser\0--port=${port}`);
        if (leftover) process.kill(leftover, "SIGTERM");
        if (kernelPid && alive(kernelPid)) process.kill(kernelPid, "SIGKILL");
      }
    },
  );
}

// `npm start -- --no-browser` brings up the Jupyter that start.js picks (JupyterLab here), with the
// TypeScript kernel in its kernel list; SIGTERM or Ctrl-C (SIGINT) stops the server AND its kernels.
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
const skip = process.platform !== "linux" ? "reads /proc (Linux)" : lib.findJupyter() ? false : "no Jupyter set up (node scripts/setup.js)";

function request(method: string, url: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, timeout: 10_000, headers: body ? { "Content-Type": "application/json" } : {} }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
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
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, output: { text: string }): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s:\n${output.text}`)), timeoutMs);
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

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`npm start -- --no-browser serves the TypeScript kernel, and ${signal} stops the server and its kernels`, { skip, timeout: 3 * 60_000 }, async () => {
    const started = Date.now();
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(projectRoot, "scripts", "start.js"), "--no-browser", `--port=${port}`], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    const output = { text: "" };
    child.stdout?.on("data", (d: Buffer) => (output.text += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output.text += d.toString()));
    let kernelPid = 0;
    try {
      const [, url, token] = await waitForLine(child, /is running\. Open:\s+(http:\/\/127\.0\.0\.1:\d+\/)\S*\?token=(\w+)/, 90_000, output);
      console.log(`# npm start: ${lib.findJupyter().describe} answered after ${Date.now() - started} ms`);
      const specs = JSON.parse((await request("GET", `${url}api/kernelspecs?token=${token}`)).body) as { kernelspecs: Record<string, unknown> };
      assert.ok(lib.KERNEL_NAME in specs.kernelspecs, `the TypeScript kernel is not in the kernel list: ${Object.keys(specs.kernelspecs).join(", ")}`);
      const kernel = JSON.parse((await request("POST", `${url}api/kernels?token=${token}`, JSON.stringify({ name: lib.KERNEL_NAME }))).body) as { id: string };
      // The kernel's process names its connection file, which holds the kernel id.
      for (let i = 0; i < 100 && !kernelPid; i++) {
        kernelPid = processWith(`kernel-${kernel.id}.json`);
        if (!kernelPid) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(kernelPid > 0, "the kernel process was not found");
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      assert.equal(code, 0, output.text);
      await assert.rejects(request("GET", `${url}api/status`), "the server still answers after npm start stopped");
      assert.equal(alive(kernelPid), false, `the kernel (pid ${kernelPid}) was left running`);
    } finally {
      // Never leave a server behind: a start.js that did not stop gets SIGTERM (it stops the server), then SIGKILL.
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 5000));
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (kernelPid && alive(kernelPid)) process.kill(kernelPid, "SIGKILL");
    }
  });
}

// A Jupyter server on loopback for a test (classic Notebook, or JupyterLab as `npm start` would
// pick it): free port, random token, our kernelspec first on JUPYTER_PATH, throw-away config,
// runtime and Lab-settings folders; always stopped, kernels first.
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { randomBytes } from "crypto";
import { spawn, spawnSync, ChildProcess } from "child_process";

export interface NotebookServer {
  url: string;
  token: string;
  /** Shuts the kernels down, then the server (and its process group); bounded in time. */
  stop(): Promise<void>;
  log(): string;
}

/** How scripts/lib.js says to start a Jupyter. */
export interface JupyterChoice {
  ui: "lab" | "notebook";
  kind: "pip" | "build" | "classic";
  command: string;
  args: string[];
  describe: string;
}

interface ScriptsLib {
  root: string;
  jupyterEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
  registerKernel(): string;
  ensureBuilt(): void;
  findJupyter(prefer?: "lab" | "notebook"): JupyterChoice | null;
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { JUPYTER_HELP } = require(path.resolve(__dirname, "..", "..", "..", "scripts", "setup-packages.js")) as {
  JUPYTER_HELP: string;
};

/** Throws a clear error when the classic Notebook is not installed. */
export function requireClassicNotebook(): void {
  const result = spawnSync("jupyter", ["notebook", "--version"], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      "The classic Jupyter Notebook is not installed (`jupyter notebook --version` failed).\n" +
        `${JUPYTER_HELP}\nOr set CONVNET_SKIP_BROWSER=1 to skip the browser tests.`,
    );
  }
}

/** The JupyterLab that `npm start` would open, or a clear error saying how to set it up. */
export function requireLab(lib: ScriptsLib): JupyterChoice {
  const lab = lib.findJupyter("lab");
  if (!lab) {
    throw new Error(
      "JupyterLab is not set up: no pip-installed `jupyter lab`, and no JupyterLab build in lab/build with a jupyterlab_server to serve it. " +
        "Run `node scripts/setup.js` (`npm install` runs it), or set CONVNET_SKIP_BROWSER=1 to skip the browser tests.",
    );
  }
  return lab;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

function request(method: string, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, timeout: 5000 }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `jupyter notebook` serving notebookDir; resolves when its API answers. */
export async function startNotebookServer(
  notebookDir: string,
  lib: ScriptsLib,
  startTimeoutMs = 90_000,
): Promise<NotebookServer> {
  requireClassicNotebook();
  const classic: JupyterChoice = {
    ui: "notebook",
    kind: "classic",
    command: "jupyter",
    args: ["notebook"],
    describe: "the classic Jupyter Notebook",
  };
  return startServer(classic, notebookDir, lib, startTimeoutMs, "startNotebookServer");
}

/** Starts the JupyterLab that `npm start` would open, serving notebookDir; resolves when its API answers. */
export async function startLabServer(
  notebookDir: string,
  lib: ScriptsLib,
  startTimeoutMs = 90_000,
): Promise<NotebookServer & { jupyter: JupyterChoice }> {
  const lab = requireLab(lib);
  return { ...(await startServer(lab, notebookDir, lib, startTimeoutMs, "startLabServer")), jupyter: lab };
}

async function startServer(
  jupyter: JupyterChoice,
  notebookDir: string,
  lib: ScriptsLib,
  startTimeoutMs: number,
  caller: string,
): Promise<NotebookServer> {
  if (!fs.existsSync(notebookDir) || !fs.statSync(notebookDir).isDirectory()) {
    throw new Error(
      `${caller}: notebookDir ${JSON.stringify(notebookDir)} is not a folder. Pass the project's notebooks/ folder.`,
    );
  }
  lib.ensureBuilt();
  lib.registerKernel();
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "convnet-jupyter-"));
  // Lab's settings and workspaces in the scratch folder: a test never sees (or changes) a learner's open tabs.
  const labState = path.join(scratch, "lab");
  const env = lib.jupyterEnv({
    JUPYTER_CONFIG_DIR: path.join(scratch, "config"),
    JUPYTER_RUNTIME_DIR: path.join(scratch, "runtime"),
    CONVNET_LAB_STATE: labState,
  });
  const app = jupyter.kind === "classic" ? "NotebookApp" : "ServerApp";
  const args = [
    ...jupyter.args,
    "--no-browser",
    `--${app}.ip=127.0.0.1`,
    `--${app}.port=${port}`,
    `--${app}.port_retries=0`,
    `--${app}.token=${token}`,
    jupyter.kind === "classic" ? `--NotebookApp.notebook_dir=${notebookDir}` : `--ServerApp.root_dir=${notebookDir}`,
    ...(jupyter.kind === "pip"
      ? [
          `--LabApp.user_settings_dir=${path.join(labState, "user-settings")}`,
          `--LabApp.workspaces_dir=${path.join(labState, "workspaces")}`,
        ]
      : []),
    ...(process.getuid && process.getuid() === 0 ? ["--allow-root"] : []),
  ];
  // Its own process group, so stop() also reaches the kernels it started.
  const child = spawn(jupyter.command, args, {
    env,
    cwd: notebookDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      const kernels = await request("GET", `${url}/api/kernels?token=${token}`);
      if (kernels.status === 200) {
        for (const k of JSON.parse(kernels.body) as { id: string }[])
          await request("DELETE", `${url}/api/kernels/${k.id}?token=${token}`).catch(() => undefined);
      }
    } catch {
      // the server may already be gone
    }
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // already exited
      }
    };
    signal("SIGTERM");
    if (!(await exited(child, 10_000))) {
      signal("SIGKILL");
      await exited(child, 5000);
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  };

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`${jupyter.describe} exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    const answer = await request("GET", `${url}/api/status?token=${token}`).catch(() => null);
    if (answer && answer.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${jupyter.describe} did not answer on ${url} within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, token, stop, log: () => output };
}

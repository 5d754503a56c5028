// @ts-check
// Rebuilds dist/ (the compiled library every lesson imports) when a file in src/ or a build setting
// is newer than what was compiled from it, so a lesson never runs stale library code. Runs started
// at the same time take turns through a lock folder, and the second one finds the build fresh.
"use strict";
const fs = require("fs");
const path = require("path");
const { runChild, stopSignal, signalExitCode } = require("./child-process");
const { CliError } = require("./cli");

const root = path.resolve(__dirname, "..");
const LOCK_WAIT_MS = 10 * 60_000;

/**
 * @param {string} dir
 * @returns {string[]}
 */
function tsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

/** @param {string} file */
function mtimeOrNull(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Why dist/ must be rebuilt (a sentence naming the first stale file), or null when every
 * src/**.ts has a compiled dist/**.js (and .d.ts) at least as new as it and as the build settings.
 * @param {string} [projectRoot]
 */
function whyStale(projectRoot = root) {
  const src = path.join(projectRoot, "src");
  const dist = path.join(projectRoot, "dist");
  const settings = ["tsconfig.json", "tsconfig.build.json"].map((f) => mtimeOrNull(path.join(projectRoot, f)) ?? 0);
  const newestSetting = Math.max(...settings);
  for (const source of tsFiles(src)) {
    const rel = path.relative(src, source).replace(/\.ts$/, "");
    for (const compiled of [path.join(dist, `${rel}.js`), path.join(dist, `${rel}.d.ts`)]) {
      const built = mtimeOrNull(compiled);
      if (built === null) return `${path.relative(projectRoot, compiled)} is missing`;
      if (built < fs.statSync(source).mtimeMs)
        return `src/${path.relative(src, source)} is newer than ${path.relative(projectRoot, compiled)}`;
      if (built < newestSetting)
        return `the build settings (tsconfig*.json) are newer than ${path.relative(projectRoot, compiled)}`;
    }
  }
  return null;
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/**
 * Takes the lock folder, waiting while a live process holds it.
 * @param {string} lock
 */
async function takeLock(lock) {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    }
    const holder = Number(fs.readFileSync(path.join(lock, "pid"), { encoding: "utf8", flag: "a+" }));
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      fs.rmSync(lock, { recursive: true, force: true }); // left by a run that was killed
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new CliError(
        `another build of dist/ (process ${holder}) has held ${lock} for over ${LOCK_WAIT_MS / 60_000} minutes. If no build is running, delete that folder.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * Rebuilds dist/ with tsc when whyStale says so. Quiet when dist/ is fresh. Returns whether it built.
 * @param {{ log?: (line: string) => void, projectRoot?: string }} [options] projectRoot: for tests
 */
async function ensureFreshBuild(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const project = options.projectRoot ?? root;
  if (whyStale(project) === null) return false;
  fs.mkdirSync(path.join(project, "dist"), { recursive: true });
  const lock = path.join(project, "dist", ".build-lock");
  await takeLock(lock);
  try {
    const reason = whyStale(project); // another run may have built it while this one waited
    if (reason === null) return false;
    log(`building dist/ (${reason}) ...`);
    const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
    const result = await runChild(process.execPath, [tsc, "-p", path.join(project, "tsconfig.build.json")], {
      cwd: project,
    });
    const stopped = stopSignal();
    if (stopped)
      throw new CliError(`stopped by ${stopped} while building dist/.`, { exitCode: signalExitCode(stopped) });
    if (result.code !== 0)
      throw new CliError(
        "building the library (dist/) failed; see the TypeScript errors above, fix them in src/, and run the command again.",
      );
    return true;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureFreshBuild, whyStale };

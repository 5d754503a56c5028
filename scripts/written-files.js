// @ts-check
// What a command wrote into its output folder, kept in a small manifest there, so that a later run
// replaces or removes only files the command wrote itself and nobody changed since: never a user's
// file, never a file through a symbolic link, never anything inside the project's sources.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { CliError } = require("./cli");

const root = path.resolve(__dirname, "..");
// Top-level folders of the project that hold sources or installed files; no output goes inside them.
const PROTECTED = [
  "notebooks",
  "src",
  "test",
  "solutions",
  "scripts",
  "datasets",
  "dist",
  "build-test",
  "node_modules",
  ".git",
  ".jupyter-data",
];

/**
 * @param {string} child
 * @param {string} parent
 */
function isInside(child, parent) {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * The real path of `file` (symbolic links resolved), also when it or some of its parents do not exist
 * yet: the nearest existing ancestor is resolved and the rest appended.
 * @param {string} file
 */
function realPathOf(file) {
  const absolute = path.resolve(file);
  const missing = [];
  let existing = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

/** Real paths of the folders no command writes into. */
function protectedFolders() {
  return PROTECTED.map((name) => realPathOf(path.join(root, name)));
}

/**
 * Why a command may not use `dir` as its output folder (real paths compared), or null.
 * @param {string} dir
 */
function whyNotOutputFolder(dir) {
  const real = realPathOf(dir);
  const shown = real === path.resolve(dir) ? dir : `${dir} (really ${real})`;
  if (isInside(realPathOf(root), real))
    return `${shown} holds the project itself; outputs need a folder of their own, e.g. out/.`;
  for (const folder of protectedFolders()) {
    if (isInside(real, folder))
      return `${shown} is inside ${folder}, which holds the project's sources; outputs never go there. Use a folder under out/.`;
  }
  if (fs.existsSync(real) && !fs.statSync(real).isDirectory())
    return `${shown} exists and is not a folder. Choose another folder.`;
  return null;
}

/** @param {Buffer | string} content */
function sha256(content) {
  return crypto.createHash("sha256").update(content).digest("hex");
}

/** @typedef {{ sha256: string, bytes: number }} Entry */

class WrittenFiles {
  /**
   * Opens (creating the folder if needed) the output folder `dir` of the command `tool`. Throws a
   * CliError when the folder may not be used (inside the sources, a file, holding the project) or its
   * manifest is not one of ours.
   * @param {string} dir
   * @param {string} tool e.g. "run-notebooks"
   * @param {string} [label] how messages name the folder's option
   */
  constructor(dir, tool, label = "--out") {
    const refusal = whyNotOutputFolder(dir);
    if (refusal) throw new CliError(`${label} ${refusal}`);
    fs.mkdirSync(dir, { recursive: true });
    this.dir = fs.realpathSync(dir);
    this.tool = tool;
    this.manifestName = `.written-by-${tool}.json`;
    this.manifestPath = path.join(this.dir, this.manifestName);
    /** Real paths that must never be written, e.g. the notebooks being run. @type {Set<string>} */
    this.forbidden = new Set();
    this.readManifest(); // refuses a folder whose manifest is not ours before anything is written
  }

  /**
   * The manifest's entries as they are on disk now ({} when there is none): two runs may write into one
   * folder at once (the tests run two lessons side by side), so each save merges into the latest.
   * @returns {Record<string, Entry>}
   */
  readManifest() {
    if (!fs.existsSync(this.manifestPath)) return {};
    let manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(this.manifestPath, "utf8"));
    } catch {
      manifest = null;
    }
    if (
      !manifest ||
      manifest.writtenBy !== this.tool ||
      typeof manifest.files !== "object" ||
      manifest.files === null
    ) {
      throw new CliError(
        `${this.manifestPath} is not a manifest written by ${this.tool}, so nothing in ${this.dir} is replaced. Move that file away, or choose another output folder.`,
      );
    }
    return manifest.files;
  }

  /** True when the folder holds nothing but (maybe) this manifest. */
  isEmpty() {
    return fs.readdirSync(this.dir).every((name) => name === this.manifestName);
  }

  /** True when this folder has a manifest of ours (an earlier run wrote here). */
  hasManifest() {
    return fs.existsSync(this.manifestPath);
  }

  /**
   * @param {string} rel
   * @returns {string} the normalised relative path, or throws
   */
  normalise(rel) {
    const clean = path.normalize(rel);
    if (path.isAbsolute(clean) || clean.startsWith("..") || clean === ".") {
      throw new TypeError(
        `WrittenFiles: ${JSON.stringify(rel)} must be a path inside the output folder, e.g. "lessons/00-welcome.html".`,
      );
    }
    return clean.split(path.sep).join("/");
  }

  /**
   * Why `rel` may not be written now (a sentence naming the file and a fix), or null when it may:
   * it does not exist, or it is a regular file this command wrote and nobody changed since.
   * @param {string} rel
   */
  whyNotWritable(rel) {
    const key = this.normalise(rel);
    const target = path.join(this.dir, key);
    if (key === this.manifestName) return `${target} is ${this.tool}'s own manifest.`;
    // Every folder on the way must be a real folder, not a link that could lead into notebooks/.
    let folder = this.dir;
    for (const part of path
      .dirname(key)
      .split("/")
      .filter((p) => p !== ".")) {
      folder = path.join(folder, part);
      const stat = lstatOrNull(folder);
      if (stat === null) break;
      if (stat.isSymbolicLink())
        return `${folder} is a symbolic link (to ${realPathOf(folder)}); ${this.tool} writes only into folders it can see are its own. Remove the link, or choose another output folder.`;
      if (!stat.isDirectory()) return `${folder} is not a folder. Move it away, or choose another output folder.`;
    }
    const real = realPathOf(target);
    if (this.forbidden.has(real)) return `${target} is a source of this run; it is never overwritten.`;
    const stat = lstatOrNull(target);
    if (stat !== null && stat.isSymbolicLink())
      return `${target} is a symbolic link (to ${real}), so writing it would write there; ${this.tool} leaves it alone. Remove the link, or choose another output folder.`;
    for (const protectedFolder of protectedFolders()) {
      if (isInside(real, protectedFolder))
        return `${target} would be inside ${protectedFolder}, which holds the project's sources. Choose an output folder under out/.`;
    }
    if (stat === null) return null;
    if (!stat.isFile()) return `${target} exists and is not a file. Move it away, or choose another output folder.`;
    const entry = this.readManifest()[key];
    if (!entry)
      return `${target} exists and was not written by ${this.tool} (it is not in ${this.manifestName}), so it is yours and is left alone. Move or rename it, or choose another output folder.`;
    if (entry.bytes !== stat.size || entry.sha256 !== sha256(fs.readFileSync(target))) {
      return `${target} was changed since ${this.tool} wrote it, so it is yours now and is left alone. Move or rename it, or choose another output folder.`;
    }
    return null;
  }

  /**
   * Writes `rel` (atomically: a temporary file renamed over it) and records it in the manifest.
   * Throws a CliError, writing nothing, when whyNotWritable gives a reason.
   * @param {string} rel
   * @param {Buffer | string} content
   */
  write(rel, content) {
    const key = this.normalise(rel);
    const refusal = this.whyNotWritable(key);
    if (refusal) throw new CliError(refusal);
    const target = path.join(this.dir, key);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, target);
    this.record(key, { sha256: sha256(content), bytes: Buffer.byteLength(content) });
    return target;
  }

  /**
   * Removes `rel` if this command wrote it and it is unchanged (then also its folders left empty).
   * A changed file is kept and forgotten: it is the user's now. Returns null when removed or absent,
   * else the reason it was kept.
   * @param {string} rel
   */
  remove(rel) {
    const key = this.normalise(rel);
    if (!this.recorded().includes(key)) return `${path.join(this.dir, key)} was not written by ${this.tool}.`;
    const target = path.join(this.dir, key);
    const refusal = lstatOrNull(target) === null ? null : this.whyNotWritable(key);
    this.record(key, null);
    if (refusal === null) {
      fs.rmSync(target, { force: true });
      this.pruneEmptyFolders(path.dirname(target));
    }
    return refusal;
  }

  /**
   * Removes empty folders from `folder` up to (not including) the output folder.
   * @param {string} folder
   */
  pruneEmptyFolders(folder) {
    while (folder !== this.dir && isInside(folder, this.dir)) {
      const stat = lstatOrNull(folder);
      if (!stat || !stat.isDirectory() || fs.readdirSync(folder).length > 0) return;
      fs.rmdirSync(folder);
      folder = path.dirname(folder);
    }
  }

  /** The relative paths recorded in the manifest. */
  recorded() {
    return Object.keys(this.readManifest());
  }

  /**
   * Records that this run wrote `key` (an entry) or removed it (null): the manifest on disk is read,
   * changed and replaced under a lock, so that a run writing into the same folder at once keeps its entries.
   * @param {string} key
   * @param {Entry | null} entry
   */
  record(key, entry) {
    withLock(`${this.manifestPath}.lock`, () => {
      const files = this.readManifest();
      if (entry) files[key] = entry;
      else delete files[key];
      const manifest = {
        writtenBy: this.tool,
        about: `Files ${this.tool} wrote in this folder. It replaces or removes only these, and only while they are unchanged; anything else here is left alone.`,
        files,
      };
      const temporary = `${this.manifestPath}.${process.pid}.partial`;
      fs.writeFileSync(temporary, JSON.stringify(manifest, null, 1) + "\n");
      fs.renameSync(temporary, this.manifestPath);
    });
  }
}

const LOCK_WAIT_MS = 10_000;
// A lock older than this was left by a run that was killed between creating and removing it.
const STALE_LOCK_MS = 30_000;

/**
 * Runs `action` while holding `lockFile` (created exclusively, removed after).
 * @param {string} lockFile
 * @param {() => void} action
 */
function withLock(lockFile, action) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lockFile, "wx"));
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      const stat = lstatOrNull(lockFile);
      if (stat && Date.now() - stat.mtimeMs > STALE_LOCK_MS) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new CliError(
          `${lockFile} has been held for over ${LOCK_WAIT_MS / 1000} s by another run writing this folder. Wait for it to finish, or remove the file if no such run is going.`,
        );
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    action();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

/** @param {string} file */
function lstatOrNull(file) {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

module.exports = { WrittenFiles, whyNotOutputFolder, realPathOf, isInside, sha256 };

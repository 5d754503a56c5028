// Command-line options of scripts/build-site.js, validated (each error names the argument, the
// value, the rule and a fix).
"use strict";
const fs = require("fs");
const path = require("path");
const { root, notebooksDir } = require("../lib");

const USAGE = "usage: node scripts/build-site.js [lessons...] [--out DIR] [--glossary FILE]";
const MARKER = ".convnet-site";

function parseSiteArgs(argv) {
  if (!Array.isArray(argv)) throw new Error(`build-site: argv must be an array of strings, got ${typeof argv}. ${USAGE}`);
  const options = { lessons: [], out: path.join(root, "out", "site"), glossary: path.join(notebooksDir, "glossary.md") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out" || arg === "--glossary") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) {
        throw new Error(`build-site: ${arg} needs a value, got ${value === undefined ? "nothing" : JSON.stringify(value)}. ${USAGE}`);
      }
      options[arg.slice(2)] = path.resolve(value);
    } else if (arg === "--help" || arg === "-h") {
      options.help = true;
    } else if (arg.startsWith("--")) {
      throw new Error(`build-site: unknown option ${JSON.stringify(arg)}. Known: --out DIR, --glossary FILE. ${USAGE}`);
    } else {
      options.lessons.push(arg);
    }
  }
  return options;
}

function inside(child, parent) {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Makes `out` an empty site folder. It must be a build-product folder: never the project,
 * notebooks/, src/ or a folder holding them, and never a non-empty folder that an earlier
 * build did not create (it has no marker file), so a user's files are never deleted.
 */
function prepareOutDir(out) {
  if (typeof out !== "string" || !path.isAbsolute(out)) {
    throw new Error(`build-site: --out must be an absolute folder path, got ${JSON.stringify(out)}. Pass e.g. --out out/site.`);
  }
  const protectedDirs = [root, notebooksDir, path.join(root, "src"), path.join(root, "test"), path.join(root, "solutions"), path.join(root, "scripts"), path.join(root, "datasets")];
  for (const dir of protectedDirs) {
    if (inside(dir, out) || (dir !== root && inside(out, dir))) {
      throw new Error(`build-site: --out ${out} would overlap ${dir}; the site is a build product and must live in its own folder. Use --out out/site (the default).`);
    }
  }
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) {
      throw new Error(`build-site: --out ${out} exists and is not a folder. Choose another --out, or remove that file yourself.`);
    }
    const entries = fs.readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`build-site: --out ${out} is not empty and was not made by build-site (no ${MARKER} file), so it is left alone. Choose an empty or new folder, e.g. --out out/site.`);
    }
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, MARKER), "This folder is built by scripts/build-site.js and is replaced on every build.\n");
}

module.exports = { parseSiteArgs, prepareOutDir, USAGE, MARKER };

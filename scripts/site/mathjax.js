// A local MathJax 2.7 for the site (Debian's libjs-mathjax), so formulas render with no network.
// Only what the SVG output needs is copied (about 3 MB of the package's 54 MB).
"use strict";
const fs = require("fs");
const path = require("path");

const CANDIDATES = [process.env.CONVNET_MATHJAX_DIR, "/usr/share/javascript/mathjax"].filter(Boolean);
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
    if (fs.existsSync(path.join(dir, "MathJax.js")) && fs.existsSync(path.join(dir, "config", `${CONFIG}.js`))) return dir;
  }
  return null;
}

/** Copies the needed parts of MathJax into dest; returns the script path relative to dest's parent use. */
function copyMathJax(sourceDir, dest) {
  if (typeof sourceDir !== "string" || !fs.existsSync(path.join(sourceDir, "MathJax.js"))) {
    throw new Error(`copyMathJax: sourceDir ${JSON.stringify(sourceDir)} has no MathJax.js. Install Debian's libjs-mathjax or set CONVNET_MATHJAX_DIR to a MathJax 2.7 folder.`);
  }
  for (const part of PARTS) {
    const from = path.join(sourceDir, part);
    if (!fs.existsSync(from)) continue; // optional parts (e.g. a localization) may be absent
    fs.cpSync(from, path.join(dest, part), { recursive: true, dereference: true });
  }
  return `MathJax.js?config=${CONFIG}`;
}

module.exports = { findMathJax, copyMathJax };

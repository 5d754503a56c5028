// @ts-check
// The ONE list of what the course needs outside npm, and the one install hint built from it.
// Used by scripts/setup.js (which `npm install` runs), scripts/lib.js, the tests, and quoted in the
// README (a test checks that the README's command matches this list).
"use strict";

/** Python packages for a project-local .venv, where a Python package index is reachable. */
const PIP_PACKAGES = ["jupyterlab==4.6.6", "nbclient==0.11.0", "nbconvert==7.17.2"];

/** Debian/Ubuntu packages, by purpose. */
const DEBIAN_PACKAGES = {
  // Jupyter without pip: classic Notebook 6, the server and jupyterlab_server that serve the
  // JupyterLab frontend built from npm (lab/), nbconvert + nbclient + ipykernel to run lessons.
  jupyter: [
    "jupyter-notebook",
    "python3-jupyter-server",
    "python3-jupyterlab-server",
    "jupyter-nbconvert",
    "python3-nbclient",
    "python3-ipykernel",
  ],
  // The default data of the lessons.
  data: ["dataset-fashion-mnist"],
  // A C++ compiler and oneDNN, for the native accelerator (scripts/build-native.js owns the list).
  accelerator: require("./build-native").DEBIAN_PACKAGES,
  // What the tests use: Chromium (browser tests), a Korean font (한국어 in screenshots), MathJax (course site).
  tests: ["chromium", "fonts-nanum", "libjs-mathjax"],
};

/**
 * Every Debian package the set-up installs (pipAvailable: Jupyter comes from .venv instead).
 * @param {{ pipAvailable?: boolean }} [options]
 * @returns {string[]}
 */
function debianPackages({ pipAvailable = false } = {}) {
  return [
    ...(pipAvailable ? [] : DEBIAN_PACKAGES.jupyter),
    ...DEBIAN_PACKAGES.data,
    ...DEBIAN_PACKAGES.accelerator,
    ...DEBIAN_PACKAGES.tests,
  ];
}

/**
 * The shell command that installs Debian packages (sudo unless already root).
 * @param {string[]} packages
 * @param {{ root?: boolean }} [options]
 */
function aptCommand(packages, { root = false } = {}) {
  const sudo = root ? "" : "sudo ";
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(" ")}`;
}

/** How to get Jupyter by hand, for every OS: printed when the set-up could not do it. */
const JUPYTER_HELP = [
  "No Jupyter was found. `npm install` sets it up (run `node scripts/setup.js` to try again), or install it yourself:",
  `  Debian/Ubuntu:  ${aptCommand(DEBIAN_PACKAGES.jupyter)}`,
  `  any OS, pip:    python3 -m venv .venv && .venv/bin/python -m pip install ${PIP_PACKAGES.join(" ")}`,
  "                  (Windows: py -m venv .venv && .venv\\Scripts\\python -m pip install ...)",
  "  conda:          conda install -c conda-forge jupyterlab=4.6 nbclient nbconvert",
  "Then run `npm start` again.",
].join("\n");

module.exports = { PIP_PACKAGES, DEBIAN_PACKAGES, debianPackages, aptCommand, JUPYTER_HELP };

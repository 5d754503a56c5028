// @ts-check
// Command line and output folder of scripts/build-site.js.
"use strict";
const fs = require("fs");
const path = require("path");
const { root, notebooksDir } = require("../lib");
const { CliError, values } = require("../cli");
const { WrittenFiles } = require("../written-files");

const TOOL = "build-site";
// The marker of build-site versions that kept no list of their files (before .written-by-build-site.json).
const OLD_MARKER = ".convnet-site";

/** @type {import("../cli").CommandSpec} */
const SPEC = {
  program: TOOL,
  usage: ["npm run site [-- LESSON...] [options]", "node scripts/build-site.js [LESSON...] [options]"],
  summary:
    "Executes the lessons at their default size and renders a static course site: an index, one page per\n" +
    "lesson with its outputs and interactive figures, the glossary, and nothing loaded from the network.\n" +
    `A rebuild replaces and removes only files build-site wrote (listed in .written-by-${TOOL}.json in the\n` +
    "site folder) and nobody changed since; anything you add to the folder stays.",
  positionals: { name: "LESSON...", help: 'lessons to include: "02", "02-convolution", a path; none: every lesson' },
  flags: {
    "--out": {
      value: "DIR",
      help: "the site folder (default out/site); new, empty, or an earlier site",
      parse: values.path,
    },
    "--glossary": {
      value: "FILE",
      help: "the glossary's markdown (default notebooks/glossary.md)",
      parse: values.path,
    },
  },
  notes: ["examples:", "  npm run site", "  npm run site -- 00 02 --out /tmp/site"],
};

/**
 * @param {import("../cli").ParsedArgs} args
 * @returns {{ lessons: string[], out: string, glossary: string }}
 */
function siteOptions(args) {
  return {
    lessons: args.positionals,
    out: /** @type {string | undefined} */ (args.flags["--out"]) ?? path.join(root, "out", "site"),
    glossary: /** @type {string | undefined} */ (args.flags["--glossary"]) ?? path.join(notebooksDir, "glossary.md"),
  };
}

/**
 * Opens the site folder for writing. It must be new, empty, or a site build-site made (it holds
 * .written-by-build-site.json); a folder of the user's is refused and left as it was.
 * @param {string} out absolute
 * @returns {WrittenFiles}
 */
function openSiteFolder(out) {
  if (typeof out !== "string" || !path.isAbsolute(out)) {
    throw new CliError(`--out must be an absolute folder path, got ${JSON.stringify(out)}. Pass e.g. --out out/site.`);
  }
  const existed = fs.existsSync(out);
  const site = new WrittenFiles(out, TOOL);
  if (existed && !site.hasManifest() && !site.isEmpty()) {
    const old = fs.existsSync(path.join(site.dir, OLD_MARKER))
      ? ` It was made by an older build-site that kept no list of its files, so which files are yours cannot be told: delete the folder yourself, or choose another --out.`
      : " Choose an empty or new folder, e.g. --out out/site.";
    throw new CliError(
      `--out ${out} is not empty and was not made by build-site (it has no ${site.manifestName}), so it is left alone.${old}`,
    );
  }
  return site;
}

module.exports = { SPEC, siteOptions, openSiteFolder, TOOL };

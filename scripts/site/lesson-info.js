// @ts-check
// What the index says about a lesson: its title and first paragraph, from its first markdown cell.
"use strict";
const fs = require("fs");
const path = require("path");

/** @param {{ source?: string | string[] }} cell */
function cellText(cell) {
  return Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
}

/**
 * Splits markdown into blocks separated by blank lines.
 * @param {string} markdown
 */
function blocks(markdown) {
  return markdown
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
}

/**
 * { name, file, title, summary } for a notebook. The title is the first "# " heading of the
 * first markdown cell (else the file name); the summary is the first block after it that is
 * not a heading (markdown, may be "").
 * @param {string} notebookPath
 * @returns {{ name: string, file: string, title: string, summary: string }}
 */
function lessonInfo(notebookPath) {
  if (typeof notebookPath !== "string" || !notebookPath.endsWith(".ipynb")) {
    throw new Error(
      `lessonInfo: notebookPath must be a path ending in .ipynb, got ${JSON.stringify(notebookPath)}. Pass e.g. notebooks/00-welcome.ipynb.`,
    );
  }
  /** @type {{ cells?: { cell_type: string, source?: string | string[] }[] }} */
  let nb;
  try {
    nb = JSON.parse(fs.readFileSync(notebookPath, "utf8"));
  } catch (error) {
    throw new Error(
      `lessonInfo: could not read ${notebookPath} as a notebook (${error instanceof Error ? error.message : String(error)}). Check that the file exists and is valid JSON.`,
      { cause: error },
    );
  }
  const name = path.basename(notebookPath, ".ipynb");
  const first = (nb.cells ?? []).find((c) => c.cell_type === "markdown");
  let title = name;
  let summary = "";
  if (first) {
    const parts = blocks(cellText(first));
    const headingIndex = parts.findIndex((b) => /^#\s+/.test(b));
    if (headingIndex >= 0) {
      const headingLines = parts[headingIndex].split("\n");
      title = headingLines[0].replace(/^#\s+/, "").trim();
      // A paragraph may follow the heading without a blank line.
      const rest = headingLines.slice(1).join("\n").trim();
      if (rest && !/^#/.test(rest)) summary = rest;
    }
    if (!summary) summary = parts.slice(headingIndex + 1).find((b) => !/^#/.test(b)) ?? "";
  }
  return { name, file: notebookPath, title, summary };
}

module.exports = { lessonInfo };

// @ts-check
// Round-trips a notebook through a plain-text form that is easy to write and review:
//   node scripts/notebook-text.js to-text notebooks/02-convolution.ipynb > /tmp/02.ts
//   node scripts/notebook-text.js from-text /tmp/02.ts notebooks/02-convolution.ipynb [--force]
// In the text form, a line "// %%" starts a code cell and "// %% [markdown]" a markdown
// cell whose lines are written as "// " comments. Outputs are not kept (lessons are committed clean).
"use strict";
const fs = require("fs");
const { CliError, runCli, nearest } = require("./cli");

const CODE = "// %%";
const MARKDOWN = "// %% [markdown]";

/**
 * @typedef {{ cell_type: string, source: string | string[] }} Cell
 * @typedef {{ cells: Cell[] }} Notebook
 */

/** @type {import("./cli").CommandSpec} */
const SPEC = {
  program: "notebook-text",
  usage: [
    "node scripts/notebook-text.js to-text NOTEBOOK",
    "node scripts/notebook-text.js from-text TEXT NOTEBOOK [--force]",
  ],
  summary:
    "Turns a notebook into plain text (to-text, printed) and back (from-text). In the text, a line\n" +
    `"${"// %%"}" starts a code cell and "${"// %% [markdown]"}" a markdown cell written as "// " comment lines.\n` +
    "Outputs are not kept (lessons are committed clean).",
  positionals: { name: "COMMAND FILE...", help: "to-text NOTEBOOK, or from-text TEXT NOTEBOOK", min: 2, max: 3 },
  flags: { "--force": { help: "from-text: replace NOTEBOOK if it exists" } },
};

/** @param {Notebook} notebook */
function toText(notebook) {
  return notebook.cells
    .map((cell) => {
      const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      if (cell.cell_type === "markdown") {
        return `${MARKDOWN}\n${source
          .split("\n")
          .map((l) => (l ? `// ${l}` : "//"))
          .join("\n")}\n`;
      }
      return `${CODE}\n${source}\n`;
    })
    .join("\n");
}

/** @param {string} text */
function splitLines(text) {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l)).filter((l) => l !== "");
}

/** @param {string} text */
function fromText(text) {
  /** @type {{ type: "code" | "markdown", lines: string[] }[]} */
  const cells = [];
  /** @type {{ type: "code" | "markdown", lines: string[] } | null} */
  let current = null;
  for (const line of text.split("\n")) {
    if (line === CODE || line === MARKDOWN) {
      current = { type: /** @type {"code" | "markdown"} */ (line === CODE ? "code" : "markdown"), lines: [] };
      cells.push(current);
    } else if (current) {
      current.lines.push(current.type === "markdown" ? line.replace(/^\/\/ ?/, "") : line);
    } else if (line.trim()) {
      throw new CliError(
        `text before the first "${CODE}" marker: ${JSON.stringify(line)}. Start the file with a cell marker.`,
      );
    }
  }
  return {
    cells: cells.map((c, index) => {
      const source = splitLines(c.lines.join("\n").replace(/\s+$/, ""));
      const id = `cell-${String(index).padStart(3, "0")}`; // stable ids keep diffs small
      return c.type === "code"
        ? { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source }
        : { cell_type: "markdown", id, metadata: {}, source };
    }),
    metadata: {
      kernelspec: { display_name: "TypeScript (convnet-lab)", language: "typescript", name: "tslab" },
      language_info: {
        codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
        file_extension: ".ts",
        mimetype: "text/typescript",
        name: "typescript",
        version: "3.7.2",
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** @param {string} file */
function readFile(file) {
  if (!fs.existsSync(file)) throw new CliError(`${file} does not exist.`);
  return fs.readFileSync(file, "utf8");
}

function main(/** @type {import("./cli").ParsedArgs} */ args) {
  const [command, input, output] = args.positionals;
  if (command === "to-text" && output === undefined) {
    if (args.flags["--force"])
      throw new CliError("--force belongs to from-text; to-text only prints.", { showUsageHint: true });
    let notebook;
    try {
      notebook = JSON.parse(readFile(input));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(
        `${input} is not a notebook (not JSON: ${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    if (!Array.isArray(notebook.cells)) throw new CliError(`${input} is not a notebook (it has no "cells" list).`);
    process.stdout.write(toText(notebook));
  } else if (command === "from-text" && output !== undefined) {
    if (fs.existsSync(output) && !args.flags["--force"])
      throw new CliError(`${output} exists; add --force to replace it.`);
    const notebook = fromText(readFile(input));
    fs.writeFileSync(output, JSON.stringify(notebook, null, 1) + "\n");
  } else {
    const expected =
      command === "to-text"
        ? "to-text takes one file: NOTEBOOK"
        : command === "from-text"
          ? "from-text takes two files: TEXT NOTEBOOK"
          : `the command must be to-text or from-text, got ${JSON.stringify(command)}${nearest(command, ["to-text", "from-text"]) ? `; did you mean ${nearest(command, ["to-text", "from-text"])}?` : ""}`;
    throw new CliError(expected.endsWith("?") ? expected : `${expected}.`, { showUsageHint: true });
  }
}

if (require.main === module) runCli(SPEC, main);
module.exports = { toText, fromText };

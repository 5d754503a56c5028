// Round-trips a notebook through a plain-text form that is easy to write and review:
//   node scripts/notebook-text.js to-text notebooks/02-convolution.ipynb > /tmp/02.ts
//   node scripts/notebook-text.js from-text /tmp/02.ts notebooks/02-convolution.ipynb [--force]
// In the text form, a line "// %%" starts a code cell and "// %% [markdown]" a markdown
// cell whose lines are written as "// " comments. Outputs are not kept (lessons are committed clean).
"use strict";
const fs = require("fs");

const CODE = "// %%";
const MARKDOWN = "// %% [markdown]";

function toText(notebook) {
  return notebook.cells
    .map((cell) => {
      const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      if (cell.cell_type === "markdown") {
        return `${MARKDOWN}\n${source.split("\n").map((l) => (l ? `// ${l}` : "//")).join("\n")}\n`;
      }
      return `${CODE}\n${source}\n`;
    })
    .join("\n");
}

function splitLines(text) {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l)).filter((l) => l !== "");
}

function fromText(text) {
  const cells = [];
  let current = null;
  for (const line of text.split("\n")) {
    if (line === CODE || line === MARKDOWN) {
      current = { type: line === CODE ? "code" : "markdown", lines: [] };
      cells.push(current);
    } else if (current) {
      current.lines.push(current.type === "markdown" ? line.replace(/^\/\/ ?/, "") : line);
    } else if (line.trim()) {
      throw new Error(`notebook-text: text before the first "${CODE}" marker: ${JSON.stringify(line)}. Start the file with a cell marker.`);
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
      language_info: { codemirror_mode: { mode: "typescript", name: "javascript", typescript: true }, file_extension: ".ts", mimetype: "text/typescript", name: "typescript", version: "3.7.2" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

function main() {
  const [command, input, output, flag] = process.argv.slice(2);
  if (command === "to-text" && input) {
    process.stdout.write(toText(JSON.parse(fs.readFileSync(input, "utf8"))));
  } else if (command === "from-text" && input && output) {
    if (fs.existsSync(output) && flag !== "--force") {
      console.error(`notebook-text: ${output} exists; add --force to replace it.`);
      process.exit(2);
    }
    fs.writeFileSync(output, JSON.stringify(fromText(fs.readFileSync(input, "utf8")), null, 1) + "\n");
  } else {
    console.error("usage: notebook-text.js to-text NOTEBOOK | from-text TEXT NOTEBOOK [--force]");
    process.exit(2);
  }
}

if (require.main === module) main();
module.exports = { toText, fromText };

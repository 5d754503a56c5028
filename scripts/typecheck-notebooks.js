// Type-checks each lesson's code cells, joined in order, with strict TypeScript
// (tslab compiles cells without strict mode, so this catches what it lets through).
//   node scripts/typecheck-notebooks.js [notebook.ipynb ...]
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");
const { listNotebooks, ensureBuilt } = require("./lib");

const OPTIONS = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022, // allows top-level await, as tslab does
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  skipLibCheck: true,
  types: ["node"],
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
};

/** The code of a notebook as one TypeScript module, with a map back to cells. */
function notebookSource(file) {
  const notebook = JSON.parse(fs.readFileSync(file, "utf8"));
  const lines = [];
  const origin = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    source.split("\n").forEach((line, lineInCell) => {
      lines.push(line);
      origin.push({ cell: index, line: lineInCell + 1 });
    });
  });
  if (!lines.some((l) => /^\s*(import|export)\b/.test(l))) lines.push("export {};");
  return { text: lines.join("\n"), origin };
}

/** Returns a list of "file cell N line L: message" strings; empty when the notebook is clean. */
function typecheckNotebooks(files) {
  const sources = new Map();
  for (const file of files) {
    // The virtual file sits beside the notebook so relative imports resolve as in tslab.
    sources.set(path.resolve(file.replace(/\.ipynb$/, ".__check__.ts")), { file, ...notebookSource(file) });
  }
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    const virtual = sources.get(path.resolve(name));
    return virtual ? ts.createSourceFile(name, virtual.text, version, true) : getSourceFile(name, version, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => sources.has(path.resolve(name)) || fileExists(name);
  const program = ts.createProgram([...sources.keys()], OPTIONS, host);
  const problems = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const virtual = diagnostic.file && sources.get(path.resolve(diagnostic.file.fileName));
    if (virtual && diagnostic.start !== undefined) {
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const where = virtual.origin[line] ?? { cell: "?", line: "?" };
      problems.push(`${path.basename(virtual.file)} cell ${where.cell} line ${where.line}: ${message}`);
    } else {
      problems.push(`${diagnostic.file ? diagnostic.file.fileName : "(global)"}: ${message}`);
    }
  }
  return problems;
}

function main() {
  ensureBuilt();
  const files = process.argv.slice(2).length ? process.argv.slice(2) : listNotebooks();
  const problems = typecheckNotebooks(files);
  for (const p of problems) console.error(p);
  console.log(`type-checked ${files.length} notebooks: ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}

if (require.main === module) main();
module.exports = { typecheckNotebooks, notebookSource };

// @ts-check
// Type-checks each lesson's code cells, joined in order, with strict TypeScript
// (tslab compiles cells without strict mode, so this catches what it lets through).
//   node scripts/typecheck-notebooks.js [LESSON...]
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");
const { listNotebooks } = require("./lib");
const { runCli } = require("./cli");
const { ensureFreshBuild } = require("./fresh-build");
const { resolveNotebook } = require("./run-notebooks");

/** @type {import("./cli").CommandSpec} */
const SPEC = {
  program: "typecheck-notebooks",
  usage: ["npm run typecheck:notebooks [-- LESSON...]", "node scripts/typecheck-notebooks.js [LESSON...]"],
  summary:
    "Type-checks each lesson's code cells, joined in order, with strict TypeScript against the compiled\n" +
    "library (rebuilt first when src/ is newer). tslab compiles cells without strict mode; this catches what it lets through.",
  positionals: { name: "LESSON...", help: 'lessons: "02", "02-convolution", a path to an .ipynb; none: every lesson' },
};

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

/**
 * The code of a notebook as one TypeScript module, with a map back to cells.
 * @param {string} file
 */
function notebookSource(file) {
  const notebook = JSON.parse(fs.readFileSync(file, "utf8"));
  /** @type {string[]} */
  const lines = [];
  /** @type {{ cell: number, line: number }[]} */
  const origin = [];
  notebook.cells.forEach(
    (/** @type {{ cell_type: string, source: string | string[] }} */ cell, /** @type {number} */ index) => {
      if (cell.cell_type !== "code") return;
      const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      source.split("\n").forEach((/** @type {string} */ line, /** @type {number} */ lineInCell) => {
        lines.push(line);
        origin.push({ cell: index, line: lineInCell + 1 });
      });
    },
  );
  if (!lines.some((l) => /^\s*(import|export)\b/.test(l))) lines.push("export {};");
  return { text: lines.join("\n"), origin };
}

/**
 * Returns a list of "file cell N line L: message" strings; empty when the notebook is clean.
 * @param {string[]} files
 */
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
    if (virtual && diagnostic.file && diagnostic.start !== undefined) {
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const where = virtual.origin[line] ?? { cell: "?", line: "?" };
      problems.push(`${path.basename(virtual.file)} cell ${where.cell} line ${where.line}: ${message}`);
    } else {
      problems.push(`${diagnostic.file ? diagnostic.file.fileName : "(global)"}: ${message}`);
    }
  }
  return problems;
}

async function main(/** @type {import("./cli").ParsedArgs} */ args) {
  const files = args.positionals.length ? args.positionals.map(resolveNotebook) : listNotebooks();
  await ensureFreshBuild();
  const problems = typecheckNotebooks(files);
  for (const p of problems) console.error(p);
  console.log(`type-checked ${files.length} notebooks: ${problems.length} problems`);
  return problems.length ? 1 : 0;
}

if (require.main === module) runCli(SPEC, main);
module.exports = { typecheckNotebooks, notebookSource };

// Issue #17: lower folders never import higher ones, in the order CONTRIBUTING.md gives.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { projectRoot } from "../helpers";

/** The folders of src/, lowest first: a file may import its own folder and the folders before it. */
const ORDER = [
  "core",
  "backend",
  "ops",
  "data",
  "layers",
  "models",
  "viz",
  "train",
  "detection",
  "inspect",
  "exercises",
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

test("no file of src/ imports a folder above its own", () => {
  const src = path.join(projectRoot, "src");
  const upward: string[] = [];
  const unknownFolders = new Set<string>();
  for (const file of sourceFiles(src)) {
    const folder = path.relative(src, file).split(path.sep)[0];
    if (folder.endsWith(".ts")) continue; // src/index.ts, the public face, may import everything
    if (!ORDER.includes(folder)) unknownFolders.add(folder);
    for (const match of fs.readFileSync(file, "utf8").matchAll(/(?:from|import|require\()\s*"(\.[^"]+)"/g)) {
      const target = path.relative(src, path.resolve(path.dirname(file), match[1])).split(path.sep)[0];
      if (ORDER.indexOf(target) > ORDER.indexOf(folder)) upward.push(`${path.relative(src, file)} imports ${match[1]}`);
    }
  }
  assert.deepEqual(
    [...unknownFolders],
    [],
    "every folder of src/ has a place in the order (add new ones to ORDER and CONTRIBUTING.md)",
  );
  assert.deepEqual(upward, []);
});

test("CONTRIBUTING.md lists the same order", () => {
  const text = fs.readFileSync(path.join(projectRoot, "CONTRIBUTING.md"), "utf8");
  const line = text.split("\n").find((l) => l.includes("`core`") && l.includes("`exercises`"));
  assert.ok(line, "CONTRIBUTING.md has a line naming the folder order");
  assert.deepEqual(
    [...line.matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((name) => ORDER.includes(name)),
    ORDER,
  );
});

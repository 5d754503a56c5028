// Every lesson's code passes strict TypeScript; the checker itself catches what tslab lets through.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { projectRoot } from "../helpers";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { typecheckNotebooks } = require(path.join(projectRoot, "scripts", "typecheck-notebooks.js")) as {
  typecheckNotebooks(files: string[]): string[];
};
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { listNotebooks } = require(path.join(projectRoot, "scripts", "lib.js")) as { listNotebooks(): string[] };

test("the strict check reports an implicit any that tslab would accept", () => {
  const problems = typecheckNotebooks([path.join(projectRoot, "test", "fixtures", "notebooks", "implicit-any.ipynb")]);
  assert.ok(
    problems.some((p) => p.includes("cell 0 line 1") && /implicitly has an 'any' type/.test(p)),
    problems.join("\n"),
  );
});

test("the strict check accepts clean code", () => {
  assert.deepEqual(typecheckNotebooks([path.join(projectRoot, "test", "fixtures", "notebooks", "all-ok.ipynb")]), []);
});

for (const notebook of listNotebooks()) {
  test(`lesson ${path.basename(notebook)} passes the strict type check`, () => {
    assert.deepEqual(typecheckNotebooks([notebook]), []);
  });
}

// The headless runner must fail on a cell error and on any cell that did not run.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { projectRoot, tempDir } from "../helpers";

const fixtures = path.join(projectRoot, "test", "fixtures", "notebooks");

function runFixture(name: string, extra: string[] = []) {
  const out = tempDir("runner");
  const json = path.join(out, "result.json");
  const result = spawnSync(
    process.execPath,
    [
      path.join(projectRoot, "scripts", "run-notebooks.js"),
      path.join(fixtures, name),
      "--out",
      out,
      "--json",
      json,
      ...extra,
    ],
    { encoding: "utf8" },
  );
  const report = fs.existsSync(json)
    ? (JSON.parse(fs.readFileSync(json, "utf8")) as { ok: boolean; problems: string[] }[])
    : [];
  return { status: result.status, stdout: result.stdout + result.stderr, report, out };
}

const skip = process.env.CONVNET_SKIP_NOTEBOOKS === "1" ? "notebook execution skipped (--unit)" : false;

test("a notebook whose cells all run passes, and its executed copy and HTML are written elsewhere", { skip }, (t) => {
  const { status, stdout, report, out } = runFixture("all-ok.ipynb");
  t.after(() => fs.rmSync(out, { recursive: true, force: true }));
  assert.equal(status, 0, stdout);
  assert.match(stdout, /1 passed, 0 failed/);
  assert.equal(report[0].ok, true);
  const executed = JSON.parse(fs.readFileSync(path.join(out, "all-ok.ipynb"), "utf8"));
  const text = JSON.stringify(executed.cells[0].outputs);
  assert.match(text, /answer 42/);
  assert.ok(fs.existsSync(path.join(out, "all-ok.html")));
});

test("a cell that throws fails the notebook, and the cells after it count as not run", { skip }, (t) => {
  const { status, stdout, report, out } = runFixture("cell-error.ipynb");
  t.after(() => fs.rmSync(out, { recursive: true, force: true }));
  assert.notEqual(status, 0);
  assert.match(stdout, /0 passed, 1 failed/);
  assert.equal(report[0].ok, false);
  assert.ok(
    report[0].problems.some((p) => p.startsWith("cell 1: status error") && p.includes("deliberate failure")),
    stdout,
  );
  assert.ok(
    report[0].problems.some((p) => p === "cell 2: did not run"),
    stdout,
  );
});

test("a cell that tslab aborts after an error is a failure, not a silent skip", { skip }, (t) => {
  // --keep-going sends cell 2 right after the error; tslab answers "aborted".
  const { status, report, stdout, out } = runFixture("cell-error.ipynb", ["--keep-going"]);
  t.after(() => fs.rmSync(out, { recursive: true, force: true }));
  assert.notEqual(status, 0);
  const cell2 = report[0].problems.find((p) => p.startsWith("cell 2:"));
  assert.ok(cell2 !== undefined, stdout);
  assert.doesNotMatch(cell2, /status ok/);
});

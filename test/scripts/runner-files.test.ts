// The lesson runner never overwrites a file it did not write: not a user's file in --out, not a
// lesson through a --out that links into notebooks/, not a source through a linked output file. It
// refuses before running, and a notebook it refuses does not end the batch: the rest run and the
// summary line is printed.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { projectRoot } from "../helpers";
import { fixtureNotebooks, runScript, sha256, skipNotebooks, snapshot, tempDir } from "./script-runs";

const allOk = path.join(fixtureNotebooks, "all-ok.ipynb");
const cellError = path.join(fixtureNotebooks, "cell-error.ipynb");
const notebooksDir = path.join(projectRoot, "notebooks");
const MANIFEST = ".written-by-run-notebooks.json";

interface Result {
  notebook: string;
  ok: boolean;
  refused: boolean;
  problems: string[];
}

function runner(args: string[]) {
  return runScript("run-notebooks.js", args);
}

test(
  "a user's file of the same name in --out is left alone: that notebook is refused before it runs, the rest of the batch runs, and the summary prints",
  { skip: skipNotebooks },
  () => {
    const out = tempDir("runner-user-file");
    const mine = path.join(out, "cell-error.html");
    fs.writeFileSync(mine, "my own notes, not an executed lesson");
    const json = path.join(out, "results.json");
    const run = runner([cellError, allOk, "--out", out, "--json", json]);
    assert.equal(run.status, 1, run.output);
    assert.equal(fs.readFileSync(mine, "utf8"), "my own notes, not an executed lesson");
    assert.equal(
      fs.existsSync(path.join(out, "cell-error.ipynb")),
      false,
      "the refused notebook's other output was written",
    );
    assert.ok(run.stdout.includes(`REFUSED ${cellError}\n`), run.output);
    assert.match(run.stdout, /refused: .*cell-error\.html exists and was not written by run-notebooks/);
    assert.doesNotMatch(run.stdout, /running .*cell-error\.ipynb/, "the refused notebook was run");
    assert.match(run.stdout, /PASS .*all-ok\.ipynb/);
    assert.match(run.stdout, /notebooks: 1 passed, 1 failed \(1 refused before running\)/);
    const results = JSON.parse(fs.readFileSync(json, "utf8")) as Result[];
    assert.deepEqual(
      results.map((r) => [path.basename(r.notebook), r.ok, r.refused]),
      [
        ["cell-error.ipynb", false, true],
        ["all-ok.ipynb", true, false],
      ],
    );
    fs.rmSync(out, { recursive: true, force: true });
  },
);

test("a --out that is a symbolic link into notebooks/ is refused before anything runs, and no lesson changes", () => {
  const before = snapshot(notebooksDir);
  const dir = tempDir("runner-link");
  const link = path.join(dir, "out");
  fs.symlinkSync(notebooksDir, link);
  const lesson = fs.readdirSync(notebooksDir).find((f) => /^\d\d-.*\.ipynb$/.test(f)) as string;
  const run = runner([path.join(notebooksDir, lesson), allOk, "--out", link]);
  assert.equal(run.status, 2, run.output);
  assert.match(
    run.stderr,
    new RegExp(
      `^run-notebooks: --out ${link} \\(really ${fs.realpathSync(notebooksDir)}\\) is inside .*notebooks, which holds the project's sources`,
      "m",
    ),
  );
  assert.doesNotMatch(run.stdout, /running/);
  assert.deepEqual(snapshot(notebooksDir), before);
  // A new folder inside notebooks/ is refused too, and not created.
  const inside = path.join(notebooksDir, "executed-copies");
  const run2 = runner([allOk, "--out", inside]);
  assert.equal(run2.status, 2, run2.output);
  assert.equal(fs.existsSync(inside), false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test(
  "an output file that is a symbolic link (to a lesson, or to the notebook being run) is never written through",
  { skip: skipNotebooks },
  () => {
    const out = tempDir("runner-file-link");
    const lesson = path.join(
      notebooksDir,
      fs.readdirSync(notebooksDir).find((f) => /^\d\d-.*\.ipynb$/.test(f)) as string,
    );
    const lessons = snapshot(notebooksDir);
    fs.symlinkSync(lesson, path.join(out, "all-ok.ipynb"));
    fs.symlinkSync(cellError, path.join(out, "cell-error.ipynb")); // the source of this very run
    const sourceHash = sha256(cellError);
    const run = runner([allOk, cellError, "--out", out, "--no-html"]);
    assert.equal(run.status, 1, run.output);
    assert.ok(run.stdout.includes(`all-ok.ipynb is a symbolic link (to ${fs.realpathSync(lesson)})`), run.output);
    assert.match(run.stdout, /cell-error\.ipynb is a source of this run; it is never overwritten/);
    assert.match(run.stdout, /notebooks: 0 passed, 2 failed \(2 refused before running\)/);
    assert.deepEqual(snapshot(notebooksDir), lessons);
    assert.equal(sha256(cellError), sourceHash);
    fs.rmSync(out, { recursive: true, force: true });
  },
);

test("--out set to the notebook's own folder never overwrites the notebook", () => {
  const dir = tempDir("runner-own-folder");
  const copy = path.join(dir, "all-ok.ipynb");
  fs.copyFileSync(allOk, copy);
  const hash = sha256(copy);
  const run = runner([copy, "--out", dir, "--no-html"]);
  assert.equal(run.status, 1, run.output);
  assert.match(run.stdout, /all-ok\.ipynb is a source of this run; it is never overwritten/);
  assert.match(run.stdout, /notebooks: 0 passed, 1 failed \(1 refused before running\)/);
  assert.equal(sha256(copy), hash);
  fs.rmSync(dir, { recursive: true, force: true });
});

test(
  "what the runner wrote it replaces on the next run; once the user edits it, it is theirs and left alone",
  { skip: skipNotebooks },
  () => {
    const out = tempDir("runner-rerun");
    const first = runner([allOk, "--out", out]);
    assert.equal(first.status, 0, first.output);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), "utf8")) as {
      writtenBy: string;
      files: Record<string, { sha256: string }>;
    };
    assert.equal(manifest.writtenBy, "run-notebooks");
    assert.deepEqual(Object.keys(manifest.files).sort(), ["all-ok.html", "all-ok.ipynb"]);
    assert.equal(manifest.files["all-ok.html"].sha256, sha256(path.join(out, "all-ok.html")));

    const again = runner([allOk, "--out", out]);
    assert.equal(again.status, 0, again.output);
    assert.match(again.stdout, /notebooks: 1 passed, 0 failed\n/);

    fs.appendFileSync(path.join(out, "all-ok.html"), "<!-- my annotation -->");
    const edited = fs.readFileSync(path.join(out, "all-ok.html"), "utf8");
    const third = runner([allOk, "--out", out]);
    assert.equal(third.status, 1, third.output);
    assert.match(third.stdout, /all-ok\.html was changed since run-notebooks wrote it, so it is yours now/);
    assert.equal(fs.readFileSync(path.join(out, "all-ok.html"), "utf8"), edited);
    fs.rmSync(out, { recursive: true, force: true });
  },
);

test("--json naming a user's file is refused before anything runs", () => {
  const out = tempDir("runner-json");
  const mine = path.join(out, "report.json");
  fs.writeFileSync(mine, '{"mine": true}');
  const run = runner([allOk, "--out", out, "--json", mine]);
  assert.equal(run.status, 2, run.output);
  assert.match(run.stderr, /^run-notebooks: --json: .*report\.json exists and was not written by run-notebooks/m);
  assert.doesNotMatch(run.stdout, /running/);
  assert.equal(fs.readFileSync(mine, "utf8"), '{"mine": true}');
  fs.rmSync(out, { recursive: true, force: true });
});

test(
  "two notebooks of the same name in one run: the second is refused (it would overwrite the first's copy), the first runs",
  { skip: skipNotebooks },
  () => {
    const dir = tempDir("runner-same-name");
    const twin = path.join(dir, "all-ok.ipynb");
    fs.copyFileSync(allOk, twin);
    const out = path.join(dir, "out");
    const run = runner([allOk, twin, "--out", out, "--no-html"]);
    assert.equal(run.status, 1, run.output);
    assert.ok(run.stdout.includes(`REFUSED ${twin}\n`), run.output);
    assert.match(run.stdout, /PASS .*fixtures\/notebooks\/all-ok\.ipynb/);
    assert.match(run.stdout, /in this run has the same name, and both would write all-ok\.ipynb/);
    assert.match(run.stdout, /notebooks: 1 passed, 1 failed \(1 refused before running\)/);
    fs.rmSync(dir, { recursive: true, force: true });
  },
);

test("a manifest that is not the runner's makes it leave the whole folder alone", () => {
  const out = tempDir("runner-foreign-manifest");
  fs.writeFileSync(path.join(out, MANIFEST), '{"writtenBy": "someone else", "files": {}}');
  const run = runner([allOk, "--out", out]);
  assert.equal(run.status, 2, run.output);
  assert.match(run.stderr, /is not a manifest written by run-notebooks, so nothing in .* is replaced/);
  fs.rmSync(out, { recursive: true, force: true });
});

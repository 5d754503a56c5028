// build-site reports problems instead of hiding them: a lesson that fails makes the build fail
// (the page is still written, with a notice), and a folder of the user's is never used as --out.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { projectRoot, tempDir } from "../helpers";

const buildSite = path.join(projectRoot, "scripts", "build-site.js");
const skipNotebooks =
  process.env.CONVNET_SKIP_NOTEBOOKS === "1" ? "notebook execution skipped (CONVNET_SKIP_NOTEBOOKS=1)" : false;

test("a folder holding the user's files is refused as --out and left as it was", () => {
  const dir = tempDir("user");
  fs.writeFileSync(path.join(dir, "thesis.md"), "precious");
  const result = spawnSync(process.execPath, [buildSite, "00", "--out", dir], { encoding: "utf8", cwd: projectRoot });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /is not empty and was not made by build-site/);
  assert.deepEqual(fs.readdirSync(dir), ["thesis.md"]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("an unknown lesson name is reported with the lessons that exist", () => {
  const result = spawnSync(
    process.execPath,
    [buildSite, "no-such-lesson", "--out", path.join(os.tmpdir(), "convnet-never-built")],
    { encoding: "utf8", cwd: projectRoot },
  );
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /"no-such-lesson" was not found\. Available:/);
});

test(
  "a lesson with a failing cell fails the build, and its page says what went wrong",
  { skip: skipNotebooks, timeout: 5 * 60_000 },
  () => {
    const out = tempDir("site-fail");
    const lesson = path.join(projectRoot, "test", "fixtures", "notebooks", "cell-error.ipynb");
    const result = spawnSync(process.execPath, [buildSite, lesson, "--out", out], {
      encoding: "utf8",
      cwd: projectRoot,
    });
    assert.equal(result.status, 1, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stderr, /lesson cell-error did not run cleanly/);
    const page = fs.readFileSync(path.join(out, "lessons", "cell-error.html"), "utf8");
    assert.match(
      page,
      /class="convnet-banner"[^>]*>This lesson did not run cleanly[\s\S]*deliberate failure in cell 1/,
    );
    assert.match(fs.readFileSync(path.join(out, "index.html"), "utf8"), /convnet-lesson-failed/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "site.json"), "utf8")) as {
      lessons: { name: string; ok: boolean }[];
    };
    assert.deepEqual(
      manifest.lessons.map((l) => [l.name, l.ok]),
      [["cell-error", false]],
    );
    fs.rmSync(out, { recursive: true, force: true });
  },
);

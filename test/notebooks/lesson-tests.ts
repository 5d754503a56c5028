// Executes lessons end to end through the real tslab kernel (default sizes), one test per lesson.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { projectRoot } from "../helpers";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { listNotebooks } = require(path.join(projectRoot, "scripts", "lib.js")) as { listNotebooks(): string[] };
const skip = process.env.CONVNET_SKIP_NOTEBOOKS === "1" ? "notebook execution skipped (--unit)" : false;
const out = path.join(projectRoot, "out", "test-lessons");

/**
 * Defines the tests of every other lesson (half 0: 00, 02, 04, …; half 1: 01, 03, …), so two
 * test files can run side by side, each lesson's kernel on one wasm thread (one core each),
 * unless CONVNET_WASM_THREADS says otherwise.
 */
export function defineLessonTests(half: 0 | 1): void {
  listNotebooks()
    .filter((_, index) => index % 2 === half)
    .forEach((notebook) => {
      const name = path.basename(notebook, ".ipynb");
      test(`lesson ${name} runs top to bottom with no error and no skipped cell`, { skip }, () => {
        const json = path.join(out, `${name}.result.json`);
        const result = spawnSync(
          process.execPath,
          [path.join(projectRoot, "scripts", "run-notebooks.js"), notebook, "--out", out, "--json", json],
          {
            encoding: "utf8",
            env: { ...process.env, CONVNET_WASM_THREADS: process.env.CONVNET_WASM_THREADS || "1" },
          },
        );
        const report = fs.existsSync(json) ? fs.readFileSync(json, "utf8") : "(no report)";
        assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}\n${report}`);
      });
    });
}

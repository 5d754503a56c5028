// train-base-model checks its files before it trains (a refusal takes a second, not a minute of
// training), names --force, and never replaces a file without it.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { projectRoot } from "../helpers";
import { runScript, sha256, snapshot, tempDir } from "./script-runs";

const committedModel = path.join(projectRoot, "datasets", "models", "fashion-base");
// Training takes minutes; a run that gets this far has started to train, and is stopped.
const NO_TRAINING_MS = 90_000;

function train(args: string[]) {
  const run = runScript("train-base-model.js", args, { timeoutMs: NO_TRAINING_MS });
  assert.equal(
    run.signal,
    null,
    `train-base-model was still running after ${NO_TRAINING_MS / 1000} s: it started training\n${run.output}`,
  );
  // Nothing of the training ran: no backend was started, no data loaded, no epoch printed.
  assert.doesNotMatch(run.output, /epoch|backend|accuracy/i, run.output);
  return run;
}

function folderWith(files: Record<string, string>): string {
  const dir = tempDir("base-model");
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

test("weights.bin with no model.json: refused before training, naming both files and --force; weights.bin untouched", () => {
  const dir = folderWith({ "weights.bin": "my weights" });
  const run = train(["--dir", dir]);
  assert.equal(run.status, 2, run.output);
  assert.match(
    run.stderr,
    /^train-base-model: .* holds weights\.bin but no model\.json: not a complete model, and saving one would replace weights\.bin, so nothing was trained\. Pass --force to retrain and replace it/,
  );
  assert.doesNotMatch(
    run.stderr,
    /overwrite: true|\{overwrite/,
    "the advice must be the command's flag, not a JavaScript option",
  );
  assert.deepEqual(fs.readdirSync(dir), ["weights.bin"]);
  assert.equal(fs.readFileSync(path.join(dir, "weights.bin"), "utf8"), "my weights");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("model.json with no weights.bin: refused the same way", () => {
  const dir = folderWith({ "model.json": "{}" });
  const run = train(["--dir", dir]);
  assert.equal(run.status, 2, run.output);
  assert.match(run.stderr, /holds model\.json but no weights\.bin: .* Pass --force/);
  assert.deepEqual(fs.readdirSync(dir), ["model.json"]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("--if-missing does not complete half a model either: that would replace the file that is there", () => {
  const dir = folderWith({ "weights.bin": "my weights" });
  const run = train(["--dir", dir, "--if-missing"]);
  assert.equal(run.status, 2, run.output);
  assert.match(run.stderr, /Pass --force/);
  assert.equal(fs.readFileSync(path.join(dir, "weights.bin"), "utf8"), "my weights");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the committed model: refused without --force, skipped with --if-missing, left byte for byte as it was", () => {
  const before = snapshot(committedModel);
  const plain = train([]);
  assert.equal(plain.status, 2, plain.output);
  assert.match(
    plain.stderr,
    /^train-base-model: datasets\/models\/fashion-base already holds a model \(model\.json, weights\.bin\)\. Pass --force to retrain and replace it\./,
  );
  const skipped = train(["--if-missing"]);
  assert.equal(skipped.status, 0, skipped.output);
  assert.match(skipped.stdout, /already holds a model; nothing to do/);
  assert.deepEqual(snapshot(committedModel), before);
});

test("--force with --if-missing, and --dir naming a file, are refused", () => {
  const contradiction = train(["--force", "--if-missing"]);
  assert.equal(contradiction.status, 2);
  assert.match(contradiction.stderr, /--force and --if-missing contradict each other/);
  const file = path.join(projectRoot, "package.json");
  const hash = sha256(file);
  const notAFolder = train(["--dir", file, "--force"]);
  assert.equal(notAFolder.status, 2);
  assert.match(notAFolder.stderr, /package\.json is a file, not a folder/);
  assert.equal(sha256(file), hash);
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { projectRoot } from "../helpers";

type Report = Record<string, { ok: boolean; message: string }>;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { prepareDatasets } = require(path.join(projectRoot, "scripts", "prepare-datasets.js")) as {
  prepareDatasets(options: { quiet: boolean }): Report;
};

test("prepare-datasets: reports MNIST present, and Fashion-MNIST as installed or with the apt command", () => {
  const report = prepareDatasets({ quiet: true });
  assert.equal(report.mnist.ok, true, report.mnist.message);
  const fashionInstalled = fs.existsSync("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
  assert.equal(report.fashionMnist.ok, fashionInstalled, report.fashionMnist.message);
  if (!fashionInstalled) assert.match(report.fashionMnist.message, /sudo apt-get install dataset-fashion-mnist/);
});

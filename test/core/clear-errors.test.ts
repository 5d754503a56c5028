// Issue #15, "unclear or internal errors": each call below used to fail with a TypeError, a raw
// system error, a third-party message without the file, or another function's name.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { correlate2d, convolve2d, correlationSteps } from "../../src/ops/correlate";
import { conv2dAsMatrixProduct, im2col } from "../../src/ops/im2col";
import { checkFilterBank, conv2dMulti } from "../../src/ops/conv-multi";
import { convOutputShape } from "../../src/ops/output-size";
import { hwcToChw } from "../../src/ops/layout";
import { separableConvCost } from "../../src/ops/counts";
import { loadImage, saveImage, toPng } from "../../src/data/image-io";
import { saveModelToFile } from "../../src/models/io";
import { vgg } from "../../src/models/vgg";
import { projectRoot, useBackend, tempDir } from "../helpers";

const m = [
  [1, 2],
  [3, 4],
];
const volume = [m];
const filters = [[[[1]]]];

test("null options get 'options must be an object', not 'Cannot read properties of null'", () => {
  const calls: [string, () => unknown][] = [
    ["correlate2d", () => correlate2d(m, m, null as never)],
    ["convolve2d", () => convolve2d(m, m, null as never)],
    ["correlationSteps", () => correlationSteps(m, m, null as never)],
    ["conv2dAsMatrixProduct", () => conv2dAsMatrixProduct(volume, filters, null as never)],
    ["im2col", () => im2col(volume, 1, 1, null as never)],
    ["conv2dMulti", () => conv2dMulti(volume, filters, null as never)],
  ];
  for (const [name, call] of calls) {
    assert.throws(
      call,
      (error: Error) =>
        !(error instanceof TypeError) &&
        new RegExp(`^${name}: options must be an object like \\{ stride: 1, padding: 1.*\\}, got null\\.`).test(
          error.message,
        ),
      name,
    );
  }
});

test("loadImage names the file and says what is wrong with a non-image, a truncated image or a folder", async () => {
  const dir = tempDir("errors");
  const text = path.join(dir, "notes.png");
  fs.writeFileSync(text, "not an image");
  const cutJpeg = path.join(dir, "cut.jpg");
  fs.writeFileSync(cutJpeg, fs.readFileSync(path.join(projectRoot, "datasets/images/fruits.jpg")).subarray(0, 2000));
  const cutPng = path.join(dir, "cut.png");
  fs.writeFileSync(
    cutPng,
    (await toPng({ width: 4, height: 4, channels: 1, data: new Array(16).fill(0.5) })).subarray(0, 40),
  );
  for (const [file, jimpSaid] of [
    [text, "Could not find MIME for Buffer"],
    [cutJpeg, "marker was not found"],
    [cutPng, ""],
  ]) {
    await assert.rejects(
      loadImage(file),
      (error: Error) =>
        error.message.startsWith(`loadImage: ${file} could not be read as an image (jimp: ${jimpSaid}`) &&
        /It is not a PNG, JPEG, BMP, GIF or TIFF file, or it is damaged/.test(error.message),
    );
  }
  await assert.rejects(loadImage(dir), new RegExp(`loadImage: ${dir} is a folder, not an image file`));
  fs.rmSync(dir, { recursive: true });
});

test("saving into a missing folder, or under a file, says which folder instead of a raw ENOENT/ENOTDIR", async () => {
  await useBackend("cpu");
  const dir = tempDir("errors");
  const image = { width: 1, height: 1, channels: 1 as const, data: [0] };
  const missing = path.join(dir, "no-such-folder");
  await assert.rejects(
    saveImage(path.join(missing, "x.png"), image),
    (error: Error) =>
      !/ENOENT/.test(error.message) &&
      error.message.startsWith(`saveImage: the folder ${missing} does not exist, so x.png cannot be written there`),
  );
  assert.equal(fs.existsSync(missing), false, "no folder is made behind the learner's back");
  const file = path.join(dir, "a-file");
  fs.writeFileSync(file, "mine");
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1 })] });
  await assert.rejects(
    saveModelToFile(model, path.join(file, "model")),
    (error: Error) =>
      !/ENOTDIR/.test(error.message) &&
      error.message.startsWith(
        `saveModelToFile: cannot create the folder ${path.join(file, "model")}: ${file} is a file, not a folder`,
      ),
  );
  assert.equal(fs.readFileSync(file, "utf8"), "mine");
  const saved = await saveModelToFile(model, path.join(dir, "new", "deeper")); // a model's folder is made, as documented
  assert.ok(fs.existsSync(saved.modelJson));
  model.dispose();
  fs.rmSync(dir, { recursive: true });
});

test("messages name the function that was called, not the helper underneath", () => {
  assert.throws(
    () => convOutputShape({ inputShape: [3, 3, 1], filters: 1, kernel: 5 }),
    /^Error: convOutputShape, along the height: the kernel is 5 long/,
  );
  assert.throws(
    () => separableConvCost({ height: 0, width: 3, inChannels: 1, filters: 1 }),
    /^Error: separableConvCost: height must be a whole number ≥ 1, got 0/,
  );
  assert.throws(() => correlate2d(m, [[1, 1, 1]]), /^Error: correlate2d, along the width: the kernel is 3 long/);
});

test("hwcToChw blames the ragged pixel, not a NaN it made up; checkFilterBank checks channels", () => {
  assert.throws(
    () => hwcToChw([[[1, 2], [3]]]),
    (error: Error) =>
      /hwcToChw: pixel \(0, 1\) is \[3\] but pixel \(0, 0\) has 2 channel\(s\)/.test(error.message) &&
      !/NaN/.test(error.message),
  );
  assert.throws(
    () =>
      hwcToChw([
        [
          [1, 2],
          [3, "x" as unknown as number],
        ],
      ]),
    /hwcToChw: pixel \(0, 1\) channel 1 is "x"/,
  );
  assert.deepEqual(
    hwcToChw([
      [
        [1, 2],
        [3, 4],
      ],
    ]),
    [[[1, 3]], [[2, 4]]],
  );
  assert.throws(() => checkFilterBank("f", filters, 0), /f: channels must be a whole number ≥ 1, got 0/);
  assert.throws(() => checkFilterBank("f", filters, NaN), /f: channels must be a whole number ≥ 1, got NaN/);
});

test("NaN and Infinity are shown as themselves in messages, never as JSON's null", () => {
  assert.throws(() => vgg({ classes: NaN }), /vgg: classes must be a whole number ≥ 2, got NaN\./);
  assert.throws(() => vgg({ dropout: Infinity }), /vgg: dropout must be a finite number in \[0, 1\), got Infinity\./);
  assert.throws(() => correlate2d(m, m, { stride: NaN }), /correlate2d: stride must be a whole number ≥ 1, got NaN/);
});

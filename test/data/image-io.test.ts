import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { Jimp } from "jimp";
import {
  channelImage,
  channelMatrix,
  cropImage,
  imageToTensor,
  imageToVolume,
  loadImage,
  resizeImage,
  saveImage,
  splitChannels,
  tensorToImage,
  toGrayscale,
} from "../../src/data/image-io";
import { PixelImage } from "../../src/core/image";
import { expectNoLeak, projectRoot, useBackend, tempDir } from "../helpers";

/** A 2x3 RGBA PNG written with jimp directly, so loadImage is checked against known bytes. */
async function writeKnownPng(file: string): Promise<void> {
  // Buffer.alloc, not Buffer.from: jimp reads a small pooled Buffer's whole backing store.
  const rgba = Buffer.alloc(24);
  rgba.set([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255, 200, 100, 50, 128, 0, 0, 0, 255]);
  fs.writeFileSync(file, await Jimp.fromBitmap({ data: rgba, width: 3, height: 2 }).getBuffer("image/png"));
}

test("loadImage reads RGB (HWC, 0–255), gray by BT.601 luma, and RGBA", async () => {
  const file = path.join(tempDir("image-io"), "known.png");
  await writeKnownPng(file);
  const rgb = await loadImage(file);
  assert.equal(rgb.width, 3);
  assert.equal(rgb.height, 2);
  assert.equal(rgb.channels, 3);
  assert.deepEqual(Array.from(rgb.data), [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 200, 100, 50, 0, 0, 0]);
  const gray = await loadImage(file, { channels: 1 });
  // 0.299·10 + 0.587·20 + 0.114·30 = 2.99 + 11.74 + 3.42 = 18.15
  assert.ok(Math.abs(gray.data[3] - 18.15) < 1e-3);
  assert.ok(Math.abs(gray.data[0] - 0.299 * 255) < 1e-3);
  const rgba = await loadImage(file, { channels: 4 });
  assert.equal(rgba.data[4 * 4 + 3], 128);
});

test("the lesson photos load with the sizes the README gives", async () => {
  const fruits = await loadImage(path.join(projectRoot, "datasets/images/fruits.jpg"));
  assert.deepEqual([fruits.width, fruits.height, fruits.channels], [256, 240, 3]);
  const cat = await loadImage(path.join(projectRoot, "datasets/images/chelsea.jpg"));
  assert.deepEqual([cat.width, cat.height], [226, 150]);
});

test("saveImage writes a PNG that loads back the same, and never replaces a file unless asked", async () => {
  const dir = tempDir("image-io");
  const file = path.join(dir, "out.png");
  const image: PixelImage = { width: 2, height: 2, channels: 3, data: [1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 251, 252] };
  await saveImage(file, image);
  assert.deepEqual(Array.from((await loadImage(file)).data), image.data);
  fs.writeFileSync(path.join(dir, "mine.png"), "precious");
  await assert.rejects(
    () => saveImage(path.join(dir, "mine.png"), image),
    /already exists and was left alone.*overwrite: true/,
  );
  assert.equal(fs.readFileSync(path.join(dir, "mine.png"), "utf8"), "precious");
  await saveImage(file, { ...image, data: new Array(12).fill(0) }, { overwrite: true });
  assert.equal((await loadImage(file)).data[0], 0);
  await assert.rejects(() => saveImage(path.join(dir, "x.gif"), image), /must end in \.png, \.jpg or \.jpeg/);
});

test("resizeImage halves a constant image to the same constant; cropImage cuts by hand", async () => {
  const flat: PixelImage = {
    width: 4,
    height: 2,
    channels: 3,
    data: new Array(24).fill(0).map((_, i) => [10, 20, 30][i % 3]),
  };
  const small = await resizeImage(flat, { width: 2, height: 1 });
  assert.deepEqual([small.width, small.height, small.channels], [2, 1, 3]);
  assert.deepEqual(Array.from(small.data), [10, 20, 30, 10, 20, 30]);
  const gray: PixelImage = { width: 3, height: 3, channels: 1, data: [1, 2, 3, 4, 5, 6, 7, 8, 9] };
  assert.deepEqual(Array.from(cropImage(gray, { x: 1, y: 1, width: 2, height: 2 }).data), [5, 6, 8, 9]);
  assert.throws(() => cropImage(gray, { x: 2, y: 0, width: 2, height: 1 }), /goes outside the 3x3 image/);
  await assert.rejects(() => resizeImage(gray, { width: 0, height: 1 }), /width must be a whole number ≥ 1, got 0/);
  await assert.rejects(
    () => resizeImage({ ...gray, data: [300, 0, 0, 0, 0, 0, 0, 0, 0] }, { width: 1, height: 1 }),
    /value 300 at index 0 is outside 0–255/,
  );
});

test("imageToTensor / tensorToImage round-trip and agree with tf ops; channel split by hand", async () => {
  await useBackend("cpu");
  const image: PixelImage = { width: 2, height: 1, channels: 3, data: [1, 2, 3, 4, 5, 6] };
  await expectNoLeak(() => {
    const t = imageToTensor(image);
    assert.deepEqual(t.shape, [1, 2, 3]);
    assert.deepEqual(Array.from(tensorToImage(t).data), [1, 2, 3, 4, 5, 6]);
    const green = tf.tidy(() => t.slice([0, 0, 1], [1, 2, 1]).squeeze([2]));
    assert.deepEqual(Array.from(channelImage(image, 1).data), Array.from(green.dataSync()));
    tf.dispose([t, green]);
  });
  assert.deepEqual(
    splitChannels(image).map((c) => Array.from(c.data)),
    [
      [1, 4],
      [2, 5],
      [3, 6],
    ],
  );
  assert.deepEqual(channelMatrix(image, 2), [[3, 6]]);
  assert.deepEqual(imageToVolume(image), [[[1, 4]], [[2, 5]], [[3, 6]]]);
  assert.ok(Math.abs(toGrayscale(image).data[0] - (0.299 * 1 + 0.587 * 2 + 0.114 * 3)) < 1e-6);
});

test("image-io rejects bad input with the argument's name and a fix", async () => {
  await assert.rejects(
    () => loadImage("no/such/photo.jpg"),
    /loadImage: no file at "no\/such\/photo\.jpg".*Check the path/,
  );
  await assert.rejects(
    () => loadImage("x.png", { channels: 2 as 3 }),
    /channels must be 1 \(gray\), 3 \(RGB\) or 4 \(RGBA\), got 2/,
  );
  assert.throws(
    () => imageToTensor({ width: 2, height: 2, channels: 3, data: [1, 2, 3] }),
    /data has 3 values but 2x2x3 needs 12/,
  );
  assert.throws(
    () => channelImage({ width: 1, height: 1, channels: 3, data: [1, 2, 3] }, 3),
    /channel must be a whole number from 0 to 2/,
  );
  await useBackend("cpu");
  const batch = tf.zeros([1, 2, 2, 3]);
  assert.throws(
    () => tensorToImage(batch),
    /shape must be \[height, width\] or \[height, width, 1\|3\|4\], got \[1, 2, 2, 3\]/,
  );
  batch.dispose();
});

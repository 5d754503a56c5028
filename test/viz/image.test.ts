import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Jimp } from "jimp";
import { pixelImageFromArray, toRgba } from "../../src/core/image";
import { toPng } from "../../src/data/image-io";
import { imageGridHtml, autoZoom } from "../../src/viz/image";

test("gray values in [0,1] are scaled by 255; zoom repeats pixels", () => {
  const image = pixelImageFromArray([
    [0, 1],
    [0.5, 0.2],
  ]);
  const rgba = toRgba(image, "auto", 2);
  assert.equal(rgba.width, 4);
  assert.equal(rgba.height, 4);
  // pixel (0,1) of the original is 1 → 255, and covers output pixels x = 2..3 of rows 0..1
  assert.deepEqual([...rgba.data.subarray((0 * 4 + 2) * 4, (0 * 4 + 2) * 4 + 4)], [255, 255, 255, 255]);
  assert.deepEqual([...rgba.data.subarray((1 * 4 + 3) * 4, (1 * 4 + 3) * 4 + 4)], [255, 255, 255, 255]);
  // pixel (1,0) = 0.5 → 127.5 → 128
  assert.equal(rgba.data[(2 * 4 + 0) * 4], 128);
});

test("scales: byte keeps values, minmax stretches, auto picks by range", () => {
  const bytes = pixelImageFromArray([[0, 200]]);
  assert.equal(toRgba(bytes, "auto").data[4], 200);
  const signed = pixelImageFromArray([[-2, 2, 0]]);
  const stretched = toRgba(signed, "auto").data;
  assert.deepEqual([stretched[0], stretched[4], stretched[8]], [0, 255, 128]);
  assert.equal(toRgba(bytes, "minmax").data[4], 255);
});

test("PNG encoding round-trips through jimp with the right size and colours", async () => {
  const rgb = pixelImageFromArray([
    [
      [255, 0, 0],
      [0, 255, 0],
    ],
    [
      [0, 0, 255],
      [255, 255, 255],
    ],
  ]);
  const png = await toPng(rgb);
  const decoded = await Jimp.read(png);
  assert.equal(decoded.bitmap.width, 2);
  assert.deepEqual([...decoded.bitmap.data.subarray(0, 8)], [255, 0, 0, 255, 0, 255, 0, 255]);
});

test("bad images are rejected with the argument and a fix", () => {
  assert.throws(() => pixelImageFromArray([[1, 2], [3]]), /row 1 has 1 pixels, but row 0 has 2/);
  assert.throws(() => pixelImageFromArray([[[1, 2]]]), /1, 3 or 4 channels, got 2/);
  assert.throws(
    () => toRgba({ width: 2, height: 2, channels: 1, data: [1, 2, 3] }),
    /data has 3 values but 2x2x1 needs 4/,
  );
  assert.throws(
    () => pixelImageFromArray([[1, NaN]]),
    /pixel \(0, 1\) channel 0 is NaN; pixels must be finite numbers/,
  );
  assert.throws(
    () => toRgba({ width: 2, height: 1, channels: 1, data: [0, Infinity] }),
    /value at row 0, column 1, channel 0 is Infinity/,
  );
  assert.throws(() => toRgba(pixelImageFromArray([[1]]), "auto", 0), /zoom must be a whole number ≥ 1, got 0/);
});

test("image grid: one captioned cell per image, captions escaped, label count checked", async () => {
  const a = pixelImageFromArray([[0, 1]]);
  const html = await imageGridHtml([a, a, a], { labels: ["<one>", "two", "three"], columns: 2 });
  assert.equal((html.match(/<img /g) ?? []).length, 3);
  assert.match(html, /&lt;one&gt;/);
  assert.equal((html.match(/<div><div/g) ?? []).length, 2, "two rows for three images in two columns");
  await assert.rejects(imageGridHtml([a], { labels: ["x", "y"] }), /labels has 2 entries but there are 1 images/);
  assert.equal(autoZoom({ width: 28, height: 28, channels: 1, data: new Float32Array(784) }, 84), 3);
});

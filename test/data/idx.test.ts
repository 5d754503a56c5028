import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as zlib from "zlib";
import { gunzipIfNeeded, parseIdx } from "../../src/data/idx";

// A tiny IDX file built by hand: magic 00 00 08 (uint8) 03 (three dimensions), then 2, 2, 3
// as big-endian uint32, then 12 pixel bytes.
const HAND_BUILT = Uint8Array.from([
  0x00, 0x00, 0x08, 0x03, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0, 1, 2, 3, 4, 5, 250,
  251, 252, 253, 254, 255,
]);

test("parseIdx: reads the shape and bytes of a hand-built uint8 file", () => {
  const parsed = parseIdx(HAND_BUILT);
  assert.deepEqual(parsed.shape, [2, 2, 3]);
  assert.ok(parsed.data instanceof Uint8Array);
  assert.deepEqual([...parsed.data], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
});

test("parseIdx: reads big-endian int32 values (type 0x0c)", () => {
  // 1-D, two values: 1 and -2 (0xfffffffe), written big-endian by hand.
  const bytes = Uint8Array.from([0, 0, 0x0c, 1, 0, 0, 0, 2, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xfe]);
  const parsed = parseIdx(bytes);
  assert.deepEqual(parsed.shape, [2]);
  assert.deepEqual([...parsed.data], [1, -2]);
});

test("parseIdx: a label file (1-D uint8) as in MNIST", () => {
  const bytes = Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 4, 7, 2, 1, 0]);
  assert.deepEqual([...parseIdx(bytes).data], [7, 2, 1, 0]);
});

test("parseIdx: truncated, overlong and foreign files are refused with a clear message", () => {
  assert.throws(
    () => parseIdx(HAND_BUILT.subarray(0, HAND_BUILT.length - 1), "tiny.idx"),
    /tiny\.idx is truncated: shape \[2, 2, 3\] of uint8 needs 28 bytes, found 27/,
  );
  assert.throws(() => parseIdx(HAND_BUILT.subarray(0, 10)), /header alone needs 16/);
  assert.throws(() => parseIdx(HAND_BUILT.subarray(0, 2)), /fewer than the 4-byte IDX header/);
  assert.throws(() => parseIdx(Uint8Array.from([...HAND_BUILT, 0])), /longer than its header says/);
  assert.throws(() => parseIdx(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0])), /magic bytes 00 00.*gzip/);
  assert.throws(() => parseIdx(Uint8Array.from([0, 0, 0x07, 1, 0, 0, 0, 0])), /type byte 0x7/);
});

test("gunzipIfNeeded: unpacks gzip, passes plain bytes through, and names a damaged file", () => {
  const packed = zlib.gzipSync(HAND_BUILT);
  assert.deepEqual([...gunzipIfNeeded(packed, "a.gz")], [...HAND_BUILT]);
  assert.equal(gunzipIfNeeded(HAND_BUILT, "a"), HAND_BUILT);
  assert.throws(
    () => gunzipIfNeeded(packed.subarray(0, packed.length - 6), "b.gz"),
    /b\.gz is a damaged gzip file .*truncated/,
  );
});

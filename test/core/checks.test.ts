import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  checkFiniteNumbers,
  checkMatrix,
  describeValue,
  requireChoice,
  requireNumber,
  requirePair,
  requireWholeNumber,
} from "../../src/core/checks";
import { editDistance, nearestMatch, optionKeys, rejectUnknownKeys, requireOptions } from "../../src/core/options";
import { checkFiniteTensor, requireModel, requireTensor } from "../../src/core/tensors";
import { expectNoLeak, useBackend } from "../helpers";

test("describeValue shows NaN and Infinity as JavaScript prints them, never as JSON's null", () => {
  assert.equal(describeValue(NaN), "NaN");
  assert.equal(describeValue(Infinity), "Infinity");
  assert.equal(describeValue(-Infinity), "-Infinity");
  assert.equal(describeValue([1, NaN, Infinity]), "[1, NaN, Infinity]");
  assert.equal(describeValue({ x1: 0, y2: NaN }), "{x1: 0, y2: NaN}");
  assert.equal(describeValue(null), "null");
  assert.equal(describeValue(undefined), "undefined");
  assert.equal(describeValue("a"), '"a"');
  assert.equal(describeValue(new Array(20).fill(0)), "an array of length 20");
  assert.equal(describeValue(new Float32Array(3)), "a Float32Array of length 3");
  assert.equal(
    describeValue(() => 1),
    "a function",
  );
  assert.equal(describeValue(new Map()), "a Map");
});

test("describeValue names a tensor by its shape", async () => {
  await useBackend("cpu");
  const t = tf.zeros([2, 3]);
  assert.equal(describeValue(t), "a tensor of shape [2, 3]");
  t.dispose();
});

test("number rules: the message names the caller, the argument, the rule, the value and a fix", () => {
  assert.throws(
    () => requireWholeNumber("f", "stride", 1.5),
    /^Error: f: stride must be a whole number ≥ 1, got 1\.5\. Pass e\.g\. stride: 1\.$/,
  );
  assert.throws(
    () => requireWholeNumber("f", "seed", -1, 0, 42, 10),
    /f: seed must be a whole number from 0 to 10, got -1\. Pass e\.g\. seed: 42\./,
  );
  assert.throws(
    () => requireWholeNumber("f", "n", NaN, 0, "Give a count."),
    /f: n must be a whole number ≥ 0, got NaN\. Give a count\./,
  );
  assert.throws(
    () => requireNumber("f", "rate", 1, { min: 0, below: 1 }),
    /rate must be a finite number in \[0, 1\), got 1\. Pass e\.g\. rate: 0\.5\./,
  );
  assert.throws(() => requireNumber("f", "lr", 0, { above: 0 }), /lr must be a finite number > 0, got 0\./);
  assert.throws(() => requireNumber("f", "x", "3"), /x must be a finite number, got "3"\./);
  assert.throws(() => requireNumber("f", "x", Infinity), /got Infinity/);
  assert.equal(requireWholeNumber("f", "n", 3), 3);
  assert.deepEqual(requirePair("f", "size", 2), [2, 2]);
  assert.deepEqual(requirePair("f", "size", [2, 3]), [2, 3]);
  assert.throws(
    () => requirePair("f", "size", [2, 3, 4]),
    /size must be a number or a \[rows, columns\] pair, got \[2, 3, 4\]/,
  );
  assert.throws(
    () => requireChoice("f", "padding", "full", ["same", "valid"]),
    /padding must be one of "same", "valid", got "full"/,
  );
});

test("array checks name the position of the first bad entry", () => {
  assert.throws(
    () => checkFiniteNumbers("f", "bias", [1, NaN], "Fix it."),
    /f: bias\[1\] is NaN; every entry must be a finite number\. Fix it\./,
  );
  assert.throws(() => checkFiniteNumbers("f", "bias", ["a"], "Fix it."), /bias\[0\] is "a"/);
  assert.throws(
    () => checkFiniteNumbers("f", "bias", [1], "Fix it.", 2),
    /bias must be an array of 2 finite number\(s\), got \[1\]/,
  );
  assert.throws(() => checkMatrix("f", "m", [[1, 2], [3]]), /m row 1 has 1 values but row 0 has 2/);
  assert.throws(() => checkMatrix("f", "m", [[1, Infinity]]), /m\[0\]\[1\] is Infinity/);
});

test("edit distance: hand-counted cases, a swap of neighbours counts once", () => {
  assert.equal(editDistance("stride", "strides"), 1);
  assert.equal(editDistance("traniSize", "trainSize"), 1); // "an" ↔ "na"
  assert.equal(editDistance("rotaton", "rotation"), 1);
  assert.equal(editDistance("biases", "bias"), 2);
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.equal(editDistance("", "abc"), 3);
  assert.equal(nearestMatch("strides", ["stride", "padding", "dilation"]), "stride");
  assert.equal(nearestMatch("Stride", ["stride"]), "stride");
  assert.equal(nearestMatch("zzz", ["stride", "padding"]), undefined);
  assert.equal(nearestMatch("h", ["x", "y", "width", "height"]), "height"); // an abbreviation, not the one-letter neighbour "x"
  assert.equal(nearestMatch("s", ["stride", "size"]), undefined); // abbreviates two keys
});

test("unknown keys: the key, the nearest allowed one and the list; null and non-objects are refused", () => {
  const keys = optionKeys<{ stride?: number; padding?: number }>()("stride", "padding");
  assert.throws(
    () => requireOptions("correlate2d", { strides: 2 }, keys, "{ stride: 1 }"),
    /^Error: correlate2d: options has unknown key `strides` \(did you mean `stride`\?\)\. The keys it takes: `stride`, `padding`\./,
  );
  assert.throws(
    () => rejectUnknownKeys("f", "layers[2]", { kernel: 3, strides: 1, zz: 1 }, ["kernel", "stride"]),
    /f: layers\[2\] has unknown keys `strides` \(did you mean `stride`\?\), `zz`\./,
  );
  assert.throws(
    () => requireOptions("f", null, keys, "{ stride: 1 }"),
    /f: options must be an object like \{ stride: 1 \}, got null\. Leave it out for the defaults\./,
  );
  assert.throws(
    () => requireOptions("f", [1], keys, "{ stride: 1 }"),
    /options must be an object like \{ stride: 1 \}, got \[1\]/,
  );
  assert.throws(() => requireOptions("f", 3, keys, "{ stride: 1 }"), /got 3/);
  assert.throws(
    () => requireOptions("f", undefined, keys, "{ stride: 1 }", { required: true }),
    /options must be an object like \{ stride: 1 \}, got undefined\.$/,
  );
  assert.deepEqual(requireOptions("f", undefined, keys, "{}"), {});
  assert.deepEqual(requireOptions("f", { stride: 2 }, keys, "{}"), { stride: 2 });
});

test("tensor checks: rank, disposed tensors, models; the first non-finite value is located", async () => {
  await useBackend("cpu");
  await expectNoLeak(() => {
    const t = tf.tensor3d([1, 2, 3, NaN, 5, 6], [1, 2, 3]);
    assert.throws(
      () => requireTensor("f", "images", t, 4, "[N, H, W, C]"),
      /f: images must be a 4-D tensor \[N, H, W, C\], got shape \[1, 2, 3\]\. For one image, add the batch axis/,
    );
    assert.throws(
      () => checkFiniteTensor("f", "xs", t, "Clean the data."),
      /f: xs holds NaN at \[0, 1, 0\]; every value must be a finite number\. Clean the data\./,
    );
    const fine = tf.tensor1d([3e38, 3e38]); // finite values whose float32 sum overflows
    checkFiniteTensor("f", "xs", fine, "");
    tf.dispose([t, fine]);
    assert.throws(() => requireTensor("f", "x", t), /x was disposed/);
  });
  assert.throws(() => requireTensor("f", "x", [1, 2]), /x must be a tensor, got \[1, 2\]/);
  assert.throws(() => requireModel("f", {}), /f: model must be a tf\.LayersModel .*got \{\}/);
});

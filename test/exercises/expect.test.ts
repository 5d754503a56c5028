// The lessons' check helpers: what they print when a check passes, what they throw when it fails
// (hand-computed cases), and their own argument checks.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  expectAbove,
  expectAtLeast,
  expectAtMost,
  expectBelow,
  expectClose,
  expectEqual,
  expectThrows,
  maxAbsDifference,
} from "../../src/exercises/expect";
import { formatNumber } from "../../src/exercises/format-number";

/** The lines fn printed with console.log. */
function printed(fn: () => unknown): string[] {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    fn();
  } finally {
    console.log = original;
  }
  return lines;
}

/** The message of the error fn throws (fails the test if it does not throw). */
function thrown(fn: () => unknown): string {
  const lines = printed(() => assert.throws(fn));
  assert.deepEqual(lines, [], "a failing check prints nothing");
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("unreachable");
}

test("formatNumber writes numbers the way the pass lines show them", () => {
  assert.equal(formatNumber(138357544), "138,357,544");
  assert.equal(formatNumber(9999), "9999");
  assert.equal(formatNumber(1e-5), "1e-5");
  assert.equal(formatNumber(0.000024, 2), "2.4e-5");
  assert.equal(formatNumber(0.98123456), "0.981235");
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(NaN), "NaN");
  assert.equal(formatNumber(-Infinity), "-Infinity");
});

test("expectClose on one number prints both values and the difference", () => {
  // 0.1 + 0.2 − 0.3 = 5.551115123125783e-17 in double precision.
  assert.deepEqual(
    printed(() => expectClose("sum", 0.1 + 0.2, 0.3, 1e-12)),
    ["✓ sum: 0.3 vs 0.3, |difference| 5.6e-17 ≤ 1e-12"],
  );
});

test("expectClose passes at the tolerance and fails just above it", () => {
  assert.deepEqual(
    printed(() => expectClose("edge", 1.5, 1, 0.5)),
    ["✓ edge: 1.5 vs 1, |difference| 0.5 ≤ 0.5"],
  );
  const message = thrown(() => expectClose("edge", 1.5000001, 1, 0.5));
  assert.match(
    message,
    /^check failed: edge: got 1\.5000001, expected 1: \|difference\| 0\.5, more than the tolerance 0\.5\.$/,
  );
});

test("expectClose on nested arrays names the worst element, where it is and how many are off", () => {
  assert.deepEqual(
    printed(() =>
      expectClose(
        "grid",
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 4.25],
        ],
        0.25,
      ),
    ),
    ["✓ grid: max |difference| 0.25 ≤ 0.25 over 4 values"],
  );
  // Differences 0, 0.5, 0.2, 0: the worst is at row 0, column 1; two values exceed 0.1.
  const message = thrown(() =>
    expectClose(
      "grid",
      [
        [1, 2],
        [3.2, 4],
      ],
      [
        [1, 2.5],
        [3, 4],
      ],
      0.1,
    ),
  );
  assert.match(
    message,
    /check failed: grid: the largest \|difference\| is at \[0\]\[1\]: actual 2, expected 2\.5 \(\|difference\| 0\.5, more than the tolerance 0\.1\); 2 of 4 values are off\./,
  );
});

test("expectClose reads tensors and typed arrays without freeing them", () => {
  const a = tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  const before = tf.memory().numTensors;
  assert.deepEqual(
    printed(() =>
      expectClose(
        "tensor vs array",
        a,
        [
          [1, 2],
          [3, 4],
        ],
        0,
      ),
    ),
    ["✓ tensor vs array: max |difference| 0 ≤ 0 over 4 values"],
  );
  assert.deepEqual(
    printed(() => expectClose("typed", new Float32Array([0.5, 0.25]), [0.5, 0.25], 0)),
    ["✓ typed: max |difference| 0 ≤ 0 over 2 values"],
  );
  assert.equal(tf.memory().numTensors, before);
  assert.equal(a.isDisposed, false);
  assert.match(
    thrown(() => expectClose("shapes", a, [1, 2, 3, 4], 0)),
    /actual has shape \[2, 2\] but expected has shape \[4\]/,
  );
  assert.match(
    thrown(() => expectClose("scalar tensor", tf.scalar(2), 3, 0.5)),
    /got 2, expected 3: \|difference\| 1, more than the tolerance 0\.5/,
  );
  a.dispose();
  assert.match(
    thrown(() =>
      expectClose(
        "gone",
        a,
        [
          [1, 2],
          [3, 4],
        ],
        0,
      ),
    ),
    /expectClose: actual is a disposed tensor/,
  );
});

test("expectClose fails on NaN and Infinity in actual", () => {
  assert.match(
    thrown(() => expectClose("nan", [1, NaN, 3], [1, 2, 3], 1)),
    /the largest \|difference\| is at \[1\]: actual NaN, expected 2 \(a value of NaN, more than the tolerance 1\); 1 of 3 values are off/,
  );
  assert.match(
    thrown(() => expectClose("inf", Infinity, 1, 1e9)),
    /got Infinity, expected 1/,
  );
});

test("expectClose with { relative: true } scales the tolerance by |expected|", () => {
  // |1001 − 1000| = 1; relative difference 1 / 1000 = 0.001.
  assert.deepEqual(
    printed(() => expectClose("paper", 1001, 1000, 1e-3, { relative: true })),
    ["✓ paper: 1001 vs 1000, relative difference 0.001 ≤ 0.001 × |expected|"],
  );
  assert.match(
    thrown(() => expectClose("paper", 1001, 1000, 9e-4, { relative: true })),
    /relative difference 0\.001, more than the tolerance 9e-4 × \|expected\|/,
  );
  assert.match(
    thrown(() => expectClose("paper", 1001, 1000, 1e-3)),
    /\|difference\| 1, more than the tolerance 0\.001/,
  );
  assert.match(
    thrown(() => expectClose("zero", 1e-9, 0, 0.5, { relative: true })),
    /relative difference Infinity, more than the tolerance 0.5 × |expected|/,
  );
});

test("expectClose rejects bad arguments with the argument, the value and a fix", () => {
  assert.match(
    thrown(() => expectClose("", 1, 1, 0)),
    /expectClose: label must be a non-empty string .* got "". Pass e\.g\./,
  );
  assert.match(
    thrown(() => expectClose("x", 1, 1, -1)),
    /expectClose: tolerance must be ≥ 0, got -1/,
  );
  assert.match(
    thrown(() => expectClose("x", 1, 1, NaN)),
    /expectClose: tolerance must be a finite number, got NaN/,
  );
  assert.match(
    thrown(() => expectClose("x", 1, 1, 0, { relativ: true } as never)),
    /expectClose: options has unknown key `relativ` \(did you mean `relative`\?\)\. The keys it takes: `relative`\./,
  );
  assert.match(
    thrown(() => expectClose("x", 1, 1, 0, { relative: "yes" } as never)),
    /options\.relative must be true or false, got "yes"/,
  );
  assert.match(
    thrown(() => expectClose("x", "1" as never, 1, 0)),
    /expectClose: actual must be a number, an array of numbers \(nested\), a typed array or a tensor, got "1"/,
  );
  assert.match(
    thrown(() =>
      expectClose(
        "x",
        [[1, 2], [3]],
        [
          [1, 2],
          [3, 4],
        ],
        0,
      ),
    ),
    /expectClose: actual\[1\] has shape \[1\] but actual\[0\] has \[2\]/,
  );
  assert.match(
    thrown(() => expectClose("x", [], [], 0)),
    /empty comparison proves nothing/,
  );
  assert.match(
    thrown(() => expectClose("x", [1, 2], [1, NaN], 0)),
    /expectClose: expected\[1\] is NaN; expected values must be finite/,
  );
});

test("expectEqual compares numbers, strings, arrays and objects exactly", () => {
  assert.deepEqual(
    printed(() => expectEqual("VGG16 parameters", 138357544, 138357544)),
    ["✓ VGG16 parameters: 138,357,544"],
  );
  assert.deepEqual(
    printed(() => expectEqual("shape", [16, 16, 10], [16, 16, 10])),
    ["✓ shape: [16, 16, 10]"],
  );
  assert.deepEqual(
    printed(() => expectEqual("counts", [73856, 102464], [73856, 102464])),
    ["✓ counts: [73856, 102464]"],
  );
  assert.deepEqual(
    printed(() => expectEqual("count", { params: 73856 }, { params: 73856 })),
    ["✓ count: { params: 73,856 }"],
  );
  assert.deepEqual(
    printed(() => expectEqual("word", "hello", "hello")),
    ['✓ word: "hello"'],
  );
  assert.deepEqual(
    printed(() => expectEqual("row", { name: "C1", params: 156 }, { name: "C1", params: 156 })),
    ['✓ row: { name: "C1", params: 156 }'],
  );
  const long = Array.from({ length: 40 }, (_, i) => i * 1000);
  assert.deepEqual(
    printed(() => expectEqual("long", long, [...long])),
    ["✓ long: all 40 values as expected"],
  );
  const planes = [0, 1, 2].map((c) => [
    [c, 1000 + c, 2000 + c],
    [3000 + c, 4000 + c, 5000 + c],
  ]);
  assert.deepEqual(
    printed(() => expectEqual("planes", planes, planes)),
    ["✓ planes: all 18 values as expected"],
  );
  assert.deepEqual(
    printed(() => expectEqual("both", { planes: planes, size: 3 }, { planes: planes, size: 3 })),
    ["✓ both: all 19 values as expected"],
  );
  assert.match(
    thrown(() => expectEqual("total", 60805, 60806)),
    /^check failed: total: the value: got 60,805, expected 60,806\.$/,
  );
  assert.match(
    thrown(() => expectEqual("shape", [16, 15, 10], [16, 16, 10])),
    /shape: \[1\]: got 15, expected 16/,
  );
  assert.match(
    thrown(() => expectEqual("shape", [16, 16], [16, 16, 10])),
    /got 2 values, expected 3/,
  );
  assert.match(
    thrown(() => expectEqual("row", { name: "C1", params: 150 }, { name: "C1", params: 156 })),
    /row: \.params: got 150, expected 156/,
  );
  assert.match(
    thrown(() => expectEqual("row", { name: "C1", extra: 1 }, { name: "C1" })),
    /unexpected key\(s\) extra/,
  );
  assert.match(
    thrown(() => expectEqual("nan", NaN, NaN)),
    /got NaN, expected NaN/,
  );
  assert.match(
    thrown(() => expectEqual("flag", false, true)),
    /got false, expected true/,
  );
});

test("expectEqual rejects what it cannot compare", () => {
  assert.match(
    thrown(() => expectEqual("t", [1], tf.tensor1d([1]) as never)),
    /expectEqual: expected is a tensor; compare tensors with expectClose/,
  );
  assert.match(
    thrown(() => expectEqual("f", 1, (() => 1) as never)),
    /expectEqual: expected is .*function.*compares numbers, strings, booleans, arrays and plain objects/,
  );
  assert.match(
    thrown(() => expectEqual(42 as never, 1, 1)),
    /expectEqual: label must be a non-empty string .* got 42/,
  );
});

test("expectAbove, expectAtLeast, expectBelow and expectAtMost at and around the bound", () => {
  assert.deepEqual(
    printed(() => expectAbove("accuracy", 0.98, 0.95)),
    ["✓ accuracy: 0.98 > 0.95"],
  );
  assert.match(
    thrown(() => expectAbove("accuracy", 0.95, 0.95)),
    /^check failed: accuracy: 0\.95 is not above 0\.95\.$/,
  );
  assert.deepEqual(
    printed(() => expectAtLeast("accuracy", 0.95, 0.95)),
    ["✓ accuracy: 0.95 ≥ 0.95"],
  );
  assert.match(
    thrown(() => expectAtLeast("accuracy", 0.9499999, 0.95)),
    /0\.9499999 is not at least 0\.95/,
  );
  assert.deepEqual(
    printed(() => expectBelow("loss", 1.2, 1.5)),
    ["✓ loss: 1.2 < 1.5"],
  );
  assert.match(
    thrown(() => expectBelow("loss", 1.5, 1.5)),
    /1\.5 is not below 1\.5/,
  );
  assert.deepEqual(
    printed(() => expectAtMost("loss", 1.5, 1.5)),
    ["✓ loss: 1.5 ≤ 1.5"],
  );
  assert.match(
    thrown(() => expectAtMost("loss", 1.51, 1.5)),
    /1\.51 is not at most 1\.5/,
  );
  assert.match(
    thrown(() => expectAbove("nan", NaN, 0)),
    /NaN is not above 0/,
  );
  assert.match(
    thrown(() => expectBelow("nan", NaN, 0)),
    /NaN is not below 0/,
  );
  assert.match(
    thrown(() => expectAbove("x", 1, NaN)),
    /expectAbove: bound must be a finite number, got NaN/,
  );
  assert.match(
    thrown(() => expectAtMost("x", "1" as never, 2)),
    /expectAtMost: actual must be a number, got "1"/,
  );
});

test("expectThrows returns the message of a matching error and fails otherwise", () => {
  let message = "";
  const lines = printed(() => {
    message = expectThrows(
      "refuses",
      () => {
        throw new Error("14.5 is not a whole number");
      },
      /is not a whole number/,
    );
  });
  assert.equal(message, "14.5 is not a whole number");
  assert.deepEqual(lines, ['✓ refuses: threw "14.5 is not a whole number"']);
  assert.match(
    thrown(() => expectThrows("refuses", () => 15, /whole/)),
    /refuses: the call returned normally instead of throwing an error/,
  );
  assert.match(
    thrown(() =>
      expectThrows(
        "refuses",
        () => {
          throw new Error("other");
        },
        /whole/,
      ),
    ),
    /the error says "other", which does not match \/whole\//,
  );
  assert.match(
    thrown(() => expectThrows("refuses", () => 1, "whole" as never)),
    /expectThrows: pattern must be a regular expression, got "whole"/,
  );
  assert.match(
    thrown(() => expectThrows("refuses", 1 as never, /x/)),
    /expectThrows: fn must be a function to call, got 1/,
  );
});

test("maxAbsDifference measures the largest difference of two same-shaped values", () => {
  // |1 − 1|, |2 − 2.5|, |3.25 − 3|: the largest is 0.5.
  assert.equal(
    maxAbsDifference(
      [
        [1, 2],
        [3.25, 4],
      ],
      [
        [1, 2.5],
        [3, 4],
      ],
    ),
    0.5,
  );
  assert.equal(maxAbsDifference(tf.tensor1d([1, 2]), new Float32Array([1, 2])), 0);
  assert.ok(Number.isNaN(maxAbsDifference([1, NaN, 3], [1, 2, 100])));
  assert.throws(
    () => maxAbsDifference([1, 2], [[1, 2]]),
    /maxAbsDifference: actual has shape \[2\] but expected has shape \[1, 2\]/,
  );
  assert.throws(() => maxAbsDifference([], []), /maxAbsDifference: actual and expected are empty/);
});

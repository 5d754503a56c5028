import { test } from "node:test";
import * as assert from "node:assert/strict";
import { defineExercise, judge, checkExercise, arrayDifferenceNote, differenceNote } from "../../src/exercises/check";
import { recordDisplays } from "../../src/viz/display";

defineExercise<number>({
  id: "99.1",
  title: "six times seven",
  hint: "multiply",
  verify: (answer) => differenceNote("your product", answer, 6 * 7),
});

test("judge: right, wrong (with the hint) and unanswered", () => {
  assert.equal(judge("99.1", 42).result, "correct");
  const wrong = judge("99.1", 41);
  assert.equal(wrong.result, "wrong");
  assert.match(wrong.message, /your product is 41[\s\S]*Hint: multiply/);
  assert.equal(judge("99.1", undefined).result, "unanswered");
  assert.equal(judge("99.1", "42").result, "wrong", "a string is not silently turned into a number");
});

test("checkExercise shows its verdict and never throws for a wrong answer", () => {
  const recorder = recordDisplays();
  try {
    checkExercise("99.1", 0);
  } finally {
    recorder.stop();
  }
  assert.match(String(recorder.outputs[0].value), /❌ Exercise 99\.1/);
});

test("ids are checked: format, duplicates and unknown ids", () => {
  assert.throws(
    () => defineExercise({ id: "3.1", title: "x", hint: "", verify: () => null }),
    /must look like "03\.2"/,
  );
  assert.throws(
    () => defineExercise({ id: "99.1", title: "x", hint: "", verify: () => null }),
    /already used by "six times seven"/,
  );
  assert.throws(() => judge("98.7", 1), /no exercise has id "98\.7"/);
});

test("arrayDifferenceNote finds the first differing element", () => {
  assert.equal(
    arrayDifferenceNote(
      "out",
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ),
    null,
  );
  assert.match(
    arrayDifferenceNote(
      "out",
      [
        [1, 2],
        [3, 5],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ) ?? "",
    /out\[1\]\[1\] is 5/,
  );
  assert.match(arrayDifferenceNote("out", [1], [1, 2]) ?? "", /has length 1, expected 2/);
});

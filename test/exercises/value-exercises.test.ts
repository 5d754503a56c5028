// defineValueExercises: numeric exercises judged against what `expected()` computes. Fake exercises
// (lesson 97) are registered in this test process only.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { defineValueExercises, judge } from "../../src/exercises/check";

let calls = 0;
defineValueExercises([
  {
    id: "97.1",
    title: "seven squared",
    hint: "7 · 7",
    answerName: "your square",
    expected: () => (calls++, 7 * 7),
    tolerance: 0,
  },
  {
    id: "97.2",
    title: "a shape",
    hint: "",
    answerName: "your shape",
    expected: () => [4, 4, 8],
    tolerance: 0,
    form: "give [height, width, channels].",
  },
  { id: "97.3", title: "a third", hint: "", answerName: "your fraction", expected: () => 1 / 3, tolerance: 1e-3 },
]);

test("a right answer is correct and expected() is computed when judging", () => {
  assert.equal(judge("97.1", 49).result, "correct");
  assert.ok(calls >= 1);
  assert.equal(judge("97.2", [4, 4, 8]).result, "correct");
  assert.equal(judge("97.3", 0.3333).result, "correct");
});

test("a wrong answer names the answer and is judged wrong", () => {
  const square = judge("97.1", 48);
  assert.equal(square.result, "wrong");
  assert.match(square.message, /your square is 48, which is not the expected value/);
  assert.match(square.message, /Hint: 7 · 7/);
  assert.match(judge("97.2", [4, 4, 9]).message, /your shape\[2\] is 9/);
  assert.equal(judge("97.3", 0.335).result, "wrong");
});

test("an answer of the wrong form gets the form sentence", () => {
  assert.match(judge("97.2", [4, 4]).message, /give \[height, width, channels\]\./);
  assert.match(judge("97.2", 4).message, /give \[height, width, channels\]\./);
  assert.match(judge("97.1", "49").message, /your square should be a finite number, got "49"/);
});

test("a missing answer is unanswered", () => {
  assert.equal(judge("97.1", undefined).result, "unanswered");
});

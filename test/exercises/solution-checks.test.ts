// The solution checks must be able to fail. Fake exercises (lesson 98) are registered in this
// test process only; node --test runs each test file in its own process.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { defineExercise, Exercise } from "../../src/exercises/check";
import { perturb, solutionProblems, Solutions } from "./solution-checks";

const square = defineExercise<number>({
  id: "98.1",
  title: "square of 7",
  hint: "7 × 7",
  verify: (a) => (a === 49 ? null : `${a} is not 7²`),
});
const lenient = defineExercise<unknown>({ id: "98.2", title: "accepts anything", hint: "", verify: () => null });
const shape = defineExercise<number[]>({
  id: "98.3",
  title: "output shape",
  hint: "",
  verify: (a) => (JSON.stringify(a) === "[4,4,8]" ? null : "wrong shape"),
});
const all = [square, lenient, shape] as Exercise<unknown>[];

test("correct solutions pass", async () => {
  const solutions: Solutions = { "98.1": () => 49, "98.3": () => [4, 4, 8] };
  assert.deepEqual(await solutionProblems([square, shape] as Exercise<unknown>[], () => solutions), []);
});

test("a missing solutions file, a missing solution and a wrong solution are reported", async () => {
  assert.match((await solutionProblems([square] as Exercise<unknown>[], () => null)).join("\n"), /no solutions file/);
  assert.match(
    (await solutionProblems([square] as Exercise<unknown>[], () => ({}))).join("\n"),
    /has no solution for it/,
  );
  assert.match(
    (await solutionProblems([square] as Exercise<unknown>[], () => ({ "98.1": () => 48 }))).join("\n"),
    /judged wrong/,
  );
  assert.match(
    (
      await solutionProblems([square] as Exercise<unknown>[], () => ({
        "98.1": async () => {
          throw new Error("boom");
        },
      }))
    ).join("\n"),
    /threw: boom/,
  );
});

test("a checker that accepts a wrong answer is reported", async () => {
  const problems = await solutionProblems(all, () => ({ "98.1": () => 49, "98.2": () => 3, "98.3": () => [4, 4, 8] }));
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], /98\.2: the wrong answer 7 is judged correct/);
});

test("a solution for an unregistered id is reported", async () => {
  const problems = await solutionProblems([square] as Exercise<unknown>[], () => ({
    "98.1": () => 49,
    "98.9": () => 1,
  }));
  assert.match(problems.join("\n"), /98\.9, which is not a registered exercise/);
});

test("perturb changes exactly one value", () => {
  assert.equal(perturb(3), 7);
  assert.equal(perturb(-2), 1);
  assert.equal(perturb(0), 1);
  assert.equal(perturb("same"), "same (wrong)");
  assert.equal(perturb(true), false);
  assert.deepEqual(perturb([1, 2, 3]), [3, 2, 3]);
  assert.deepEqual(
    perturb([
      [1, 2],
      [3, 4],
    ]),
    [
      [3, 2],
      [3, 4],
    ],
  );
  assert.deepEqual(perturb({ height: 5, width: 5 }), { height: 11, width: 5 });
  assert.deepEqual(perturb([]), [0]);
  assert.deepEqual(Array.from(perturb(new Float32Array([0.5, 1])) as Float32Array), [2, 1]);
  assert.throws(() => perturb(() => 1), /cannot derive a wrong answer from a function/);
});

// Every exercise registered through src/exercises has a solution in solutions/NN.ts that is
// judged correct, a wrong answer is judged wrong, and every id a lesson checks is registered.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { allExercises } from "../../src/exercises";
import { projectRoot } from "../helpers";
import { loadSolutions, solutionProblems } from "./solution-checks";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { listNotebooks } = require(path.join(projectRoot, "scripts", "lib.js")) as { listNotebooks(): string[] };
const compiledSolutions = path.join(projectRoot, "build-test", "solutions");
const sourceSolutions = path.join(projectRoot, "solutions");

/** The source of every code cell of every lesson, with the notebook it comes from. */
function codeCells(): { notebook: string; source: string }[] {
  return listNotebooks().flatMap((notebook) => {
    const nb = JSON.parse(fs.readFileSync(notebook, "utf8")) as {
      cells: { cell_type: string; source: string | string[] }[];
    };
    return nb.cells
      .filter((cell) => cell.cell_type === "code")
      .map((cell) => ({ notebook, source: Array.isArray(cell.source) ? cell.source.join("") : cell.source }));
  });
}

test("every exercise has a solution judged correct, and a wrong answer is judged wrong", async (t) => {
  const exercises = allExercises();
  const problems = await solutionProblems(exercises, (lesson) => {
    if (!fs.existsSync(path.join(sourceSolutions, `${lesson}.ts`))) return null;
    return loadSolutions(compiledSolutions, lesson);
  });
  t.diagnostic(
    `${exercises.length} exercises checked: ${exercises.map((e) => e.id).join(", ") || "(none registered yet)"}`,
  );
  assert.deepEqual(problems, [], `${exercises.length} exercises checked`);
});

test("every solutions file belongs to a lesson with exercises", () => {
  const lessonsWithExercises = new Set(allExercises().map((e) => e.id.slice(0, 2)));
  const files = fs.readdirSync(sourceSolutions).filter((f) => /^\d\d\.ts$/.test(f));
  const orphans = files.filter((f) => !lessonsWithExercises.has(f.slice(0, 2)));
  assert.deepEqual(
    orphans,
    [],
    "solutions for lessons that register no exercise (is the lesson imported in src/exercises/index.ts?)",
  );
});

test("every exercise id a lesson checks is registered", () => {
  const registered = new Set(allExercises().map((e) => e.id));
  const unknown: string[] = [];
  for (const { notebook, source } of codeCells()) {
    for (const m of source.matchAll(/checkExercise\(\s*["'`]([^"'`]+)["'`]/g)) {
      if (!registered.has(m[1])) unknown.push(`${path.basename(notebook)} checks ${m[1]}`);
    }
  }
  assert.deepEqual(unknown, []);
});

test("every lesson names the answer of exercise NN.M answerNN_M", () => {
  const misnamed: string[] = [];
  for (const { notebook, source } of codeCells()) {
    for (const m of source.matchAll(/checkExercise\(\s*["'`](\d\d)\.(\d+)["'`]\s*,\s*([^)\s]+)\s*\)/g)) {
      const wanted = `answer${m[1]}_${m[2]}`;
      if (m[3] !== wanted)
        misnamed.push(`${path.basename(notebook)} checks ${m[1]}.${m[2]} with ${m[3]} (name it ${wanted})`);
    }
  }
  assert.deepEqual(misnamed, []);
});

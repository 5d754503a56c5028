// Checks exercise solutions with the same `judge` learners' answers go through.
import * as fs from "fs";
import * as path from "path";
import { Exercise, judge } from "../../src/exercises/check";

export type Solutions = Record<string, () => unknown>;

/** A value that differs from `value` in one place (a wrong answer derived from the right one). */
export function perturb(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value + 1 + Math.abs(value) : 0;
  if (typeof value === "string") return `${value} (wrong)`;
  if (typeof value === "boolean") return !value;
  if (typeof value === "bigint") return value + 1n;
  if (value === null) return 0;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const copy = (value as unknown as { slice(): ArrayLike<number> & { [i: number]: number } }).slice();
    if (copy.length === 0) return [0];
    copy[0] = copy[0] + 1 + Math.abs(copy[0]);
    return copy;
  }
  if (Array.isArray(value)) return value.length === 0 ? [0] : [perturb(value[0]), ...value.slice(1)];
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return { wrong: 1 };
    const [key, first] = entries[0];
    return { ...(value as Record<string, unknown>), [key]: perturb(first) };
  }
  throw new Error(
    `perturb: cannot derive a wrong answer from a ${typeof value}; return a number, string, boolean, array or plain object from the solution.`,
  );
}

/** The solutions of lesson NN from `dir` (compiled solutions/NN.js), or null when the lesson has none. */
export function loadSolutions(dir: string, lesson: string): Solutions | null {
  if (!/^\d\d$/.test(lesson))
    throw new Error(`loadSolutions: lesson must be two digits like "03", got ${JSON.stringify(lesson)}.`);
  const file = path.join(dir, `${lesson}.js`);
  if (!fs.existsSync(file)) return null;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const module = require(file) as { solutions?: unknown };
  if (module.solutions === null || typeof module.solutions !== "object") {
    throw new Error(
      `${file} must export \`solutions: Record<string, () => unknown>\`, but exports ${Object.keys(module).join(", ") || "nothing"}.`,
    );
  }
  return module.solutions as Solutions;
}

/**
 * Problems with the exercises' solutions (empty = all fine): an exercise without a solution,
 * a solution judged wrong, a wrong answer (derived from the solution) judged correct, a
 * missing answer not reported as unanswered, and a solution for an id that is not registered.
 */
export async function solutionProblems(
  exercises: Exercise<unknown>[],
  load: (lesson: string) => Solutions | null,
): Promise<string[]> {
  const problems: string[] = [];
  const lessons = new Map<string, Solutions | null>();
  const registered = new Set(exercises.map((e) => e.id));
  for (const exercise of exercises) {
    const lesson = exercise.id.slice(0, 2);
    if (!lessons.has(lesson)) lessons.set(lesson, load(lesson));
    const solutions = lessons.get(lesson);
    if (!solutions) {
      problems.push(
        `exercise ${exercise.id}: lesson ${lesson} has no solutions file (solutions/${lesson}.ts exporting \`solutions\`)`,
      );
      continue;
    }
    const solve = solutions[exercise.id];
    if (typeof solve !== "function") {
      problems.push(
        `exercise ${exercise.id}: solutions/${lesson}.ts has no solution for it (add "${exercise.id}": () => answer)`,
      );
      continue;
    }
    let answer: unknown;
    try {
      answer = await solve();
    } catch (error) {
      problems.push(
        `exercise ${exercise.id}: the solution threw: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    const right = judge(exercise.id, answer);
    if (right.result !== "correct")
      problems.push(`exercise ${exercise.id}: the solution is judged ${right.result}: ${right.message}`);
    let wrongAnswer: unknown;
    try {
      wrongAnswer = perturb(answer);
    } catch (error) {
      problems.push(`exercise ${exercise.id}: ${(error as Error).message}`);
      continue;
    }
    const wrong = judge(exercise.id, wrongAnswer);
    if (wrong.result !== "wrong")
      problems.push(
        `exercise ${exercise.id}: the wrong answer ${JSON.stringify(wrongAnswer)} is judged ${wrong.result}`,
      );
    const missing = judge(exercise.id, undefined);
    if (missing.result !== "unanswered")
      problems.push(`exercise ${exercise.id}: a missing answer (undefined) is judged ${missing.result}`);
  }
  for (const [lesson, solutions] of lessons) {
    for (const id of Object.keys(solutions ?? {})) {
      if (!registered.has(id))
        problems.push(
          `solutions/${lesson}.ts has a solution for ${id}, which is not a registered exercise (typo, or a removed exercise?)`,
        );
    }
  }
  return problems;
}

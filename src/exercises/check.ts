import { currentDisplay } from "../viz/display";

/**
 * One exercise of a lesson. `verify` returns null when the answer is right, or a sentence
 * saying what is wrong (it computes the expected answer itself, with the library or by hand).
 */
export interface Exercise<Answer = unknown> {
  id: string;
  title: string;
  hint: string;
  verify(answer: Answer): string | null;
}

const registry = new Map<string, Exercise<never>>();

/** Adds an exercise to the course's list (ids look like "03.2": lesson 03, exercise 2). */
export function defineExercise<Answer>(exercise: Exercise<Answer>): Exercise<Answer> {
  if (!/^\d\d\.\d+$/.test(exercise.id)) {
    throw new Error(
      `defineExercise: id ${JSON.stringify(exercise.id)} must look like "03.2" (lesson number, dot, exercise number).`,
    );
  }
  if (registry.has(exercise.id)) {
    throw new Error(
      `defineExercise: id ${exercise.id} is already used by "${registry.get(exercise.id)?.title}". Pick the next free number.`,
    );
  }
  registry.set(exercise.id, exercise as Exercise<never>);
  return exercise;
}

/** Every registered exercise, in id order. */
export function allExercises(): Exercise<unknown>[] {
  return [...registry.values()].sort((a, b) =>
    a.id.localeCompare(b.id, "en", { numeric: true }),
  ) as Exercise<unknown>[];
}

export function findExercise(id: string): Exercise<unknown> {
  const exercise = registry.get(id);
  if (!exercise) {
    const known = [...registry.keys()].sort().join(", ");
    throw new Error(`checkExercise: no exercise has id ${JSON.stringify(id)}. Known ids: ${known || "(none)"}.`);
  }
  return exercise as Exercise<unknown>;
}

export type CheckResult = "correct" | "wrong" | "unanswered";

/** Judges an answer without showing anything (used by tests of the solutions). */
export function judge(id: string, answer: unknown): { result: CheckResult; message: string } {
  const exercise = findExercise(id);
  if (answer === undefined)
    return {
      result: "unanswered",
      message: `Exercise ${id} is not answered yet: replace \`undefined\` with your answer and run the cell again.`,
    };
  let problem: string | null;
  try {
    problem = exercise.verify(answer as never);
  } catch (error) {
    problem = `checking the answer raised an error: ${error instanceof Error ? error.message : String(error)}`;
  }
  return problem === null
    ? { result: "correct", message: `✅ Exercise ${id} (${exercise.title}): correct.` }
    : { result: "wrong", message: `❌ Exercise ${id} (${exercise.title}): ${problem}\n\nHint: ${exercise.hint}` };
}

/**
 * Checks a learner's answer and says so in the notebook. Never throws for a wrong
 * or missing answer, so "Run all" still reaches the end of the lesson. Returns nothing,
 * so tslab does not echo a value under the message (tests use `judge`).
 */
export function checkExercise(id: string, answer: unknown): void {
  currentDisplay().markdown(judge(id, answer).message);
}

/** Compares numbers with a tolerance; returns a sentence when they differ. */
export function differenceNote(label: string, actual: unknown, expected: number, tolerance = 1e-6): string | null {
  if (typeof actual !== "number" || !Number.isFinite(actual))
    return `${label} should be a finite number, got ${JSON.stringify(actual)}.`;
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected))
    ? null
    : `${label} is ${actual}, which is not the expected value.`;
}

/** Compares nested number arrays element by element; returns a sentence at the first difference. */
export function arrayDifferenceNote(
  label: string,
  actual: unknown,
  expected: unknown,
  tolerance = 1e-6,
  path = "",
): string | null {
  if (typeof expected === "number") return differenceNote(`${label}${path}`, actual, expected, tolerance);
  if (!Array.isArray(expected)) return null;
  if (!Array.isArray(actual))
    return `${label}${path} should be an array of length ${expected.length}, got ${JSON.stringify(actual)}.`;
  if (actual.length !== expected.length)
    return `${label}${path} has length ${actual.length}, expected ${expected.length}.`;
  for (let i = 0; i < expected.length; i++) {
    const note = arrayDifferenceNote(label, actual[i], expected[i], tolerance, `${path}[${i}]`);
    if (note) return note;
  }
  return null;
}

/** A numeric answer: one number, or a (nested) array of numbers. */
export type NumericAnswer = number | number[] | number[][];

export interface ValueExercise {
  id: string;
  title: string;
  hint: string;
  /** What the answer is, as the messages name it ("your output size"). */
  answerName: string;
  /** Computes the expected answer itself, with the library or by hand. */
  expected: () => NumericAnswer;
  /** Largest accepted difference, relative to max(1, |expected|) (default 1e-6). */
  tolerance?: number;
  /** Said when the answer does not have the expected form, e.g. "give [height, width, channels]." */
  form?: string;
}

function shapeOf(value: unknown): string {
  return Array.isArray(value) ? `[${value.length}${value.length ? "," + shapeOf(value[0]) : ""}]` : typeof value;
}

/** Registers exercises whose answers are numbers or arrays of numbers, compared with what `expected()` computes. */
export function defineValueExercises(exercises: ValueExercise[]): void {
  for (const { id, title, hint, answerName, expected, tolerance = 1e-6, form } of exercises) {
    defineExercise<NumericAnswer>({
      id,
      title,
      hint,
      verify(answer) {
        const want = expected();
        if (form !== undefined && shapeOf(answer) !== shapeOf(want)) return form;
        return typeof want === "number"
          ? differenceNote(answerName, answer, want, tolerance)
          : arrayDifferenceNote(answerName, answer, want, tolerance);
      },
    });
  }
}

import * as tf from "@tensorflow/tfjs";
import { describeValue, requireSeed, requireWholeNumber } from "../core/checks";
import { permutation } from "./random";
import { checkSplit, Split } from "./split";

/** A new split holding the chosen examples of another (the caller disposes it). */
export function takeExamples(split: Split, indices: ArrayLike<number>): Split {
  checkSplit("takeExamples", "split", split);
  const n = split.labels.length;
  const given = indices as unknown;
  if (
    given === null ||
    typeof given !== "object" ||
    typeof (given as ArrayLike<number>).length !== "number" ||
    (given as ArrayLike<number>).length === 0
  ) {
    throw new Error(
      `takeExamples: indices must be a non-empty array of example indices, got ${describeValue(given)}. Pass e.g. [0, 1, 2], or use firstExamples(split, count) for the first few.`,
    );
  }
  // Checked before Int32Array.from, which would turn 1.5 into 1 and NaN into 0 without a word.
  for (let k = 0; k < indices.length; k++)
    requireWholeNumber(
      "takeExamples",
      `indices[${k}]`,
      indices[k],
      0,
      "Pick indices of examples that exist (the split's size is its labels.length).",
      n - 1,
    );
  const list = Int32Array.from(indices);
  return tf.tidy(() => {
    const at = tf.tensor1d(list, "int32");
    return {
      xs: tf.gather(split.xs, at) as tf.Tensor4D,
      ys: tf.gather(split.ys, at) as tf.Tensor2D,
      labels: Int32Array.from(list, (i) => split.labels[i]),
    };
  });
}

/** The first `count` examples of a split, as a new split (e.g. a small training set). */
export function firstExamples(split: Split, count: number): Split {
  checkSplit("firstExamples", "split", split);
  const n = split.labels.length;
  requireWholeNumber("firstExamples", "count", count, 1, `The split has ${n} examples.`, n);
  return takeExamples(
    split,
    Int32Array.from({ length: count }, (_, i) => i),
  );
}

/**
 * The example indices of each batch of one epoch, in a seeded random order
 * (the last batch is smaller when batchSize does not divide the split).
 */
export function batchIndices(count: number, batchSize: number, seed: number): Int32Array[] {
  requireWholeNumber("batchIndices", "count", count, 1, "Pass the number of examples.");
  requireWholeNumber("batchIndices", "batchSize", batchSize, 1, 32);
  const order = permutation(count, requireSeed("batchIndices", seed));
  const out: Int32Array[] = [];
  for (let start = 0; start < count; start += batchSize) out.push(order.slice(start, start + batchSize));
  return out;
}

import * as tf from "@tensorflow/tfjs";
import { permutation } from "./random";
import { checkSplit, Split } from "./split";
import { requireSeed, requireWholeNumber } from "../core/checks";

/** A new split holding the chosen examples of another (the caller disposes it). */
export function takeExamples(split: Split, indices: ArrayLike<number>): Split {
  checkSplit("takeExamples", "split", split);
  const n = split.labels.length;
  const list = Int32Array.from(indices as ArrayLike<number>);
  list.forEach((i, k) => {
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new Error(`takeExamples: indices[${k}] is ${i}, outside 0..${n - 1}. Pick indices of examples that exist.`);
    }
  });
  return tf.tidy(() => {
    const at = tf.tensor1d(list, "int32");
    return { xs: tf.gather(split.xs, at) as tf.Tensor4D, ys: tf.gather(split.ys, at) as tf.Tensor2D, labels: Int32Array.from(list, (i) => split.labels[i]) };
  });
}

/** The first `count` examples of a split, as a new split (e.g. a small training set). */
export function firstExamples(split: Split, count: number): Split {
  checkSplit("firstExamples", "split", split);
  const n = split.labels.length;
  requireWholeNumber("firstExamples", "count", count, 1, `The split has ${n} examples.`, n);
  return takeExamples(split, Int32Array.from({ length: count }, (_, i) => i));
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

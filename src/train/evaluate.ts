import * as tf from "@tensorflow/tfjs";
import { requireWholeNumber } from "../core/checks";
import { requireOptions } from "../core/options";
import { checkFiniteTensor, requireTensor } from "../core/tensors";
import { requireModel } from "../core/tensors";
import { checkSplit, checkSplitValues, Split } from "../data/split";

export function checkModel(caller: string, model: unknown, needsCompile: boolean): tf.LayersModel {
  const checked = requireModel(caller, model);
  if (needsCompile && !checked.optimizer) {
    throw new Error(
      `${caller}: the model is not compiled. Call model.compile({ optimizer: "adam", loss: "categoricalCrossentropy", metrics: ["accuracy"] }) first.`,
    );
  }
  return checked;
}

/** Throws unless the split's images fit the model's input shape. */
export function checkShapes(caller: string, model: tf.LayersModel, split: Split, name: string): void {
  const want = model.inputs[0].shape.slice(1);
  const got = split.xs.shape.slice(1);
  if (want.some((d, i) => d !== null && d !== got[i])) {
    throw new Error(
      `${caller}: ${name}.xs has images of shape [${got.join(", ")}] but the model expects [${want.map((d) => d ?? "any").join(", ")}]. Load the data at the model's input size, or change the model's inputShape.`,
    );
  }
  const classes = model.outputs[0].shape[model.outputs[0].shape.length - 1];
  if (classes !== null && classes !== split.ys.shape[1]) {
    throw new Error(
      `${caller}: ${name}.ys has ${split.ys.shape[1]} classes but the model outputs ${classes}. Make the last Dense layer have ${split.ys.shape[1]} units.`,
    );
  }
}

function checkBatchSize(caller: string, batchSize: unknown): number {
  return requireWholeNumber(caller, "batchSize", batchSize, 1, "Use e.g. 256.");
}

/** The predicted class (arg-max of the output) of every image, computed in batches. */
export async function predictClasses(model: tf.LayersModel, xs: tf.Tensor4D, batchSize = 256): Promise<Int32Array> {
  checkModel("predictClasses", model, false);
  checkBatchSize("predictClasses", batchSize);
  requireTensor("predictClasses", "xs", xs, 4, "[N, height, width, channels]");
  checkFiniteTensor(
    "predictClasses",
    "xs",
    xs,
    "A NaN image gives class 0 without a warning; replace those pixels first.",
  );
  const n = xs.shape[0];
  const out = new Int32Array(n);
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const classes = tf.tidy(() => (model.predict(xs.slice(start, size), { batchSize }) as tf.Tensor).argMax(-1));
    out.set(await classes.data(), start);
    classes.dispose();
  }
  return out;
}

/** Fraction of predicted classes that equal the labels. */
export function accuracyOf(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (predicted.length !== labels.length || labels.length === 0) {
    throw new Error(
      `accuracyOf: predicted has ${predicted.length} entries and labels ${labels.length}; they must be equal and non-zero.`,
    );
  }
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return right / labels.length;
}

/**
 * The model's compiled loss and its accuracy (arg-max equals the label) on a split.
 */
export async function evaluate(
  model: tf.LayersModel,
  split: Split,
  options: { batchSize?: number } = {},
): Promise<{ loss: number; accuracy: number }> {
  checkModel("evaluate", model, true);
  requireOptions<{ batchSize?: number }>("evaluate", options, ["batchSize"], "{ batchSize: 256 }");
  checkSplit("evaluate", "split", split);
  checkShapes("evaluate", model, split, "split");
  checkSplitValues("evaluate", "split", split);
  const batchSize = checkBatchSize("evaluate", options.batchSize ?? 256);
  const loss = await splitLoss(model, split, batchSize);
  const accuracy = accuracyOf(await predictClasses(model, split.xs, batchSize), split.labels);
  return { loss, accuracy };
}

/** Compiled loss and metrics on a split, keyed by the model's metric names (loss, acc, …). */
export async function evaluateMetrics(
  model: tf.LayersModel,
  split: Split,
  batchSize = 256,
): Promise<Record<string, number>> {
  const result = model.evaluate(split.xs, split.ys, { batchSize });
  const scalars = Array.isArray(result) ? result : [result];
  const values = await Promise.all(scalars.map(async (s) => (await s.data())[0]));
  tf.dispose(scalars);
  const out: Record<string, number> = {};
  model.metricsNames.forEach((name, i) => (out[name] = values[i]));
  return out;
}

async function splitLoss(model: tf.LayersModel, split: Split, batchSize: number): Promise<number> {
  return (await evaluateMetrics(model, split, batchSize))[model.metricsNames[0]];
}

/**
 * Confusion matrix: entry [i][j] counts images of true class i that the model put in class j
 * (rows sum to the number of images of each class).
 */
export async function confusionMatrix(
  model: tf.LayersModel,
  split: Split,
  options: { batchSize?: number } = {},
): Promise<number[][]> {
  checkModel("confusionMatrix", model, false);
  requireOptions<{ batchSize?: number }>("confusionMatrix", options, ["batchSize"], "{ batchSize: 256 }");
  checkSplit("confusionMatrix", "split", split);
  checkShapes("confusionMatrix", model, split, "split");
  checkSplitValues("confusionMatrix", "split", split);
  const classes = split.ys.shape[1];
  const predicted = await predictClasses(model, split.xs, checkBatchSize("confusionMatrix", options.batchSize ?? 256));
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < predicted.length; i++) matrix[split.labels[i]][predicted[i]]++;
  return matrix;
}

import * as tf from "@tensorflow/tfjs";
import { describeValue, requireBoolean, requireSeed, requireText, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { augmentImages, AugmentOptions, checkAugmentOptions } from "../data/augment";
import { batchIndices } from "../data/batches";
import { createRng, nextSeed } from "../data/random";
import { checkSplit, checkSplitValues, Split } from "../data/split";
import { LiveChart, trainingChart } from "../viz/live-chart";
import { checkModel, checkShapes, evaluateMetrics } from "./evaluate";
import { withSeededRandom } from "./seed";

/** Changes one training batch of images (NHWC) before the step; must return a new tensor of the same shape. */
export type BatchAugmenter = (images: tf.Tensor4D, seed: number) => tf.Tensor4D;

export interface FitOptions {
  epochs: number;
  /** Images per gradient step (default 32). */
  batchSize?: number;
  /** Measured after every epoch (val_loss, val_acc, …). */
  validation?: Split;
  /** Draw a live chart (default true); a string is its title. */
  chart?: boolean | string;
  /**
   * Seed of the shuffles, of the augmentation and of Math.random during fit (dropout masks).
   * Without it, each run shuffles differently. Weight initialisation happens when the model
   * is built: seed it with setSeed() before building, or with seeded initialisers.
   */
  seed?: number;
  /** Print one line per epoch (default: when there is no chart). */
  verbose?: boolean;
  /** Augment each training batch: random-transform options, or your own function. */
  augment?: AugmentOptions | BatchAugmenter;
  /** Shuffle the training images every epoch (default true). */
  shuffle?: boolean;
  /**
   * Learning-rate schedule: called before each epoch (1-based) with the optimizer's starting
   * rate; its answer becomes the rate for that epoch, e.g. (epoch, lr) => (epoch > 8 ? lr / 5 : lr).
   */
  learningRate?: (epoch: number, initialRate: number) => number;
}

/** The optimizer's learning rate as a field we may change (tfjs keeps it as a plain property). */
function rateHolder(model: tf.LayersModel): { learningRate: number } {
  const optimizer = model.optimizer as unknown as { learningRate?: unknown };
  if (typeof optimizer.learningRate !== "number") {
    throw new Error(
      `fit: learningRate schedules need an optimizer with a numeric learning rate (sgd, momentum, adam, rmsprop…); this one has ${describeValue(optimizer.learningRate)}. Leave out the learningRate option.`,
    );
  }
  return optimizer as { learningRate: number };
}

export interface FitResult {
  /** 1, 2, …, epochs. */
  epochs: number[];
  /** Per-epoch values: loss, acc (training, averaged over the epoch's batches), val_loss, val_acc. */
  history: Record<string, number[]>;
  /** Wall-clock seconds of the whole fit. */
  seconds: number;
}

const KEYS = optionKeys<FitOptions>()(
  "epochs",
  "batchSize",
  "validation",
  "chart",
  "seed",
  "verbose",
  "augment",
  "shuffle",
  "learningRate",
);

function checkFitOptions(options: FitOptions): void {
  const caller = "fit";
  requireOptions<FitOptions>(caller, options, KEYS, "{ epochs: 5 }", { required: true });
  requireWholeNumber(caller, "epochs", options.epochs, 1, "Pass e.g. { epochs: 5 }.");
  if (options.batchSize !== undefined)
    requireWholeNumber(caller, "batchSize", options.batchSize, 1, "Use e.g. 32 or 64.");
  if (options.seed !== undefined) requireSeed(caller, options.seed);
  if (options.chart !== undefined && typeof options.chart !== "boolean")
    requireText(caller, "chart", options.chart, 'Pass true, false or a title such as "training".');
  for (const name of ["verbose", "shuffle"] as const)
    if (options[name] !== undefined) requireBoolean(caller, name, options[name]);
  if (options.learningRate !== undefined && typeof options.learningRate !== "function") {
    throw new Error(
      `${caller}: learningRate must be a function (epoch, initialRate) => rate, got ${describeValue(options.learningRate)}.`,
    );
  }
  const augment = options.augment;
  if (augment !== undefined && typeof augment !== "function") checkAugmentOptions(caller, augment, "options.augment");
}

/** The error for a loss that became NaN or infinite: where it happened and what to try. */
function divergedError(
  loss: number,
  epoch: number,
  epochs: number,
  batch: number,
  batches: number,
  rate: unknown,
): Error {
  return new Error(
    `fit: the loss became ${describeValue(loss)} at epoch ${epoch} of ${epochs}, batch ${batch} of ${batches}, so training stopped (every later step would be NaN too). ` +
      `The model's weights are now unusable: build it again, then lower the learning rate${typeof rate === "number" ? ` (it was ${rate})` : ""} or check that the images are scaled to [0, 1].`,
  );
}

function augmenterOf(augment: FitOptions["augment"]): BatchAugmenter | undefined {
  if (augment === undefined) return undefined;
  if (typeof augment === "function") return augment;
  return (images, seed) => augmentImages(images, { ...augment, seed });
}

/**
 * Trains a compiled model batch by batch on a split: shuffles with a seeded generator,
 * optionally augments each batch, measures the validation split after every epoch, and
 * draws loss and accuracy live (train vs validation).
 */
export async function fit(model: tf.LayersModel, train: Split, options: FitOptions): Promise<FitResult> {
  checkModel("fit", model, true);
  checkSplit("fit", "train", train);
  checkFitOptions(options);
  checkShapes("fit", model, train, "train");
  checkSplitValues("fit", "train", train);
  if (options.validation !== undefined) {
    checkSplit("fit", "options.validation", options.validation);
    checkShapes("fit", model, options.validation, "options.validation");
    checkSplitValues("fit", "options.validation", options.validation);
  }
  const run = () => trainLoop(model, train, options);
  return options.seed === undefined ? run() : withSeededRandom(options.seed, run);
}

async function trainLoop(model: tf.LayersModel, train: Split, options: FitOptions): Promise<FitResult> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 32;
  const rng = createRng(options.seed ?? Math.floor(Math.random() * 4294967296));
  const augmenter = augmenterOf(options.augment);
  const chartTitle = typeof options.chart === "string" ? options.chart : "training";
  const chart: LiveChart | undefined = options.chart === false ? undefined : trainingChart(chartTitle);
  const verbose = options.verbose ?? chart === undefined;
  const n = train.xs.shape[0];
  const history: Record<string, number[]> = {};
  const epochs: number[] = [];
  const record = (name: string, value: number) => (history[name] ??= []).push(value);
  const holder = options.learningRate ? rateHolder(model) : undefined;
  const initialRate = holder?.learningRate ?? 0;

  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const epochStart = Date.now();
      if (holder && options.learningRate) {
        const rate = options.learningRate(epoch, initialRate);
        if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0) {
          throw new Error(
            `fit: the learningRate schedule returned ${describeValue(rate)} for epoch ${epoch}; it must return a positive number.`,
          );
        }
        holder.learningRate = rate;
        record("lr", rate);
      }
      const batches =
        options.shuffle === false
          ? Array.from({ length: Math.ceil(n / batchSize) }, (_, b) =>
              Int32Array.from({ length: Math.min(batchSize, n - b * batchSize) }, (_, i) => b * batchSize + i),
            )
          : batchIndices(n, batchSize, nextSeed(rng));
      const sums: number[] = new Array(model.metricsNames.length).fill(0);
      for (const [b, batch] of batches.entries()) {
        const size = batch.length;
        const augmentSeed = nextSeed(rng);
        const [xs, ys] = tf.tidy(() => {
          const indices = tf.tensor1d(batch, "int32");
          let images = tf.gather(train.xs, indices) as tf.Tensor4D;
          if (augmenter) images = augmenter(images, augmentSeed);
          return [images, tf.gather(train.ys, indices)];
        });
        let values: number | number[];
        try {
          values = await model.trainOnBatch(xs, ys);
        } finally {
          tf.dispose([xs, ys]);
        }
        const list = Array.isArray(values) ? values : [values];
        if (!Number.isFinite(list[0]))
          throw divergedError(
            list[0],
            epoch,
            options.epochs,
            b + 1,
            batches.length,
            (model.optimizer as unknown as { learningRate?: unknown }).learningRate,
          );
        list.forEach((v, i) => (sums[i] += v * size));
      }
      const logs: Record<string, number> = {};
      model.metricsNames.forEach((name, i) => (logs[name] = sums[i] / n));
      if (options.validation) {
        const val = await evaluateMetrics(model, options.validation);
        for (const [name, value] of Object.entries(val)) logs[`val_${name}`] = value;
      }
      epochs.push(epoch);
      for (const [name, value] of Object.entries(logs)) record(name, value);
      chart?.add(epoch, logs);
      if (verbose) {
        const parts = Object.entries(logs).map(([name, value]) => `${name} ${value.toFixed(4)}`);
        console.log(
          `epoch ${epoch}/${options.epochs} — ${parts.join(", ")} (${((Date.now() - epochStart) / 1000).toFixed(1)} s)`,
        );
      }
    }
  } finally {
    if (holder) holder.learningRate = initialRate; // the model leaves fit with the rate it came with
  }
  chart?.finish();
  return { epochs, history, seconds: (Date.now() - started) / 1000 };
}

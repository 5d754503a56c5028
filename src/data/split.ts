import * as tf from "@tensorflow/tfjs";
import { describeValue, requireSeed, requireText, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { checkFiniteTensor } from "../core/tensors";

/** One part of a dataset: images, one-hot labels and the class indices. */
export interface Split {
  /** Images, NHWC float32 in [0, 1]. */
  xs: tf.Tensor4D;
  /** One-hot labels, [N, classes]. */
  ys: tf.Tensor2D;
  /** Class index of each image. */
  labels: Int32Array;
}

/** A labelled image dataset split three ways; `dispose()` frees every tensor. */
export interface Dataset {
  name: string;
  classNames: string[];
  train: Split;
  validation: Split;
  test: Split;
  dispose(): void;
}

/**
 * Builds a split from chosen examples of a flat pixel array.
 * `pixels` holds `count x height x width x channels` values; `scale` maps them to [0, 1].
 */
export function splitFromPixels(
  pixels: ArrayLike<number>,
  allLabels: ArrayLike<number>,
  indices: ArrayLike<number>,
  shape: { height: number; width: number; channels: number },
  classCount: number,
  scale = 1,
): Split {
  const { height, width, channels } = shape;
  const size = height * width * channels;
  const n = indices.length;
  const data = new Float32Array(n * size);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const from = indices[i];
    const offset = from * size;
    for (let j = 0; j < size; j++) data[i * size + j] = pixels[offset + j] * scale;
    labels[i] = allLabels[from];
  }
  return splitFromArrays(data, labels, shape, classCount);
}

/** Wraps ready arrays as a split (tensors are created here; the caller disposes them). */
export function splitFromArrays(
  data: Float32Array,
  labels: Int32Array,
  shape: { height: number; width: number; channels: number },
  classCount: number,
): Split {
  const n = labels.length;
  if (data.length !== n * shape.height * shape.width * shape.channels) {
    throw new Error(
      `splitFromArrays: data has ${data.length} values but ${n} images of ${shape.height}x${shape.width}x${shape.channels} need ${n * shape.height * shape.width * shape.channels}.`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(labels[i]) || labels[i] < 0 || labels[i] >= classCount) {
      throw new Error(
        `splitFromArrays: label ${labels[i]} at index ${i} is not a class index from 0 to ${classCount - 1}.`,
      );
    }
  }
  const xs = tf.tensor4d(data, [n, shape.height, shape.width, shape.channels], "float32");
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, "int32"), classCount).toFloat() as tf.Tensor2D);
  return { xs, ys, labels };
}

/** Frees a split's tensors. */
export function disposeSplit(split: Split): void {
  tf.dispose([split.xs, split.ys]);
}

/** A Dataset object whose dispose() frees all three splits once. */
export function makeDataset(name: string, classNames: string[], train: Split, validation: Split, test: Split): Dataset {
  let disposed = false;
  return {
    name,
    classNames,
    train,
    validation,
    test,
    dispose() {
      if (disposed) return;
      disposed = true;
      [train, validation, test].forEach(disposeSplit);
    },
  };
}

/** Throws if a Split is not usable (wrong ranks, mismatched lengths, disposed tensors). */
export function checkSplit(caller: string, name: string, split: unknown): Split {
  const s = split as Split;
  if (
    !s ||
    typeof s !== "object" ||
    !(s.xs instanceof tf.Tensor) ||
    !(s.ys instanceof tf.Tensor) ||
    !(s.labels instanceof Int32Array)
  ) {
    throw new Error(
      `${caller}: ${name} must be a Split { xs, ys, labels } (e.g. dataset.train), got ${describeValue(split)}.`,
    );
  }
  if (s.xs.isDisposed || s.ys.isDisposed) {
    throw new Error(`${caller}: ${name} has disposed tensors (was dataset.dispose() called?). Load the dataset again.`);
  }
  if (s.xs.rank !== 4 || s.ys.rank !== 2) {
    throw new Error(
      `${caller}: ${name}.xs must be 4-D [N, H, W, C] and ${name}.ys 2-D [N, classes], got ranks ${s.xs.rank} and ${s.ys.rank}.`,
    );
  }
  const n = s.xs.shape[0];
  if (s.ys.shape[0] !== n || s.labels.length !== n) {
    throw new Error(
      `${caller}: ${name} has ${n} images, ${s.ys.shape[0]} one-hot rows and ${s.labels.length} labels; they must all match.`,
    );
  }
  if (n === 0) throw new Error(`${caller}: ${name} is empty (0 images). Use a split with at least one example.`);
  return s;
}

/**
 * Throws unless a split's values can be trained on: every pixel finite, every target row one-hot
 * (a single 1, the rest 0) and every label the class its row marks. Cheap: one sum over the
 * images on the backend, and a pass over the (small) targets; fit, evaluate and confusionMatrix
 * call it once per call.
 */
export function checkSplitValues(caller: string, name: string, split: Split): void {
  checkFiniteTensor(
    caller,
    `${name}.xs`,
    split.xs,
    "Replace those pixels (e.g. with 0) or drop the images before training.",
  );
  const [n, classes] = split.ys.shape;
  const targets = split.ys.dataSync();
  for (let i = 0; i < n; i++) {
    let hot = -1;
    for (let c = 0; c < classes; c++) {
      const v = targets[i * classes + c];
      if (v === 0) continue;
      if (v !== 1 || hot >= 0) {
        throw new Error(
          `${caller}: ${name}.ys row ${i} is [${Array.from(targets.subarray(i * classes, (i + 1) * classes)).join(", ")}], not one-hot (a single 1, the rest 0). ` +
            "Make the targets with tf.oneHot(labels, classes), or build the split with splitFromArrays.",
        );
      }
      hot = c;
    }
    if (hot < 0)
      throw new Error(
        `${caller}: ${name}.ys row ${i} is all zeros; every target needs a 1 at its class. Make the targets with tf.oneHot(labels, classes).`,
      );
    if (split.labels[i] !== hot) {
      throw new Error(
        `${caller}: ${name}.labels[${i}] is ${split.labels[i]} but ${name}.ys row ${i} is one-hot for class ${hot}; labels and targets disagree. ` +
          "Build both from the same labels (splitFromArrays does), or fix the one that is wrong.",
      );
    }
  }
}

/** Options of the dataset loaders (loadMnist, loadFashionMnist); each gives its own defaults. */
export interface DatasetLoadOptions {
  /** Training images. */
  trainSize?: number;
  /** Validation images, disjoint from the training images. */
  validationSize?: number;
  /** Test images. */
  testSize?: number;
  /** Seed of the shuffle that decides which image goes to which split (default 1). */
  seed?: number;
  /** Folder of the dataset's files (default: where its package installs them). */
  directory?: string;
}

const LOAD_KEYS = optionKeys<DatasetLoadOptions>()("trainSize", "validationSize", "testSize", "seed", "directory");

/**
 * Checks a loader's options and its split sizes (defaults filled in) against the images there are:
 * `shared` is how many images train and validation draw from, `test` how many the test split may
 * take, or undefined when all three draw from the `shared` pool.
 */
export function requireDatasetOptions(
  caller: string,
  options: DatasetLoadOptions,
  defaults: { trainSize: number; validationSize: number; testSize: number },
  available: { shared: number; test?: number; what: string },
): Required<Omit<DatasetLoadOptions, "directory">> & { directory?: string } {
  requireOptions<DatasetLoadOptions>(caller, options, LOAD_KEYS, `{ trainSize: ${defaults.trainSize} }`);
  const hint = `${available.what}.`;
  const trainSize = requireWholeNumber(
    caller,
    "trainSize",
    options.trainSize ?? defaults.trainSize,
    1,
    hint,
    available.shared,
  );
  const validationSize = requireWholeNumber(
    caller,
    "validationSize",
    options.validationSize ?? defaults.validationSize,
    0,
    hint,
    available.shared,
  );
  const testSize = requireWholeNumber(
    caller,
    "testSize",
    options.testSize ?? defaults.testSize,
    0,
    hint,
    available.test ?? available.shared,
  );
  const seed = requireSeed(caller, options.seed ?? 1);
  if (options.directory !== undefined)
    requireText(caller, "directory", options.directory, "Pass the folder that holds the dataset's files.");
  const drawn = trainSize + validationSize + (available.test === undefined ? testSize : 0);
  if (drawn > available.shared) {
    const names = available.test === undefined ? "trainSize + validationSize + testSize" : "trainSize + validationSize";
    throw new Error(
      `${caller}: ${names} = ${drawn}, more than the ${available.shared.toLocaleString("en-US")} images available. ${hint} Make the splits smaller.`,
    );
  }
  return { trainSize, validationSize, testSize, seed, directory: options.directory };
}

import * as tf from "@tensorflow/tfjs";

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
export function splitFromArrays(data: Float32Array, labels: Int32Array, shape: { height: number; width: number; channels: number }, classCount: number): Split {
  const n = labels.length;
  if (data.length !== n * shape.height * shape.width * shape.channels) {
    throw new Error(`splitFromArrays: data has ${data.length} values but ${n} images of ${shape.height}x${shape.width}x${shape.channels} need ${n * shape.height * shape.width * shape.channels}.`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(labels[i]) || labels[i] < 0 || labels[i] >= classCount) {
      throw new Error(`splitFromArrays: label ${labels[i]} at index ${i} is not a class index from 0 to ${classCount - 1}.`);
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
  if (!s || typeof s !== "object" || !(s.xs instanceof tf.Tensor) || !(s.ys instanceof tf.Tensor) || !(s.labels instanceof Int32Array)) {
    throw new Error(`${caller}: ${name} must be a Split { xs, ys, labels } (e.g. dataset.train), got ${split === null ? "null" : typeof split}.`);
  }
  if (s.xs.isDisposed || s.ys.isDisposed) {
    throw new Error(`${caller}: ${name} has disposed tensors (was dataset.dispose() called?). Load the dataset again.`);
  }
  if (s.xs.rank !== 4 || s.ys.rank !== 2) {
    throw new Error(`${caller}: ${name}.xs must be 4-D [N, H, W, C] and ${name}.ys 2-D [N, classes], got ranks ${s.xs.rank} and ${s.ys.rank}.`);
  }
  const n = s.xs.shape[0];
  if (s.ys.shape[0] !== n || s.labels.length !== n) {
    throw new Error(`${caller}: ${name} has ${n} images, ${s.ys.shape[0]} one-hot rows and ${s.labels.length} labels; they must all match.`);
  }
  if (n === 0) throw new Error(`${caller}: ${name} is empty (0 images). Use a split with at least one example.`);
  return s;
}

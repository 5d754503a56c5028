// Exercises of lesson 05: a first CNN, overfitting, dropout and data augmentation (registered on import).
import * as tf from "@tensorflow/tfjs";
import { arrayDifferenceNote, defineExercise, defineValueExercises } from "./check";
import { ImageTransform, transformImages } from "../data/augment";

/** A model's value read by `read`, with the model freed afterwards. */
function fromModel(layers: tf.layers.Layer[], read: (model: tf.Sequential) => number | number[]): number | number[] {
  const model = tf.sequential({ layers });
  try {
    return read(model);
  } finally {
    model.dispose();
  }
}

defineValueExercises([
  {
    id: "05.1",
    title: "the shape that reaches Flatten",
    hint: "A 3x3 'valid' convolution takes 2 pixels off each side length (28 → 26); a 2x2 max pooling halves it, rounding down. The channels are the filters of the last conv.",
    answerName: "the shape [height, width, channels]",
    // The expected shape is read from tfjs itself, for the stack conv(16) → pool → conv(32) → pool.
    expected: () =>
      fromModel(
        [
          tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3 }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 32, kernelSize: 3 }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
        ],
        (model) => model.outputs[0].shape.slice(1) as number[],
      ),
    tolerance: 0,
  },
  {
    id: "05.2",
    title: "parameters of a dense-only network",
    hint: "Each Dense layer has inputs × units weights plus one bias per unit; a 28x28 image flattens to 784 inputs.",
    answerName: "the parameter count",
    expected: () =>
      fromModel(
        [
          tf.layers.flatten({ inputShape: [28, 28, 1] }),
          tf.layers.dense({ units: 72 }),
          tf.layers.dense({ units: 10 }),
        ],
        (model) => model.countParams(),
      ),
    tolerance: 0,
  },
  {
    id: "05.3",
    title: "what dropout does to a surviving activation",
    hint: "Inverted dropout keeps the expected value unchanged: survivors are divided by the keep probability 1 − rate.",
    answerName: "the surviving activation",
    // Read from tfjs's own dropout: an activation of 2.0, rate 0.25, the largest value after the mask.
    expected: () =>
      tf.tidy(
        () =>
          tf
            .dropout(tf.fill([1000], 2), 0.25, undefined, 7)
            .max()
            .dataSync()[0],
      ),
    tolerance: 1e-5,
  },
]);

defineExercise<ImageTransform>({
  id: "05.4",
  title: "a quarter turn clockwise",
  hint: "cl.transformImages turns counter-clockwise for positive angles.",
  verify: (answer) => {
    if (answer === null || typeof answer !== "object")
      return `the answer should be an ImageTransform object like { rotation: 30 }, got ${JSON.stringify(answer)}.`;
    const n = 3;
    const input = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    // Clockwise by hand: output row y, column x comes from input row n−1−x, column y.
    const expected = Array.from({ length: n }, (_, y) =>
      Array.from({ length: n }, (_, x) => input[(n - 1 - x) * n + y]),
    );
    const out = tf.tidy(() =>
      transformImages(tf.tensor4d(input, [1, n, n, 1]), [answer], {
        interpolation: "nearest",
        fillMode: "constant",
      }).dataSync(),
    );
    const got = Array.from({ length: n }, (_, y) => Array.from(out.slice(y * n, y * n + n)));
    return arrayDifferenceNote("the turned 3x3 image", got, expected, 1e-6);
  },
});

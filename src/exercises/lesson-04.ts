// Exercises of lesson 04 (registered on import).
import { avgPool2d, maxPool2d } from "../ops/pooling";
import { denseParameterCount } from "../ops/counts";
import { outputSize } from "../ops/output-size";
import { defineValueExercises } from "./check";

/** The feature map of exercises 04.1 and 04.2. */
export const exercise04_1 = {
  featureMap: [
    [1, 5, 2, 0],
    [3, 2, 8, 6],
    [7, 0, 1, 1],
    [4, 4, 3, 9],
  ],
};

defineValueExercises([
  {
    id: "04.1",
    title: "max pooling by hand",
    hint: "Cut the 4x4 map into four 2x2 blocks (no overlap, stride 2) and keep the largest number of each block.",
    answerName: "your pooled map",
    expected: () => maxPool2d(exercise04_1.featureMap, { size: 2 }),
    tolerance: 0,
  },
  {
    id: "04.2",
    title: "average pooling by hand",
    hint: "Same four 2x2 blocks; add the four numbers of each block and divide by 4.",
    answerName: "your pooled map",
    expected: () => avgPool2d(exercise04_1.featureMap, { size: 2 }),
  },
  {
    id: "04.3",
    title: "flatten or global average pooling before a dense layer",
    hint: "A dense layer has inputs × units weights plus units biases. Flatten gives height·width·channels inputs; global average pooling gives one per channel. Answer [with flatten, with global average pooling].",
    answerName: "your counts",
    expected: () => [
      denseParameterCount({ inputs: 5 * 5 * 16, units: 120 }),
      denseParameterCount({ inputs: 16, units: 120 }),
    ],
    tolerance: 0,
    form: "give two numbers: [parameters with Flatten, parameters with global average pooling].",
  },
  {
    id: "04.4",
    title: "AlexNet's overlapping pooling",
    hint: "Pooling uses the same size formula as convolution, (n − k) / s + 1 with no padding, and keeps the channel count.",
    answerName: "your shape",
    expected: () => {
      const side = outputSize({ input: 13, kernel: 3, stride: 2 });
      return [side, side, 256];
    },
    tolerance: 0,
    form: "give [height, width, channels].",
  },
]);

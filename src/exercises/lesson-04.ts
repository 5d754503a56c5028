// Exercises of lesson 04 (registered on import).
import { avgPool2d, maxPool2d } from "../ops/pooling";
import { denseParameterCount } from "../ops/counts";
import { outputSize } from "../ops/output-size";
import { arrayDifferenceNote, defineExercise } from "./check";

const featureMap = [
  [1, 5, 2, 0],
  [3, 2, 8, 6],
  [7, 0, 1, 1],
  [4, 4, 3, 9],
];

defineExercise<number[][]>({
  id: "04.1",
  title: "max pooling by hand",
  hint: "Cut the 4x4 map into four 2x2 blocks (no overlap, stride 2) and keep the largest number of each block.",
  verify(answer) {
    return arrayDifferenceNote("your pooled map", answer, maxPool2d(featureMap, { size: 2 }), 0);
  },
});

defineExercise<number[][]>({
  id: "04.2",
  title: "average pooling by hand",
  hint: "Same four 2x2 blocks; add the four numbers of each block and divide by 4.",
  verify(answer) {
    return arrayDifferenceNote("your pooled map", answer, avgPool2d(featureMap, { size: 2 }));
  },
});

defineExercise<number[]>({
  id: "04.3",
  title: "flatten or global average pooling before a dense layer",
  hint: "A dense layer has inputs × units weights plus units biases. Flatten gives height·width·channels inputs; global average pooling gives one per channel. Answer [with flatten, with global average pooling].",
  verify(answer) {
    if (!Array.isArray(answer) || answer.length !== 2) return "give two numbers: [parameters with Flatten, parameters with global average pooling].";
    const expected = [denseParameterCount({ inputs: 5 * 5 * 16, units: 120 }), denseParameterCount({ inputs: 16, units: 120 })];
    return arrayDifferenceNote("your counts", answer, expected, 0);
  },
});

defineExercise<number[]>({
  id: "04.4",
  title: "AlexNet's overlapping pooling",
  hint: "Pooling uses the same size formula as convolution, (n − k) / s + 1 with no padding, and keeps the channel count.",
  verify(answer) {
    if (!Array.isArray(answer) || answer.length !== 3) return "give [height, width, channels].";
    const side = outputSize({ input: 13, kernel: 3, stride: 2 });
    return arrayDifferenceNote("your shape", answer, [side, side, 256], 0);
  },
});

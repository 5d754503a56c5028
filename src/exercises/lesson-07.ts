// Exercises of lesson 07 (registered on import).
import { denseParameterCount } from "../ops/counts";
import { outputSize } from "../ops/output-size";
import { localResponseNormPixel } from "../layers/local-response-norm";
import { defineValueExercises } from "./check";

/** Exercise 07.2: the channel values of one pixel. */
export const exercise07_2 = { channels: [40, 10, 90, 30, 60, 20] };

defineValueExercises([
  {
    id: "07.1",
    title: "the side of conv1's output",
    hint: "(227 + 2·0 − 11) / 4 + 1: an 11×11 kernel with stride 4 and no padding.",
    answerName: "conv1's output side",
    expected: () => outputSize({ input: 227, kernel: 11, stride: 4 }),
  },
  {
    id: "07.2",
    title: "local response normalisation by hand",
    hint: "Channel 2 (value 90) shares its normaliser with channels 0 to 4: b = 90 / (2 + 1e-4 · (40² + 10² + 90² + 30² + 60²))^0.75.",
    answerName: "the normalised value of channel 2",
    expected: () => localResponseNormPixel(exercise07_2.channels)[2],
    tolerance: 1e-4,
  },
  {
    id: "07.3",
    title: "AlexNet's fc6",
    hint: "pool5 gives 6·6·256 values; fc6 has 4,096 units, each with one weight per input and a bias.",
    answerName: "fc6's parameter count",
    expected: () => denseParameterCount({ inputs: 6 * 6 * 256, units: 4096 }),
  },
  {
    id: "07.4",
    title: "what dropout does to the units it keeps",
    hint: "During training a rate-0.5 dropout zeroes half of the values on average; the others are scaled so that the expected sum stays the same.",
    answerName: "the scale of kept units",
    expected: () => 1 / (1 - 0.5),
  },
]);

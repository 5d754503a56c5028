// Exercises of lesson 07 (registered on import).
import { denseParameterCount } from "../ops/counts";
import { outputSize } from "../ops/output-size";
import { localResponseNormPixel } from "../layers/local-response-norm";
import { defineExercise, differenceNote } from "./check";

/** Channel values of one pixel, for exercise 07.2. */
export const exercise07Channels = [40, 10, 90, 30, 60, 20];

defineExercise<number>({
  id: "07.1",
  title: "the side of conv1's output",
  hint: "(227 + 2·0 − 11) / 4 + 1: an 11×11 kernel with stride 4 and no padding.",
  verify(answer) {
    return differenceNote("conv1's output side", answer, outputSize({ input: 227, kernel: 11, stride: 4 }));
  },
});

defineExercise<number>({
  id: "07.2",
  title: "local response normalisation by hand",
  hint: "Channel 2 (value 90) shares its normaliser with channels 0 to 4: b = 90 / (2 + 1e-4 · (40² + 10² + 90² + 30² + 60²))^0.75.",
  verify(answer) {
    return differenceNote("the normalised value of channel 2", answer, localResponseNormPixel(exercise07Channels)[2], 1e-4);
  },
});

defineExercise<number>({
  id: "07.3",
  title: "AlexNet's fc6",
  hint: "pool5 gives 6·6·256 values; fc6 has 4,096 units, each with one weight per input and a bias.",
  verify(answer) {
    return differenceNote("fc6's parameter count", answer, denseParameterCount({ inputs: 6 * 6 * 256, units: 4096 }));
  },
});

defineExercise<number>({
  id: "07.4",
  title: "what dropout does to the units it keeps",
  hint: "During training a rate-0.5 dropout zeroes half of the values on average; the others are scaled so that the expected sum stays the same.",
  verify(answer) {
    const rate = 0.5;
    return differenceNote("the scale of kept units", answer, 1 / (1 - rate));
  },
});

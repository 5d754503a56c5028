// Exercises of lesson 09: GoogLeNet, inception modules and 1x1 convolutions (registered on import).
import { defineValueExercises } from "./check";
import { standardConvCost } from "../ops/counts";
import { inceptionOutputChannels } from "../layers/inception";

defineValueExercises([
  {
    id: "09.1",
    title: "parameters of a 1x1 reduction",
    hint: "A 1x1 convolution has one weight per (input channel, output channel) pair; here there is no bias (batch norm follows).",
    answerName: "the parameter count",
    expected: () => standardConvCost({ height: 28, width: 28, inChannels: 256, filters: 64, kernel: 1 }).params,
  },
  {
    id: "09.2",
    title: "multiply-adds of inception 3a's 5x5 branch with its 1x1 reduction",
    hint: "Add the 1x1 reduction (28·28 positions × 192 × 16) and the 5x5 convolution on its output (28·28 × 5·5·16 × 32).",
    answerName: "the multiply-add count",
    expected: () => {
      const reduce = standardConvCost({ height: 28, width: 28, inChannels: 192, filters: 16, kernel: 1 });
      const conv = standardConvCost({ height: 28, width: 28, inChannels: 16, filters: 32, kernel: 5 });
      return reduce.multiplyAdds + conv.multiplyAdds;
    },
  },
  {
    id: "09.3",
    title: "output channels of inception 4a",
    hint: "The four branches are concatenated: add the output channels of the 1x1, 3x3, 5x5 and pool-projection branches (the reductions do not reach the output).",
    answerName: "the channel count",
    expected: () =>
      inceptionOutputChannels(
        { branch1x1: 192, branch3x3Reduce: 96, branch3x3: 208, branch5x5Reduce: 16, branch5x5: 48, poolProjection: 64 },
        480,
      ),
  },
]);

// Exercises of lesson 11: SENet, squeeze and excitation (registered on import).
import { defineValueExercises } from "./check";
import { RESNET_CONFIGS } from "../models/resnet";

/** C·h + h + h·C + C with h = C / r: the two dense layers of an SE block, with biases. */
function seParams(channels: number, reduction: number): number {
  const hidden = Math.floor(channels / reduction);
  return 2 * channels * hidden + hidden + channels;
}

/** Exercise 11.2: a 2-channel SE block; weights are [input][output], biases 0. */
export const exercise11_2 = { squeezed: [2, 0], fc1: [[1], [1]], fc2: [[1, -1]] };

defineValueExercises([
  {
    id: "11.1",
    title: "parameters of one SE block",
    hint: "Two dense layers with biases: C → C/r and C/r → C, with C = 256 and r = 16.",
    answerName: "the parameter count",
    expected: () => seParams(256, 16),
  },
  {
    id: "11.2",
    title: "channel weights of a tiny excitation",
    hint: "h = ReLU(1·2 + 1·0) = 2; then the logits are h·[1, −1]; the weights are their sigmoids 1/(1 + e^(−logit)).",
    answerName: "the weights",
    expected: () => {
      const { squeezed, fc1, fc2 } = exercise11_2;
      const hidden = Math.max(0, squeezed[0] * fc1[0][0] + squeezed[1] * fc1[1][0]);
      return fc2[0].map((w) => 1 / (1 + Math.exp(-hidden * w)));
    },
    tolerance: 1e-3,
  },
  {
    id: "11.3",
    title: "SE-ResNet-50's extra parameters as a fraction of ResNet-50",
    hint: "Sum the SE parameters over the 16 bottleneck blocks (output channels 256, 512, 1024, 2048 with 3, 4, 6, 3 blocks, r = 16) and divide by 25,557,032.",
    answerName: "the fraction",
    expected: () =>
      RESNET_CONFIGS[50].blocksPerStage.reduce((sum, blocks, stage) => sum + blocks * seParams(256 << stage, 16), 0) /
      25_557_032,
    tolerance: 1e-3,
  },
]);

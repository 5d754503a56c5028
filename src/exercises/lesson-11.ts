// Exercises of lesson 11: SENet, squeeze and excitation (registered on import).
import { defineExercise, differenceNote, arrayDifferenceNote } from "./check";
import { RESNET_CONFIGS } from "../models/resnet";

/** C·h + h + h·C + C with h = C / r: the two dense layers of an SE block, with biases. */
function seParams(channels: number, reduction: number): number {
  const hidden = Math.floor(channels / reduction);
  return 2 * channels * hidden + hidden + channels;
}

defineExercise<number>({
  id: "11.1",
  title: "parameters of one SE block",
  hint: "Two dense layers with biases: C → C/r and C/r → C, with C = 256 and r = 16.",
  verify: (answer) => differenceNote("the parameter count", answer, seParams(256, 16)),
});

defineExercise<number[]>({
  id: "11.2",
  title: "channel weights of a tiny excitation",
  hint: "h = ReLU(1·2 + 1·0) = 2; then the logits are h·[1, −1]; the weights are their sigmoids 1/(1 + e^(−logit)).",
  verify: (answer) => {
    const hidden = Math.max(0, 1 * 2 + 1 * 0);
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    return arrayDifferenceNote("the weights", answer, [sigmoid(hidden * 1), sigmoid(hidden * -1)], 1e-3);
  },
});

defineExercise<number>({
  id: "11.3",
  title: "SE-ResNet-50's extra parameters as a fraction of ResNet-50",
  hint: "Sum the SE parameters over the 16 bottleneck blocks (output channels 256, 512, 1024, 2048 with 3, 4, 6, 3 blocks, r = 16) and divide by 25,557,032.",
  verify: (answer) => {
    const extra = RESNET_CONFIGS[50].blocksPerStage.reduce((sum, blocks, stage) => sum + blocks * seParams(256 << stage, 16), 0);
    return differenceNote("the fraction", answer, extra / 25_557_032, 1e-3);
  },
});

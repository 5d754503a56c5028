// Exercises of lesson 10: ResNet, degradation and residual learning (registered on import).
import { defineExercise, differenceNote } from "./check";
import { resnetDepth } from "../models/resnet";

defineExercise<number>({
  id: "10.1",
  title: "depth of a CIFAR-style ResNet",
  hint: "Count the stem convolution, two 3x3 convolutions per basic block, and the final dense layer (projections are not counted).",
  verify: (answer) => differenceNote("the depth", answer, resnetDepth({ blocksPerStage: [3, 3, 3], widths: [16, 32, 64], stem: "small" })),
});

defineExercise<number>({
  id: "10.2",
  title: "parameters of a projection shortcut",
  hint: "A 1x1 convolution from 64 to 128 channels without bias, plus batch norm's trainable gamma and beta for each of the 128 output channels.",
  verify: (answer) => differenceNote("the parameter count", answer, 1 * 1 * 64 * 128 + 2 * 128),
});

defineExercise<number>({
  id: "10.3",
  title: "a gradient through 20 plain layers",
  hint: "Backpropagation multiplies the factors of all layers: 0.8 multiplied by itself 20 times.",
  verify: (answer) => differenceNote("the factor", answer, Math.pow(0.8, 20), 1e-4),
});

defineExercise<number>({
  id: "10.4",
  title: "ResNet-18 counted the Keras way",
  hint: "Keras adds one bias per conv output channel and counts BN's moving mean and variance: 3 extra numbers per BN channel. ResNet-18 has 4,800 BN channels.",
  verify: (answer) => {
    // BN channels of ResNet-18: stem 64; 2 blocks × (64 + 64); 2 × (128 + 128) + 128; 2 × (256 + 256) + 256; 2 × (512 + 512) + 512.
    const bnChannels = 64 + 256 + (512 + 128) + (1024 + 256) + (2048 + 512);
    return differenceNote("the Keras-style count", answer, 11_689_512 + 3 * bnChannels);
  },
});

// Exercises of lesson 10: ResNet, degradation and residual learning (registered on import).
import { defineValueExercises } from "./check";
import { resnetDepth } from "../models/resnet";

defineValueExercises([
  {
    id: "10.1",
    title: "depth of a CIFAR-style ResNet",
    hint: "Count the stem convolution, two 3x3 convolutions per basic block, and the final dense layer (projections are not counted).",
    answerName: "the depth",
    expected: () => resnetDepth({ blocksPerStage: [3, 3, 3], widths: [16, 32, 64], stem: "small" }),
  },
  {
    id: "10.2",
    title: "parameters of a projection shortcut",
    hint: "A 1x1 convolution from 64 to 128 channels without bias, plus batch norm's trainable gamma and beta for each of the 128 output channels.",
    answerName: "the parameter count",
    expected: () => 1 * 1 * 64 * 128 + 2 * 128,
  },
  {
    id: "10.3",
    title: "a gradient through 20 plain layers",
    hint: "Backpropagation multiplies the factors of all layers: 0.8 multiplied by itself 20 times.",
    answerName: "the factor",
    expected: () => Math.pow(0.8, 20),
    tolerance: 1e-4,
  },
  {
    id: "10.4",
    title: "ResNet-18 counted the Keras way",
    hint: "Keras adds one bias per conv output channel and counts BN's moving mean and variance: 3 extra numbers per BN channel. ResNet-18 has 4,800 BN channels.",
    answerName: "the Keras-style count",
    // BN channels of ResNet-18: stem 64; 2 blocks × (64 + 64); 2 × (128 + 128) + 128; 2 × (256 + 256) + 256; 2 × (512 + 512) + 512.
    expected: () => 11_689_512 + 3 * (64 + 256 + (512 + 128) + (1024 + 256) + (2048 + 512)),
  },
]);

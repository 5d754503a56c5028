// Exercises of lesson 12: depthwise-separable convolution and bottlenecks (registered on import).
import { defineValueExercises } from "./check";

defineValueExercises([
  {
    id: "12.1",
    title: "parameters of a depthwise-separable convolution",
    hint: "Depthwise: one 3x3 filter per input channel (3·3·64). Pointwise: 64·128. No biases.",
    answerName: "the parameter count",
    expected: () => 3 * 3 * 64 + 64 * 128,
  },
  {
    id: "12.2",
    title: "how much cheaper separable is, k = 3 and 256 output channels",
    hint: "separable / standard = (k²·C + C·N) / (k²·C·N) = 1/N + 1/k².",
    answerName: "the ratio",
    expected: () => 1 / 256 + 1 / 9,
    tolerance: 1e-4,
  },
  {
    id: "12.3",
    title: "multiply-adds of a pointwise convolution",
    hint: "At each of the 14·14 positions, every one of the 512 outputs takes a weighted sum over the 512 inputs.",
    answerName: "the multiply-add count",
    expected: () => 14 * 14 * 512 * 512,
  },
  {
    id: "12.4",
    title: "parameters of a bottleneck (256 → 64 → 64 → 256)",
    hint: "1x1 from 256 to 64, 3x3 from 64 to 64, 1x1 from 64 to 256; no biases.",
    answerName: "the parameter count",
    expected: () => 256 * 64 + 3 * 3 * 64 * 64 + 64 * 256,
  },
]);

// Exercises of lesson 17 (registered on import).
import { defineValueExercises } from "./check";

/** Exercise 17.2: one step of a one-unit RNN (weights as [input][unit]). */
export const exercise17_2 = {
  x: [1, 0],
  previousState: [0.5],
  kernel: [[0.2], [-0.4]],
  recurrentKernel: [[1.0]],
  bias: [0.1],
};

/** Exercise 17.3: the series whose naive forecast is scored. */
export const exercise17_3 = { series: [10, 12, 11, 15] };

defineValueExercises([
  {
    id: "17.1",
    title: 'weights of the "hello" network',
    hint: "The simple RNN has an input matrix (4 inputs × 8 units), a recurrent matrix (8 × 8) and 8 biases; the dense layer has 8 × 4 weights and 4 biases.",
    answerName: "the parameter count",
    expected: () => {
      const vocab = 4;
      const units = 8;
      const recurrentPart = vocab * units + units * units + units;
      const densePart = units * vocab + vocab;
      return recurrentPart + densePart;
    },
  },
  {
    id: "17.2",
    title: "one RNN step by hand",
    hint: "h = tanh(x·kernel + h_prev·recurrentKernel + bias). With one unit every product is a single number: 1·0.2 + 0·(−0.4) + 0.5·1.0 + 0.1.",
    answerName: "the new hidden state",
    expected: () => {
      const { x, previousState, kernel, recurrentKernel, bias } = exercise17_2;
      return Math.tanh(x[0] * kernel[0][0] + x[1] * kernel[1][0] + previousState[0] * recurrentKernel[0][0] + bias[0]);
    },
    tolerance: 1e-4,
  },
  {
    id: "17.3",
    title: "the naive forecast's error",
    hint: "With a window of one value, the naive forecast of each value is the value before it. Average the absolute differences |12 − 10|, |11 − 12|, |15 − 11|.",
    answerName: "the mean absolute error",
    expected: () => {
      const { series } = exercise17_3;
      let total = 0;
      for (let t = 1; t < series.length; t++) total += Math.abs(series[t] - series[t - 1]);
      return total / (series.length - 1);
    },
    tolerance: 1e-4,
  },
]);

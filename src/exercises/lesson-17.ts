// Exercises of lesson 17 (registered on import).
import { defineExercise, differenceNote } from "./check";

defineExercise<number>({
  id: "17.1",
  title: "weights of the \"hello\" network",
  hint: "The simple RNN has an input matrix (4 inputs × 8 units), a recurrent matrix (8 × 8) and 8 biases; the dense layer has 8 × 4 weights and 4 biases.",
  verify(answer) {
    const vocab = 4;
    const units = 8;
    const recurrentPart = vocab * units + units * units + units;
    const densePart = units * vocab + vocab;
    return differenceNote("the parameter count", answer, recurrentPart + densePart);
  },
});

defineExercise<number>({
  id: "17.2",
  title: "one RNN step by hand",
  hint: "h = tanh(x·kernel + h_prev·recurrentKernel + bias). With one unit every product is a single number: 1·0.2 + 0·(−0.4) + 0.5·1.0 + 0.1.",
  verify(answer) {
    // x = [1, 0], previous state [0.5], kernel [[0.2], [−0.4]], recurrent [[1.0]], bias [0.1]
    const sum = 1 * 0.2 + 0 * -0.4 + 0.5 * 1.0 + 0.1;
    return differenceNote("the new hidden state", answer, Math.tanh(sum), 1e-4);
  },
});

defineExercise<number>({
  id: "17.3",
  title: "the naive forecast's error",
  hint: "With a window of one value, the naive forecast of each value is the value before it. Average the absolute differences |12 − 10|, |11 − 12|, |15 − 11|.",
  verify(answer) {
    const series = [10, 12, 11, 15];
    let total = 0;
    for (let t = 1; t < series.length; t++) total += Math.abs(series[t] - series[t - 1]);
    return differenceNote("the mean absolute error", answer, total / (series.length - 1), 1e-4);
  },
});

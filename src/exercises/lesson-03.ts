// Exercises of lesson 03 (registered on import).
import { convOutputShape, outputSize } from "../ops/output-size";
import { receptiveField } from "../ops/receptive-field";
import { arrayDifferenceNote, defineExercise, differenceNote } from "./check";

defineExercise<number>({
  id: "03.1",
  title: "AlexNet's first layer",
  hint: "Use (n + 2p − k) / s + 1 with n = 227, k = 11, s = 4, p = 0.",
  verify(answer) {
    return differenceNote("your output size", answer, outputSize({ input: 227, kernel: 11, stride: 4, padding: 0 }), 0);
  },
});

defineExercise<number[]>({
  id: "03.2",
  title: "a whole output shape",
  hint: "With \"same\" padding the height and width are ceil(n / s); the channel count is the number of filters. Answer [height, width, channels].",
  verify(answer) {
    if (!Array.isArray(answer) || answer.length !== 3) return "give [height, width, channels], three numbers.";
    return arrayDifferenceNote("your shape", answer, convOutputShape({ inputShape: [64, 64, 3], filters: 16, kernel: 5, stride: 2, padding: "same" }), 0);
  },
});

defineExercise<number>({
  id: "03.3",
  title: "the smallest padding that fits",
  hint: "Try p = 0, 1, 2, … in (11 + 2p − 4) / 3 until the division is whole.",
  verify(answer) {
    let smallest = -1;
    for (let p = 0; p <= 4 && smallest < 0; p++) if ((11 + 2 * p - 4) % 3 === 0) smallest = p;
    return differenceNote("your padding", answer, smallest, 0);
  },
});

defineExercise<number>({
  id: "03.4",
  title: "receptive field of a small stack",
  hint: "Start at 1. Each layer adds (k − 1) × (product of the strides of the layers before it).",
  verify(answer) {
    const rows = receptiveField([{ kernel: 3 }, { kernel: 3 }, { kernel: 2, stride: 2 }, { kernel: 3 }]);
    return differenceNote("your receptive field", answer, rows[rows.length - 1].receptiveField, 0);
  },
});

// Exercises of lesson 03 (registered on import).
import { convOutputShape, outputSize } from "../ops/output-size";
import { receptiveField } from "../ops/receptive-field";
import { defineValueExercises } from "./check";

/** Exercise 03.4: the stack whose receptive field is asked for. */
export const exercise03_4 = [{ kernel: 3 }, { kernel: 3 }, { kernel: 2, stride: 2 }, { kernel: 3 }];

defineValueExercises([
  {
    id: "03.1",
    title: "AlexNet's first layer",
    hint: "Use (n + 2p − k) / s + 1 with n = 227, k = 11, s = 4, p = 0.",
    answerName: "your output size",
    expected: () => outputSize({ input: 227, kernel: 11, stride: 4, padding: 0 }),
    tolerance: 0,
  },
  {
    id: "03.2",
    title: "a whole output shape",
    hint: 'With "same" padding the height and width are ceil(n / s); the channel count is the number of filters. Answer [height, width, channels].',
    answerName: "your shape",
    expected: () => convOutputShape({ inputShape: [64, 64, 3], filters: 16, kernel: 5, stride: 2, padding: "same" }),
    tolerance: 0,
    form: "give [height, width, channels], three numbers.",
  },
  {
    id: "03.3",
    title: "the smallest padding that fits",
    hint: "Try p = 0, 1, 2, … in (11 + 2p − 4) / 3 until the division is whole.",
    answerName: "your padding",
    expected: () => {
      for (let p = 0; ; p++) if ((11 + 2 * p - 4) % 3 === 0) return p;
    },
    tolerance: 0,
  },
  {
    id: "03.4",
    title: "receptive field of a small stack",
    hint: "Start at 1. Each layer adds (k − 1) × (product of the strides of the layers before it).",
    answerName: "your receptive field",
    expected: () => {
      const rows = receptiveField(exercise03_4);
      return rows[rows.length - 1].receptiveField;
    },
    tolerance: 0,
  },
]);

// Exercises of lesson 01 (registered on import).
import { defineValueExercises } from "./check";

/** The fruit photo of datasets/images/fruits.jpg, used by exercises 01.1–01.3: 256 pixels wide, 240 high, RGB. */
export const exercise01_1 = { height: 240, width: 256, channels: 3 };
const fruit = exercise01_1;

defineValueExercises([
  {
    id: "01.1",
    title: "the photo's shape, channels first",
    hint: "PyTorch writes an image as [channels, height, width] (CHW); tfjs as [height, width, channels] (HWC).",
    answerName: "your shape",
    expected: () => [fruit.channels, fruit.height, fruit.width],
    tolerance: 0,
    form: "give three numbers: [channels, height, width].",
  },
  {
    id: "01.2",
    title: "where a number lives in HWC data",
    hint: "In HWC data the channels of one pixel sit next to each other, and one row holds width × channels numbers: index = (row · width + column) · channels + channel.",
    answerName: "your index",
    // Count the numbers that come before (row 2, column 5, channel 1): two full rows, five pixels, one channel.
    expected: () => 2 * fruit.width * fruit.channels + 5 * fruit.channels + 1,
    tolerance: 0,
  },
  {
    id: "01.3",
    title: "the same number in CHW data",
    hint: "In CHW data each channel is a whole height × width plane: index = channel · height · width + row · width + column.",
    answerName: "your index",
    expected: () => 1 * fruit.height * fruit.width + 2 * fruit.width + 5,
    tolerance: 0,
  },
  {
    id: "01.4",
    title: "how many numbers in a Full-HD photo",
    hint: "Full HD is 1920 × 1080 pixels, and an RGB pixel holds three numbers.",
    answerName: "your count",
    expected: () => 1920 * 1080 * 3,
    tolerance: 0,
  },
]);

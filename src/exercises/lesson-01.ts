// Exercises of lesson 01 (registered on import).
import { arrayDifferenceNote, defineExercise, differenceNote } from "./check";

// The fruit photo of datasets/images/fruits.jpg: 256 pixels wide, 240 high, RGB.
const FRUIT = { height: 240, width: 256, channels: 3 };

defineExercise<number[]>({
  id: "01.1",
  title: "the photo's shape, channels first",
  hint: "PyTorch writes an image as [channels, height, width] (CHW); tfjs as [height, width, channels] (HWC).",
  verify(answer) {
    if (!Array.isArray(answer) || answer.length !== 3) return "give three numbers: [channels, height, width].";
    return arrayDifferenceNote("your shape", answer, [FRUIT.channels, FRUIT.height, FRUIT.width], 0);
  },
});

defineExercise<number>({
  id: "01.2",
  title: "where a number lives in HWC data",
  hint: "In HWC data the channels of one pixel sit next to each other, and one row holds width × channels numbers: index = (row · width + column) · channels + channel.",
  verify(answer) {
    // Count the numbers that come before (row 2, column 5, channel 1): two full rows, five pixels, one channel.
    const before = 2 * FRUIT.width * FRUIT.channels + 5 * FRUIT.channels + 1;
    return differenceNote("your index", answer, before, 0);
  },
});

defineExercise<number>({
  id: "01.3",
  title: "the same number in CHW data",
  hint: "In CHW data each channel is a whole height × width plane: index = channel · height · width + row · width + column.",
  verify(answer) {
    const before = 1 * FRUIT.height * FRUIT.width + 2 * FRUIT.width + 5;
    return differenceNote("your index", answer, before, 0);
  },
});

defineExercise<number>({
  id: "01.4",
  title: "how many numbers in a Full-HD photo",
  hint: "Full HD is 1920 × 1080 pixels, and an RGB pixel holds three numbers.",
  verify(answer) {
    return differenceNote("your count", answer, 1920 * 1080 * 3, 0);
  },
});

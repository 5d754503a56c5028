// Solutions of lesson 13's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  // head 576·10 + 10 = 5,770; block3_conv 3·3·32·64 + 64 = 18,496; block2_conv 3·3·16·32 + 32 = 4,640
  "13.1": () => 5770 + 18496 + 4640,
  // 3·3·64 = 576 inputs: 576·5 + 5
  "13.2": () => 576 * 5 + 5,
  // 7·7·32 = 1,568 inputs: 1,568·10 + 10
  "13.3": () => 7 * 7 * 32 * 10 + 10,
};

// Solutions of lesson 08's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  // 1 + 4 · (3 − 1)
  "08.1": () => 9,
  // 3 · 3·3·256·256
  "08.2": () => 3 * 9 * 256 * 256,
  // 25,088 · 4,096 + 4,096
  "08.3": () => 25088 * 4096 + 4096,
  // 19 weight layers − 3 dense layers (stages of 2, 2, 4, 4, 4 convolutions)
  "08.4": () => 16,
};

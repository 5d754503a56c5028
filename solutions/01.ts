// Solutions of lesson 01's exercises (for instructors), worked by hand.
export const solutions: Record<string, () => unknown> = {
  "01.1": () => [3, 240, 256],
  // (2 · 256 + 5) · 3 + 1
  "01.2": () => 1552,
  // 1 · 240 · 256 + 2 · 256 + 5
  "01.3": () => 61957,
  // 1920 · 1080 · 3
  "01.4": () => 6220800,
};

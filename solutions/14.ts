// Solutions of lesson 14's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  // 28 → block1_pool 14; block2_conv keeps 14 × 14 and has 32 filters
  "14.1": () => 14 * 14 * 32,
  // 150 → 75 → 37 → 18 and 226 → 113 → 56 → 28
  "14.2": () => [18, 28],
  // score = 2 · (1/64) Σ pixels, so every pixel's gradient is 2/64 and so is their mean
  "14.3": () => 2 / 64,
};

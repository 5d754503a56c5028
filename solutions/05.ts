// Solutions of lesson 05's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  // 28 → conv 3x3 → 26 → pool → 13 → conv 3x3 → 11 → pool → 5 (rounded down); 32 filters.
  "05.1": () => [5, 5, 32],
  // 784·72 + 72 weights and biases, then 72·10 + 10.
  "05.2": () => 784 * 72 + 72 + 72 * 10 + 10,
  // Kept with probability 0.75, and scaled by 1 / 0.75 so that the average stays 2.
  "05.3": () => 2 / (1 - 0.25),
  "05.4": () => ({ rotation: -90 }),
};

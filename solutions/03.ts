// Solutions of lesson 03's exercises (for instructors), worked by hand.
export const solutions: Record<string, () => unknown> = {
  // (227 + 0 − 11) / 4 + 1 = 216 / 4 + 1 = 55
  "03.1": () => 55,
  // ceil(64 / 2) = 32 on each side, one channel per filter
  "03.2": () => [32, 32, 16],
  // p = 0: 7 / 3 is not whole; p = 1: 9 / 3 = 3 is
  "03.3": () => 1,
  // 1 → 3 → 5 → 6 (the pool adds 1·1, then the jump becomes 2) → 6 + 2·2 = 10
  "03.4": () => 10,
};

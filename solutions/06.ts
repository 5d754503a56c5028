// Solutions of lesson 06's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  // 28 → C1 24 → S2 12 → C3 8 → S4 4 (and C5's 5×5 kernel no longer fits: that is why the digits are padded to 32)
  "06.1": () => 4,
  // 6 maps × 3 inputs + 6 × 4 + 3 × 4 + 1 × 6 = 60 connections; 60 × 25 + 16 biases
  "06.2": () => 60 * 25 + 16,
  // 28 · 28 · 6 outputs × 5 · 5 · 1 taps
  "06.3": () => 28 * 28 * 6 * 25,
  // C5: 120 · (5·5·16 + 1) = 48,120 of the 60,806
  "06.4": () => "C5",
};

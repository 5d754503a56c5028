// Solutions of lesson 17's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  // simple RNN: 4·8 + 8·8 + 8 = 104; dense: 8·4 + 4 = 36
  "17.1": () => 104 + 36,
  // tanh(0.2 + 0.5 + 0.1) = tanh(0.8) ≈ 0.6640
  "17.2": () => Math.tanh(0.8),
  // (2 + 1 + 4) / 3
  "17.3": () => 7 / 3,
};

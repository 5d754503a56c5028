// Solutions of lesson 16's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  // police: real → 1, fake → 0; counterfeiter: its fakes should be called real (1)
  "16.1": () => ({ discriminator: [1, 1, 1, 0, 0], generator: [1, 1] }),
  // −ln 0.5 − ln 0.5 = 2 ln 2 ≈ 1.386 (also what the lesson's first step prints for a zero-weight discriminator)
  "16.2": () => 2 * Math.log(2),
  // 4 · 4 · 64 · 32 + 32
  "16.3": () => 32800,
};

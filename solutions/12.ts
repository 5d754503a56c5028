// Solutions of lesson 12's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  "12.1": () => 9 * 64 + 64 * 128,
  "12.2": () => 1 / 256 + 1 / 9,
  "12.3": () => 14 * 14 * 512 * 512,
  "12.4": () => 256 * 64 + 9 * 64 * 64 + 64 * 256,
};

// Solutions of lesson 09's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  "09.1": () => 256 * 64,
  "09.2": () => 28 * 28 * 192 * 16 + 28 * 28 * 5 * 5 * 16 * 32,
  "09.3": () => 192 + 208 + 48 + 64,
};

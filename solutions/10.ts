// Solutions of lesson 10's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  "10.1": () => 1 + 9 * 2 + 1,
  "10.2": () => 64 * 128 + 2 * 128,
  "10.3": () => 0.8 ** 20,
  "10.4": () => 11_689_512 + 3 * 4800,
};

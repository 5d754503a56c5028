// Solutions of lesson 15's exercises (for instructors).
export const solutions: Record<string, () => unknown> = {
  // overlap x 30..50 (20) × y 20..40 (20) = 400; areas 40·30 = 1,200 and 40·40 = 1,600; union 2,400
  "15.1": () => 400 / 2400,
  // (16 − 1)·2 − 2·1 + 4 = 32: the map doubles
  "15.2": () => 32,
  // by score: 1 (0.9) kept; 3 (0.7): IoU with 1 = 54 / 146 ≈ 0.37, kept; 0 (0.6): IoU with 1 = 81 / 119 ≈ 0.68, dropped;
  // 2 (0.5): touches nothing, kept
  "15.3": () => [1, 3, 2],
  // centre ((2 + 0.5)·64, (3 + 0.5)·64) = (160, 224); size (0.25·448, 0.5·448) = (112, 224)
  "15.4": () => ({ x1: 104, y1: 112, x2: 216, y2: 336 }),
};

// Solutions of lesson 04's exercises (for instructors), worked by hand.
export const solutions: Record<string, () => unknown> = {
  // blocks {1,5,3,2} {2,0,8,6} {7,0,4,4} {1,1,3,9}
  "04.1": () => [
    [5, 8],
    [7, 9],
  ],
  // 11/4, 16/4, 15/4, 14/4
  "04.2": () => [
    [2.75, 4],
    [3.75, 3.5],
  ],
  // 400·120 + 120 and 16·120 + 120
  "04.3": () => [48120, 2040],
  // (13 − 3) / 2 + 1 = 6, channels unchanged
  "04.4": () => [6, 6, 256],
};

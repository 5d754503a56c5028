// Solutions of lesson 02's exercises (for instructors).
import { exercise02_1 } from "../src/exercises/lesson-02";

// Each output cell worked by hand: a·1 + b·0 + c·(−1) + d·2 for the 2x2 block [[a, b], [c, d]].
function byHand(): number[][] {
  const x = exercise02_1.input;
  const k = exercise02_1.kernel;
  const out: number[][] = [];
  for (let r = 0; r < 3; r++) {
    out.push([]);
    for (let c = 0; c < 3; c++)
      out[r].push(x[r][c] * k[0][0] + x[r][c + 1] * k[0][1] + x[r + 1][c] * k[1][0] + x[r + 1][c + 1] * k[1][1]);
  }
  return out;
}

export const solutions: Record<string, () => unknown> = {
  "02.1": () => byHand(),
  "02.2": () => [
    [2, -1],
    [0, 1],
  ],
  // Padded input rows/cols 0, 2, 4 (worked by hand on the 7x7 padded grid).
  "02.3": () => [
    [6, 17, 3],
    [8, 17, 13],
    [6, 4, 4],
  ],
  "02.4": () => [
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ],
};

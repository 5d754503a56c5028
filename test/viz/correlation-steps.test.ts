import { test } from "node:test";
import * as assert from "node:assert/strict";
import { correlationStepsFigure } from "../../src/viz/correlation-steps";

test("one slider step per output cell; the first title spells out the seed's first multiply-and-sum", () => {
  // 3x3 input, 2x2 kernel → 2x2 output; first window [[1,2],[4,5]] · [[1,0],[0,1]] = 1 + 5 = 6 by hand.
  const figure = correlationStepsFigure(
    [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ],
    [
      [1, 0],
      [0, 1],
    ],
  );
  const layout = figure.layout as { sliders: { steps: { label: string }[] }[]; title: { text: string } };
  assert.deepEqual(
    layout.sliders[0].steps.map((s) => s.label),
    ["(0, 0)", "(0, 1)", "(1, 0)", "(1, 1)"],
  );
  assert.equal(layout.title.text, "step 1/4: 1·1 + 2·0 + 4·0 + 5·1 = 6");
  const output = figure.data[1] as { z: (number | null)[][] };
  assert.deepEqual(
    output.z,
    [
      [6, null],
      [null, null],
    ],
    "only the first output cell is filled at step 1",
  );
});

// Exercises of lesson 06 (registered on import).
import { convMultiplyAdds, convParameterCount, denseParameterCount } from "../ops/counts";
import { outputSize } from "../ops/output-size";
import { LENET5_C3_TABLE } from "../layers/connection-table-conv";
import { defineExercise, defineValueExercises } from "./check";

const c3Connections = () => LENET5_C3_TABLE.reduce((sum, inputs) => sum + inputs.length, 0);

defineValueExercises([
  {
    id: "06.1",
    title: "a 28×28 digit without the padding",
    hint: "Apply the output-size formula four times: C1 (5×5, stride 1, no padding), S2 (2×2, stride 2), C3 (5×5), S4 (2×2, stride 2).",
    answerName: "S4's side",
    expected: () => {
      let side = 28;
      for (const [kernel, stride] of [
        [5, 1],
        [2, 2],
        [5, 1],
        [2, 2],
      ])
        side = outputSize({ input: side, kernel, stride });
      return side;
    },
  },
  {
    id: "06.2",
    title: "C3's weights with the connection table",
    hint: "Each (output map, input map) pair in the table has its own 5×5 kernel; add one bias per output map. Count the pairs in cl.LENET5_C3_TABLE.",
    answerName: "C3's parameter count",
    expected: () => c3Connections() * 5 * 5 + LENET5_C3_TABLE.length,
  },
  {
    id: "06.3",
    title: "C1's multiply-adds for one digit",
    hint: "C1 has 28×28×6 output cells; each one is a 5×5×1 multiply-and-sum.",
    answerName: "C1's multiply-adds",
    expected: () => convMultiplyAdds({ kernel: 5, inChannels: 1, filters: 6, outHeight: 28, outWidth: 28 }),
  },
]);

defineExercise<string>({
  id: "06.4",
  title: "where LeNet-5 keeps its weights",
  hint: "Count each layer: C1 and C3 are small because their kernels are shared over the image; the layer that sees 5×5×16 inputs with 120 filters is not.",
  verify(answer) {
    const layers: [string, number][] = [
      ["C1", convParameterCount({ kernel: 5, inChannels: 1, filters: 6 })],
      ["C3", c3Connections() * 25 + 16],
      ["C5", convParameterCount({ kernel: 5, inChannels: 16, filters: 120 })],
      ["F6", denseParameterCount({ inputs: 120, units: 84 })],
      ["output", denseParameterCount({ inputs: 84, units: 10 })],
    ];
    const largest = layers.reduce((best, layer) => (layer[1] > best[1] ? layer : best));
    if (typeof answer !== "string")
      return `give the layer's name as a string, e.g. "C1"; got ${JSON.stringify(answer)}.`;
    return answer.trim().toUpperCase() === largest[0].toUpperCase()
      ? null
      : `${answer} is not the layer with the most weights.`;
  },
});

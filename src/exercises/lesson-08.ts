// Exercises of lesson 08 (registered on import).
import { convParameterCount, denseParameterCount } from "../ops/counts";
import { receptiveField } from "../ops/receptive-field";
import { VGG_CONFIGS } from "../models/vgg";
import { defineValueExercises } from "./check";

defineValueExercises([
  {
    id: "08.1",
    title: "receptive field of four 3×3 layers",
    hint: "Each stride-1 3×3 layer widens the receptive field by 2 pixels: 3, 5, 7, …",
    answerName: "the receptive field",
    expected: () => {
      const rows = receptiveField([1, 2, 3, 4].map(() => ({ kernel: 3 })));
      return rows[rows.length - 1].receptiveField;
    },
  },
  {
    id: "08.2",
    title: "weights of three 3×3 layers with 256 channels",
    hint: "One 3×3 layer from 256 to 256 channels without bias has 3·3·256·256 weights; there are three of them.",
    answerName: "the weight count",
    expected: () => 3 * convParameterCount({ kernel: 3, inChannels: 256, filters: 256, bias: false }),
  },
  {
    id: "08.3",
    title: "VGG16's first dense layer",
    hint: "Flatten gives 7·7·512 = 25,088 inputs; a dense layer has inputs·units weights plus one bias per unit.",
    answerName: "fc1's parameter count",
    expected: () => denseParameterCount({ inputs: 7 * 7 * 512, units: 4096 }),
  },
  {
    id: "08.4",
    title: "convolutions in VGG19",
    hint: "VGG19 counts its weight layers: the convolutions plus the three dense layers. Or add up cl.VGG_CONFIGS[19].",
    answerName: "the number of convolutions",
    expected: () => VGG_CONFIGS[19].reduce((a, b) => a + b, 0),
  },
]);

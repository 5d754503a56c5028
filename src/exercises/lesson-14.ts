// Exercises of lesson 14 (registered on import).
import * as tf from "@tensorflow/tfjs";
import { outputSize } from "../ops/output-size";
import { gradCam } from "../inspect/grad-cam";
import { defineValueExercises } from "./check";

defineValueExercises([
  {
    id: "14.1",
    title: "how many numbers a layer hands on",
    hint: "block2_conv sees the 14×14 output of block1_pool and has 32 filters with 'same' padding. Count height × width × channels for one image.",
    answerName: "block2_conv's output size",
    expected: () => {
      const side = outputSize({ input: 28, kernel: 2, stride: 2 });
      return side * side * 32;
    },
  },
  {
    id: "14.2",
    title: "feature-map size on a whole photo",
    hint: "The base network's convolutions keep the size ('same' padding); each of its three 2×2 max-poolings halves it and drops a leftover row or column. Start from a 150 × 226 photo. Answer [height, width] of block3_pool.",
    answerName: "[height, width]",
    expected: () => {
      const shrink = (n: number) =>
        [1, 2, 3].reduce((side) => outputSize({ input: side, kernel: 2, stride: 2, rounding: "floor" }), n);
      return [shrink(150), shrink(226)];
    },
    tolerance: 0,
  },
  {
    id: "14.3",
    title: "a Grad-CAM weight you can work out by hand",
    hint: "A model whose only feature map is its 8×8 input, then global average pooling, then a dense layer whose class-0 weight is 2 (bias 0). Class 0's score is 2 × the mean of the map. What is α, the mean over the 64 pixels of d(score)/d(pixel)?",
    answerName: "α",
    expected: () =>
      tf.tidy(() => {
        const input = tf.input({ shape: [8, 8, 1] });
        const features = tf.layers
          .conv2d({ filters: 1, kernelSize: 1, name: "features", weights: [tf.ones([1, 1, 1, 1]), tf.zeros([1])] })
          .apply(input) as tf.SymbolicTensor;
        const pooled = tf.layers.globalAveragePooling2d({}).apply(features) as tf.SymbolicTensor;
        const output = tf.layers
          .dense({ units: 2, weights: [tf.tensor2d([[2, -1]]), tf.zeros([2])] })
          .apply(pooled) as tf.SymbolicTensor;
        const model = tf.model({ inputs: input, outputs: output });
        const weight = gradCam(model, tf.ones([8, 8, 1]), { layerName: "features", classIndex: 0 }).channelWeights[0];
        model.dispose();
        return weight;
      }),
    tolerance: 1e-5,
  },
]);

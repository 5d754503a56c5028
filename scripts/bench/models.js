// @ts-check
// The three models the benchmark times, built with tf.layers (the course's own model library
// is measured by the lessons; these fixed definitions keep the numbers comparable over time).
"use strict";

/** @typedef {typeof import("@tensorflow/tfjs")} Tf */
/** @typedef {import("@tensorflow/tfjs").SymbolicTensor} SymbolicTensor */

/**
 * LeNet-5 on MNIST-sized input (28x28x1), ReLU and max pooling as lessons train it; the wasm
 * training-step test asks for average pooling after the first convolution, to cover that gradient.
 * @param {Tf} tf
 * @param {{ firstPooling?: "max" | "average" }} [options]
 */
function lenet5(tf, { firstPooling = "max" } = {}) {
  const L = tf.layers;
  return tf.sequential({
    layers: [
      L.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, padding: "same", activation: "relu" }),
      firstPooling === "average" ? L.averagePooling2d({ poolSize: 2 }) : L.maxPooling2d({ poolSize: 2 }),
      L.conv2d({ filters: 16, kernelSize: 5, activation: "relu" }),
      L.maxPooling2d({ poolSize: 2 }),
      L.flatten(),
      L.dense({ units: 120, activation: "relu" }),
      L.dense({ units: 84, activation: "relu" }),
      L.dense({ units: 10, activation: "softmax" }),
    ],
  });
}

/**
 * A small VGG with batch norm: stages of 3x3 conv (no bias) + batch norm + ReLU, each stage ending
 * in 2x2 max pooling, then dense softmax. The bench's is [32,32] pool [64,64] pool [128] pool on
 * 32x32x3; the wasm training-step test builds a smaller one with the same function.
 * @param {Tf} tf
 * @param {{ inputShape?: number[], stages?: number[][], classes?: number }} [options]
 */
function smallVgg(tf, { inputShape = [32, 32, 3], stages = [[32, 32], [64, 64], [128]], classes = 10 } = {}) {
  const L = tf.layers;
  const model = tf.sequential();
  for (const stage of stages) {
    for (const filters of stage) {
      model.add(
        L.conv2d({
          ...(model.layers.length === 0 ? { inputShape } : {}),
          filters,
          kernelSize: 3,
          padding: "same",
          useBias: false,
        }),
      );
      model.add(L.batchNormalization());
      model.add(L.reLU());
    }
    model.add(L.maxPooling2d({ poolSize: 2 }));
  }
  model.add(L.flatten());
  model.add(L.dense({ units: classes, activation: "softmax" }));
  return model;
}

/**
 * A small ResNet on 32x32x3: stem, three stages of one basic block (16, 32, 64 filters), GAP.
 * @param {Tf} tf
 */
function smallResnet(tf) {
  const L = tf.layers;
  // One symbolic output per layer here; apply()'s declared type also allows tensors and arrays.
  const symbolic = (/** @type {unknown} */ output) => /** @type {SymbolicTensor} */ (output);
  /**
   * @param {SymbolicTensor} x
   * @param {number} filters
   * @param {number} kernelSize
   * @param {number} strides
   */
  const convBn = (x, filters, kernelSize, strides) => {
    const y = L.conv2d({ filters, kernelSize, strides, padding: "same", useBias: false }).apply(x);
    return symbolic(L.batchNormalization().apply(y));
  };
  /**
   * @param {SymbolicTensor} x
   * @param {number} filters
   * @param {number} strides
   */
  const block = (x, filters, strides) => {
    let main = symbolic(L.reLU().apply(convBn(x, filters, 3, strides)));
    main = convBn(main, filters, 3, 1);
    const shortcut = strides === 1 && x.shape[3] === filters ? x : convBn(x, filters, 1, strides);
    return symbolic(L.reLU().apply(L.add().apply([main, shortcut])));
  };
  const input = tf.input({ shape: [32, 32, 3] });
  let x = symbolic(L.reLU().apply(convBn(input, 16, 3, 1)));
  x = block(x, 16, 1);
  x = block(x, 32, 2);
  x = block(x, 64, 2);
  x = symbolic(L.globalAveragePooling2d({}).apply(x));
  const output = symbolic(L.dense({ units: 10, activation: "softmax" }).apply(x));
  return tf.model({ inputs: input, outputs: output });
}

const MODELS = [
  { key: "lenet5", label: "LeNet-5 (28x28x1)", build: (/** @type {Tf} */ tf) => lenet5(tf), inputShape: [28, 28, 1] },
  {
    key: "vgg",
    label: "small VGG + BN (32x32x3)",
    build: (/** @type {Tf} */ tf) => smallVgg(tf),
    inputShape: [32, 32, 3],
  },
  { key: "resnet", label: "small ResNet (32x32x3)", build: smallResnet, inputShape: [32, 32, 3] },
];

module.exports = { MODELS, lenet5, smallVgg };

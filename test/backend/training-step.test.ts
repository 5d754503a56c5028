import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as path from "path";
import { expectNoLeak, projectRoot } from "../helpers";
import { Plain, assertClose, onBothBackends, randomPlain, toPlain, toTensor, variantTest } from "./compare";

const L = tf.layers;

/** A small model of each kind the course trains, with an input batch and a target. */
interface Case {
  name: string;
  build(): tf.LayersModel;
  input: Plain;
  /** One-hot class targets (softmax cross-entropy) or a regression target (mean squared error). */
  target: { classes: number } | { shape: number[] };
}

// The bench's models (scripts/bench/models.js): LeNet-5 with average pooling first, and its small
// VGG made smaller ([8,8] pool [16] pool on 16x16x3) so tfjs-cpu checks it quickly.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const bench = require(path.join(projectRoot, "scripts", "bench", "models.js")) as {
  lenet5(tfjs: typeof tf, options: { firstPooling: "max" | "average" }): tf.Sequential;
  smallVgg(tfjs: typeof tf, options: { inputShape: number[]; stages: number[][]; classes: number }): tf.Sequential;
};

function lenet5(): tf.LayersModel {
  return bench.lenet5(tf, { firstPooling: "average" });
}

function smallVggWithBatchNorm(): tf.LayersModel {
  return bench.smallVgg(tf, { inputShape: [16, 16, 3], stages: [[8, 8], [16]], classes: 10 });
}

function residualBlock(): tf.LayersModel {
  const input = tf.input({ shape: [12, 12, 8] });
  let main = L.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: "same", useBias: false }).apply(
    input,
  ) as tf.SymbolicTensor;
  main = L.batchNormalization().apply(main) as tf.SymbolicTensor;
  main = L.reLU().apply(main) as tf.SymbolicTensor;
  main = L.conv2d({ filters: 16, kernelSize: 3, padding: "same", useBias: false }).apply(main) as tf.SymbolicTensor;
  main = L.batchNormalization().apply(main) as tf.SymbolicTensor;
  // 1x1 stride-2 'same' projection: the case stock wasm got wrong before our padding fix.
  const shortcut = L.conv2d({ filters: 16, kernelSize: 1, strides: 2, padding: "same" }).apply(
    input,
  ) as tf.SymbolicTensor;
  let out = L.add().apply([main, shortcut]) as tf.SymbolicTensor;
  out = L.reLU().apply(out) as tf.SymbolicTensor;
  out = L.globalAveragePooling2d({}).apply(out) as tf.SymbolicTensor;
  out = L.dense({ units: 5, activation: "softmax" }).apply(out) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

function squeezeExcitation(): tf.LayersModel {
  const input = tf.input({ shape: [8, 8, 16] });
  const features = L.conv2d({ filters: 16, kernelSize: 3, padding: "same", activation: "relu" }).apply(
    input,
  ) as tf.SymbolicTensor;
  let excite = L.globalAveragePooling2d({}).apply(features) as tf.SymbolicTensor;
  excite = L.dense({ units: 4, activation: "relu" }).apply(excite) as tf.SymbolicTensor;
  excite = L.dense({ units: 16, activation: "sigmoid" }).apply(excite) as tf.SymbolicTensor;
  excite = L.reshape({ targetShape: [1, 1, 16] }).apply(excite) as tf.SymbolicTensor;
  let out = L.multiply().apply([features, excite]) as tf.SymbolicTensor;
  out = L.globalAveragePooling2d({}).apply(out) as tf.SymbolicTensor;
  out = L.dense({ units: 3, activation: "softmax" }).apply(out) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

function separable(): tf.LayersModel {
  return tf.sequential({
    layers: [
      L.separableConv2d({
        inputShape: [9, 9, 4],
        filters: 8,
        kernelSize: 3,
        strides: 2,
        padding: "same",
        depthMultiplier: 2,
        activation: "relu",
      }),
      L.separableConv2d({ filters: 8, kernelSize: 3, padding: "valid" }),
      L.flatten(),
      L.dense({ units: 3, activation: "softmax" }),
    ],
  });
}

function lstmWithEmbedding(): tf.LayersModel {
  return tf.sequential({
    layers: [
      L.embedding({ inputDim: 20, outputDim: 8, inputLength: 6 }),
      L.lstm({ units: 12 }),
      L.dense({ units: 20, activation: "softmax" }),
    ],
  });
}

function dcganGenerator(): tf.LayersModel {
  return tf.sequential({
    layers: [
      L.dense({ inputShape: [10], units: 4 * 4 * 16, useBias: false }),
      L.reshape({ targetShape: [4, 4, 16] }),
      L.conv2dTranspose({ filters: 8, kernelSize: 4, strides: 2, padding: "same", useBias: false }),
      L.batchNormalization(),
      L.reLU(),
      L.conv2dTranspose({ filters: 1, kernelSize: 5, strides: 2, padding: "same", activation: "tanh" }),
    ],
  });
}

const tokens: Plain = {
  values: randomPlain([4, 6], 51).values.map((v) => Math.floor((v + 1) * 10)),
  shape: [4, 6],
  dtype: "int32",
};

const CASES: Case[] = [
  { name: "LeNet-5", build: lenet5, input: randomPlain([6, 28, 28, 1], 52), target: { classes: 10 } },
  {
    name: "small VGG with BatchNorm",
    build: smallVggWithBatchNorm,
    input: randomPlain([4, 16, 16, 3], 53),
    target: { classes: 10 },
  },
  { name: "residual block", build: residualBlock, input: randomPlain([3, 12, 12, 8], 54), target: { classes: 5 } },
  { name: "SE block", build: squeezeExcitation, input: randomPlain([3, 8, 8, 16], 55), target: { classes: 3 } },
  { name: "separable convolutions", build: separable, input: randomPlain([2, 9, 9, 4], 56), target: { classes: 3 } },
  { name: "LSTM with embedding", build: lstmWithEmbedding, input: tokens, target: { classes: 20 } },
  {
    name: "DCGAN generator",
    build: dcganGenerator,
    input: randomPlain([3, 10], 57),
    target: { shape: [3, 16, 16, 1] },
  },
];

function targetFor(c: Case): tf.Tensor {
  if ("classes" in c.target) {
    const labels = Array.from(
      { length: c.input.shape[0] },
      (_, i) => (i * 7) % (c.target as { classes: number }).classes,
    );
    return tf.oneHot(tf.tensor1d(labels, "int32"), c.target.classes);
  }
  return toTensor(randomPlain(c.target.shape, 58));
}

/** One training step: forward, backward, SGD update. Returns loss, gradients and updated weights. */
function trainingStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  x: tf.Tensor,
  target: tf.Tensor,
  classes: boolean,
) {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => {
    const prediction = model.apply(x, { training: true }) as tf.Tensor;
    return classes ? tf.losses.softmaxCrossEntropy(target, prediction) : tf.losses.meanSquaredError(target, prediction);
  }, variables);
  const ordered = variables.map((v) => grads[v.name]);
  optimizer.applyGradients(grads);
  return { loss: value, grads: ordered };
}

for (const c of CASES) {
  variantTest(
    `training step of a ${c.name}: same loss, gradients and updated weights on wasm as on cpu, no leak`,
    async () => {
      let startWeights: Plain[] | undefined;
      const { cpu, wasm } = await onBothBackends(async () => {
        const model = c.build();
        // Deterministic weights (a seeded generator, not tf's random initialisers), so every run checks the same numbers.
        startWeights ??= model.weights.map((w, i) => {
          const plain = randomPlain(w.shape as number[], 100 + i);
          return w.name.includes("moving_variance")
            ? { ...plain, values: plain.values.map((v) => 1 + 0.5 * v) }
            : { ...plain, values: plain.values.map((v) => 0.3 * v) };
        });
        const initial = startWeights.map(toTensor);
        model.setWeights(initial);
        tf.dispose(initial);
        const x = toTensor(c.input);
        const target = targetFor(c);
        const optimizer = tf.train.sgd(0.05);
        const { loss, grads } = trainingStep(model, optimizer, x, target, "classes" in c.target);
        const result = {
          loss: [await toPlain(loss)],
          grads: await Promise.all(grads.map(toPlain)),
          updated: await Promise.all(model.getWeights().map(toPlain)),
        };
        tf.dispose([loss, ...grads]);
        // A second step must not leave tensors behind (the first may create optimizer state).
        await expectNoLeak(() => {
          const second = trainingStep(model, optimizer, x, target, "classes" in c.target);
          tf.dispose([second.loss, ...second.grads]);
        });
        tf.dispose([x, target]);
        optimizer.dispose();
        model.dispose();
        return result;
      });
      assert.ok(cpu.grads.length > 0);
      assertClose(wasm.loss, cpu.loss, 1e-5, `${c.name} loss`);
      assertClose(wasm.grads, cpu.grads, 1e-4, `${c.name} gradients`);
      // w − lr·g: the gradients' float error carries over, so the same relative tolerance applies.
      assertClose(wasm.updated, cpu.updated, 1e-4, `${c.name} weights after one SGD step`);
    },
  );
}

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { simpleRnnStep, SimpleRnnWeights } from "../../src/models/rnn-step";
import { charRnn, rnnForecaster, generateIds } from "../../src/models/char-rnn";
import { buildCharVocabulary } from "../../src/data/char-vocabulary";
import { expectNoLeak, maxAbsDiff, useBackend } from "../helpers";

/** The hidden state after every step, from a zero state, by chaining simpleRnnStep. */
function statesOf(inputs: number[][], weights: SimpleRnnWeights): number[][] {
  let state = new Array<number>(weights.bias.length).fill(0);
  return inputs.map((x) => (state = simpleRnnStep(x, state, weights)));
}

/** The model's probabilities for the character after `ids`, recomputed from the whole prefix (the slow, obvious way). */
function nextCharProbabilities(model: tf.LayersModel, ids: number[], vocabSize: number): number[] {
  return tf.tidy(() => {
    const y = model.predict(tf.oneHot(tf.tensor1d(ids, "int32"), vocabSize).toFloat().expandDims(0)) as tf.Tensor;
    return Array.from(y.slice([0, ids.length - 1, 0], [1, 1, vocabSize]).dataSync());
  });
}

test("simpleRnnStep: one unit, by hand", () => {
  const weights = { kernel: [[0.5], [-1]], recurrentKernel: [[2]], bias: [0.1] };
  // 1·0.5 + 1·(−1) + 0.25·2 + 0.1 = 0.1
  assert.ok(Math.abs(simpleRnnStep([1, 1], [0.25], weights)[0] - Math.tanh(0.1)) < 1e-15);
  // Two steps from h0 = 0: h1 = tanh(0.5 + 0.1) = tanh(0.6); h2 = tanh(−1 + 2·tanh(0.6) + 0.1)
  const states = statesOf(
    [
      [1, 0],
      [0, 1],
    ],
    weights,
  );
  assert.ok(Math.abs(states[0][0] - Math.tanh(0.6)) < 1e-15);
  assert.ok(Math.abs(states[1][0] - Math.tanh(-0.9 + 2 * Math.tanh(0.6))) < 1e-15);
  assert.throws(() => simpleRnnStep([1], [0], weights), /x must be an array of 2 finite numbers/);
  assert.throws(() => simpleRnnStep([1, 1], [0, 0], weights), /previousState must be an array of 1 finite numbers/);
  assert.throws(
    () => simpleRnnStep([1, 1], [0], { kernel: [[1]], recurrentKernel: [[1], [1]], bias: [0] }),
    /recurrentKernel has 2 rows but there are 1 units/,
  );
});

test("simpleRnnStep, step after step, agrees with tfjs simpleRNN given the same weights", async () => {
  await useBackend("cpu");
  const layer = tf.layers.simpleRNN({ units: 3, returnSequences: true, inputShape: [null, 4] as unknown as number[] });
  const model = tf.sequential({ layers: [layer] });
  const [kernel, recurrentKernel, bias] = (await Promise.all(layer.getWeights().map((w) => w.array()))) as [
    number[][],
    number[][],
    number[],
  ];
  const inputs = [
    [0, 1, 0, 0],
    [1, 0, 0, 0],
    [0, 0, 1, 0],
    [0, 0, 1, 0],
  ];
  const ours = statesOf(inputs, { kernel, recurrentKernel, bias });
  const theirs = tf.tidy(() => (model.predict(tf.tensor3d([inputs])) as tf.Tensor).arraySync() as number[][][]);
  assert.ok(maxAbsDiff(ours.flat(), theirs[0].flat()) < 1e-6);
  model.dispose();
});

test("charRnn: shapes and parameter counts by arithmetic", () => {
  const v = 5;
  const u = 8;
  const rnn = charRnn({ vocabSize: v, units: u });
  assert.deepEqual(rnn.outputs[0].shape, [null, null, v]);
  assert.equal(rnn.countParams(), v * u + u * u + u + (u * v + v)); // simpleRNN + dense
  const lstm = charRnn({ vocabSize: v, units: u, cell: "lstm" });
  assert.equal(lstm.countParams(), 4 * (v * u + u * u + u) + (u * v + v)); // four gates
  rnn.dispose();
  lstm.dispose();
  assert.throws(() => charRnn({ vocabSize: 1, units: 4 }), /vocabSize must be a whole number ≥ 2, got 1/);
  assert.throws(() => charRnn({ vocabSize: 4, units: 0 }), /units must be a whole number ≥ 1, got 0/);
  assert.throws(
    () => charRnn({ vocabSize: 4, units: 4, cell: "gru" as "lstm" }),
    /cell must be one of "simpleRNN", "lstm", got "gru"/,
  );
});

test("rnnForecaster: window → one value; parameter counts by arithmetic", () => {
  const m = rnnForecaster({ windowLength: 6, units: 4 });
  assert.deepEqual(m.outputs[0].shape, [null, 1]);
  assert.equal(m.countParams(), 1 * 4 + 4 * 4 + 4 + (4 + 1));
  const l = rnnForecaster({ windowLength: 6, units: 4, cell: "lstm" });
  assert.equal(l.countParams(), 4 * (1 * 4 + 4 * 4 + 4) + (4 + 1));
  m.dispose();
  l.dispose();
  assert.throws(() => rnnForecaster({ windowLength: 0, units: 4 }), /windowLength must be a whole number ≥ 1, got 0/);
});

test("charRnn learns 'hell' → 'ello' and then writes 'hello' from 'h'; a training step leaks nothing", async () => {
  await useBackend("cpu");
  const vocab = buildCharVocabulary("hello");
  const model = charRnn({ vocabSize: vocab.size, units: 8 });
  model.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy" });
  const x = vocab.oneHot(["hell"]);
  const y = vocab.oneHot(["ello"]);
  await model.fit(x, y, { epochs: 1, verbose: 0 }); // warm-up creates the optimizer's slots
  await expectNoLeak(() => model.fit(x, y, { epochs: 1, verbose: 0 }));
  await model.fit(x, y, { epochs: 150, verbose: 0 });
  const ids = generateIds(model, vocab.encode("h"), vocab.size, { length: 4 });
  assert.equal(vocab.decode(ids), "hello");
  const p = nextCharProbabilities(model, vocab.encode("hel"), vocab.size);
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5, "probabilities sum to 1");
  assert.equal(vocab.chars[p.indexOf(Math.max(...p))], "l");
  assert.throws(
    () => generateIds(model, [4], vocab.size, { length: 1 }),
    /startIds\[0\] must be a whole number from 0 to 3, got 4/,
  );
  assert.throws(
    () => generateIds(model, [0], vocab.size, { length: 2, temperature: -1 }),
    /temperature must be a finite number ≥ 0, got -1/,
  );
  tf.dispose([x, y]);
  model.dispose();
});

test("generateIds with a temperature samples reproducibly for a seed", async () => {
  await useBackend("cpu");
  const model = charRnn({ vocabSize: 4, units: 3 });
  const a = generateIds(model, [0], 4, { length: 10, temperature: 1, seed: 5 });
  const b = generateIds(model, [0], 4, { length: 10, temperature: 1, seed: 5 });
  assert.deepEqual(a, b);
  assert.equal(a.length, 11);
  await expectNoLeak(() => generateIds(model, [0, 1], 4, { length: 3, temperature: 0.5 }));
  model.dispose();
});

test("generateIds (stateful, one character per step) agrees with re-reading the whole text each step", async () => {
  await useBackend("cpu");
  for (const cell of ["simpleRNN", "lstm"] as const) {
    const model = charRnn({ vocabSize: 6, units: 5, cell });
    const fast = generateIds(model, [2, 4], 6, { length: 8 });
    const slow = [2, 4];
    for (let n = 0; n < 8; n++) {
      const p = nextCharProbabilities(model, slow, 6);
      slow.push(p.indexOf(Math.max(...p)));
    }
    assert.deepEqual(fast, slow, cell);
    model.dispose();
  }
});

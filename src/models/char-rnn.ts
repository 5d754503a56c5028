import * as tf from "@tensorflow/tfjs";
import { describeValue, requireWholeNumber } from "../core/checks";

/** Which recurrent cell a model uses. */
export type RecurrentCell = "simpleRNN" | "lstm";

function recurrentLayer(cell: RecurrentCell, config: { units: number; returnSequences: boolean; name: string; inputShape: (number | null)[] }): tf.layers.Layer {
  if (cell === "simpleRNN") return tf.layers.simpleRNN(config);
  if (cell === "lstm") return tf.layers.lstm(config);
  throw new Error(`recurrent cell ${describeValue(cell)} is not "simpleRNN" or "lstm". Pass cell: "simpleRNN" or cell: "lstm".`);
}

export interface CharRnnOptions {
  /** Number of distinct characters (vocabulary.size). */
  vocabSize: number;
  /** Size of the hidden state (은닉 상태). */
  units: number;
  cell?: RecurrentCell;
}

/**
 * A character-level language model: one-hot characters [batch, time, vocabSize] in, and for
 * every time step the probabilities of the next character [batch, time, vocabSize] out.
 * Layers: "rnn" (simpleRNN or LSTM, returning every step's state) → "next_char" (dense softmax).
 * Any sequence length works, so a trained model can be fed one character at a time.
 */
export function charRnn(options: CharRnnOptions): tf.Sequential {
  const { vocabSize, units, cell = "simpleRNN" } = options ?? ({} as CharRnnOptions);
  requireWholeNumber("charRnn", "vocabSize", vocabSize, 2, 4);
  requireWholeNumber("charRnn", "units", units, 1, 16);
  if (cell !== "simpleRNN" && cell !== "lstm") {
    throw new Error(`charRnn: cell must be "simpleRNN" or "lstm", got ${describeValue(cell)}.`);
  }
  const model = tf.sequential({ name: `char_${cell}` });
  model.add(recurrentLayer(cell, { units, returnSequences: true, name: "rnn", inputShape: [null, vocabSize] }));
  model.add(tf.layers.dense({ units: vocabSize, activation: "softmax", name: "next_char" }));
  return model;
}

export interface RnnForecasterOptions {
  /** How many past values the model reads. */
  windowLength: number;
  units: number;
  cell?: RecurrentCell;
}

/**
 * A one-step-ahead forecaster: a window of values [batch, windowLength, 1] → the next value
 * [batch, 1]. Layers: "rnn" (last state only) → "forecast" (dense, linear).
 */
export function rnnForecaster(options: RnnForecasterOptions): tf.Sequential {
  const { windowLength, units, cell = "simpleRNN" } = options ?? ({} as RnnForecasterOptions);
  requireWholeNumber("rnnForecaster", "windowLength", windowLength, 1, 12);
  requireWholeNumber("rnnForecaster", "units", units, 1, 16);
  if (cell !== "simpleRNN" && cell !== "lstm") {
    throw new Error(`rnnForecaster: cell must be "simpleRNN" or "lstm", got ${describeValue(cell)}.`);
  }
  const model = tf.sequential({ name: `forecast_${cell}` });
  model.add(recurrentLayer(cell, { units, returnSequences: false, name: "rnn", inputShape: [windowLength, 1] }));
  model.add(tf.layers.dense({ units: 1, name: "forecast" }));
  return model;
}

/** The model's probabilities for the character after `ids` (the last time step's output). */
export function nextCharProbabilities(model: tf.LayersModel, ids: number[], vocabSize: number): number[] {
  requireWholeNumber("nextCharProbabilities", "vocabSize", vocabSize, 2, 4);
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new Error("nextCharProbabilities: ids must be a non-empty array of character ids, e.g. vocabulary.encode(\"h\").");
  }
  ids.forEach((id, i) => requireWholeNumber("nextCharProbabilities", `ids[${i}]`, id, 0, "Use ids of this vocabulary, e.g. vocabulary.encode(text).", vocabSize - 1));
  return tf.tidy(() => {
    const x = tf.oneHot(tf.tensor1d(ids, "int32"), vocabSize).toFloat().expandDims(0);
    const y = model.predict(x) as tf.Tensor;
    if (y.rank !== 3 || y.shape[2] !== vocabSize) {
      throw new Error(`nextCharProbabilities: the model returned shape [${y.shape}], expected [1, ${ids.length}, ${vocabSize}]. Use a model from charRnn.`);
    }
    return Array.from(y.slice([0, ids.length - 1, 0], [1, 1, vocabSize]).dataSync());
  });
}

export interface GenerateOptions {
  /** How many characters to add. */
  length: number;
  /** 0 = always the most likely character; 1 = sample from the model's probabilities; >1 = wilder. */
  temperature?: number;
  /** Seed of the sampler, so a run can be repeated. */
  seed?: number;
}

/**
 * A copy of a charRnn model that reads one character per call and keeps its hidden state
 * between calls (a "stateful" RNN, batch 1), so writing n characters costs n steps, not n².
 */
function statefulCopy(model: tf.LayersModel, vocabSize: number): { stepper: tf.Sequential; dispose: () => void } {
  let rnn: tf.layers.Layer;
  try {
    rnn = model.getLayer("rnn");
  } catch {
    throw new Error("generateIds: model has no layer named \"rnn\". Use a model made by charRnn.");
  }
  const className = rnn.getClassName();
  const units = rnn.getConfig()["units"] as number;
  if ((className !== "SimpleRNN" && className !== "LSTM") || model.layers.length !== 2) {
    throw new Error(`generateIds: model must be charRnn's [rnn, next_char], got layers [${model.layers.map((l) => l.getClassName()).join(", ")}]. Use a model made by charRnn.`);
  }
  // The weights are copied in below, so skip the default (slow, orthogonal) initialisation.
  const zeros = "zeros" as const;
  const config = { units, returnSequences: true, stateful: true, batchInputShape: [1, 1, vocabSize], kernelInitializer: zeros, recurrentInitializer: zeros };
  const recurrent = className === "LSTM" ? tf.layers.lstm(config) : tf.layers.simpleRNN(config);
  const stepper = tf.sequential({ layers: [recurrent, tf.layers.dense({ units: vocabSize, activation: "softmax", kernelInitializer: "zeros" })] });
  stepper.setWeights(model.getWeights());
  // A stateful layer keeps its state tensors until told otherwise; free them with the copy.
  return { stepper, dispose: () => (tf.dispose(recurrent.states), stepper.dispose()) };
}

/**
 * Writes text one character at a time: feed the start, then repeatedly pick the next
 * character from the predicted probabilities and feed it back in (the hidden state carries
 * everything read so far). Returns the start ids followed by the `length` new ones.
 */
export function generateIds(model: tf.LayersModel, startIds: number[], vocabSize: number, options: GenerateOptions): number[] {
  const { length, temperature = 0, seed = 1 } = options ?? ({} as GenerateOptions);
  requireWholeNumber("generateIds", "length", length, 0, 100);
  requireWholeNumber("generateIds", "vocabSize", vocabSize, 2, 4);
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new Error(`generateIds: temperature must be a number ≥ 0, got ${temperature}. Use 0 for the most likely character, 0.5–1 for variety.`);
  }
  if (!Array.isArray(startIds) || startIds.length === 0) {
    throw new Error("generateIds: startIds must be a non-empty array of character ids, e.g. vocabulary.encode(\"h\").");
  }
  startIds.forEach((id, i) => requireWholeNumber("generateIds", `startIds[${i}]`, id, 0, "Use ids of this vocabulary, e.g. vocabulary.encode(text).", vocabSize - 1));
  let state = (Math.floor(seed) >>> 0) || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const { stepper, dispose } = statefulCopy(model, vocabSize);
  const read = (id: number): number[] =>
    tf.tidy(() => Array.from((stepper.predict(tf.oneHot(tf.tensor1d([id], "int32"), vocabSize).toFloat().reshape([1, 1, vocabSize])) as tf.Tensor).dataSync()));
  try {
    const ids = [...startIds];
    let p: number[] = [];
    for (const id of startIds) p = read(id);
    for (let n = 0; n < length; n++) {
      const next = temperature === 0 ? argmax(p) : sample(p, temperature, uniform());
      ids.push(next);
      if (n < length - 1) p = read(next);
    }
    return ids;
  } finally {
    dispose();
  }
}

function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function sample(probabilities: number[], temperature: number, u: number): number {
  // p^(1/T), renormalised: T < 1 sharpens the distribution, T > 1 flattens it.
  const weights = probabilities.map((p) => Math.pow(Math.max(p, 1e-12), 1 / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i] / total;
    if (u < cumulative) return i;
  }
  return weights.length - 1;
}

import * as tf from "@tensorflow/tfjs";
import { checkWholeOption } from "./generative-checks";

/** Which recurrent cell a model uses. */
export type RecurrentCell = "simpleRNN" | "lstm";

function recurrentLayer(cell: RecurrentCell, config: { units: number; returnSequences: boolean; name: string; inputShape: (number | null)[] }): tf.layers.Layer {
  if (cell === "simpleRNN") return tf.layers.simpleRNN(config);
  if (cell === "lstm") return tf.layers.lstm(config);
  throw new Error(`recurrent cell ${JSON.stringify(cell)} is not "simpleRNN" or "lstm". Pass cell: "simpleRNN" or cell: "lstm".`);
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
  checkWholeOption("charRnn", "vocabSize", vocabSize, 2, 4);
  checkWholeOption("charRnn", "units", units, 1, 16);
  if (cell !== "simpleRNN" && cell !== "lstm") {
    throw new Error(`charRnn: cell must be "simpleRNN" or "lstm", got ${JSON.stringify(cell)}.`);
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
  checkWholeOption("rnnForecaster", "windowLength", windowLength, 1, 12);
  checkWholeOption("rnnForecaster", "units", units, 1, 16);
  if (cell !== "simpleRNN" && cell !== "lstm") {
    throw new Error(`rnnForecaster: cell must be "simpleRNN" or "lstm", got ${JSON.stringify(cell)}.`);
  }
  const model = tf.sequential({ name: `forecast_${cell}` });
  model.add(recurrentLayer(cell, { units, returnSequences: false, name: "rnn", inputShape: [windowLength, 1] }));
  model.add(tf.layers.dense({ units: 1, name: "forecast" }));
  return model;
}

/** The model's probabilities for the character after `ids` (the last time step's output). */
export function nextCharProbabilities(model: tf.LayersModel, ids: number[], vocabSize: number): number[] {
  checkWholeOption("nextCharProbabilities", "vocabSize", vocabSize, 2, 4);
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new Error("nextCharProbabilities: ids must be a non-empty array of character ids, e.g. vocabulary.encode(\"h\").");
  }
  ids.forEach((id, i) => {
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
      throw new Error(`nextCharProbabilities: ids[${i}] is ${id}; ids must be whole numbers from 0 to ${vocabSize - 1}.`);
    }
  });
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
  /** Only the last `context` characters are fed back in (keeps each step cheap). */
  context?: number;
  /** Seed of the sampler, so a run can be repeated. */
  seed?: number;
}

/**
 * Writes text one character at a time: feed the text so far, pick the next character from
 * the predicted probabilities, append it, repeat. Returns start + the new characters' ids.
 */
export function generateIds(model: tf.LayersModel, startIds: number[], vocabSize: number, options: GenerateOptions): number[] {
  const { length, temperature = 0, context = 64, seed = 1 } = options ?? ({} as GenerateOptions);
  checkWholeOption("generateIds", "length", length, 0, 100);
  checkWholeOption("generateIds", "context", context, 1, 64);
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new Error(`generateIds: temperature must be a number ≥ 0, got ${temperature}. Use 0 for the most likely character, 0.5–1 for variety.`);
  }
  let state = (Math.floor(seed) >>> 0) || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const ids = [...startIds];
  for (let n = 0; n < length; n++) {
    const p = nextCharProbabilities(model, ids.slice(-context), vocabSize);
    ids.push(temperature === 0 ? argmax(p) : sample(p, temperature, uniform()));
  }
  return ids;
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

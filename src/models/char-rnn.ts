import * as tf from "@tensorflow/tfjs";
import { requireChoice, requireNumber, requireSeed, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { createRng } from "../data/random";

/** Which recurrent cell a model uses. */
export type RecurrentCell = "simpleRNN" | "lstm";

export interface CharRnnOptions {
  /** Number of distinct characters (vocabulary.size). */
  vocabSize: number;
  /** Size of the hidden state (은닉 상태). */
  units: number;
  cell?: RecurrentCell;
}

export interface RnnForecasterOptions {
  /** How many past values the model reads. */
  windowLength: number;
  units: number;
  cell?: RecurrentCell;
}

const CHAR_RNN_KEYS = optionKeys<CharRnnOptions>()("vocabSize", "units", "cell");
const FORECASTER_KEYS = optionKeys<RnnForecasterOptions>()("windowLength", "units", "cell");

/** A recurrent layer named "rnn" (simpleRNN or LSTM) followed by a dense head, as one Sequential model. */
function recurrentModel(
  caller: string,
  options: { units: unknown; cell?: unknown },
  design: {
    name: string;
    inputShape: (number | null)[];
    returnSequences: boolean;
    head: { units: number; activation?: "softmax"; name: string };
  },
): tf.Sequential {
  const units = requireWholeNumber(caller, "units", options.units, 1, 16);
  const cell = requireChoice(caller, "cell", options.cell ?? "simpleRNN", ["simpleRNN", "lstm"] as const);
  const config = { units, returnSequences: design.returnSequences, name: "rnn", inputShape: design.inputShape };
  const model = tf.sequential({ name: `${design.name}_${cell}` });
  model.add(cell === "lstm" ? tf.layers.lstm(config) : tf.layers.simpleRNN(config));
  model.add(tf.layers.dense(design.head));
  return model;
}

/**
 * A character-level language model: one-hot characters [batch, time, vocabSize] in, and for
 * every time step the probabilities of the next character [batch, time, vocabSize] out.
 * Layers: "rnn" (simpleRNN or LSTM, returning every step's state) → "next_char" (dense softmax).
 * Any sequence length works, so a trained model can be fed one character at a time.
 */
export function charRnn(options: CharRnnOptions): tf.Sequential {
  const caller = "charRnn";
  requireOptions<CharRnnOptions>(caller, options, CHAR_RNN_KEYS, "{ vocabSize: 40, units: 64 }", { required: true });
  const vocabSize = requireWholeNumber(caller, "vocabSize", options.vocabSize, 2, 4);
  return recurrentModel(caller, options, {
    name: "char",
    inputShape: [null, vocabSize],
    returnSequences: true,
    head: { units: vocabSize, activation: "softmax", name: "next_char" },
  });
}

/**
 * A one-step-ahead forecaster: a window of values [batch, windowLength, 1] → the next value
 * [batch, 1]. Layers: "rnn" (last state only) → "forecast" (dense, linear).
 */
export function rnnForecaster(options: RnnForecasterOptions): tf.Sequential {
  const caller = "rnnForecaster";
  requireOptions<RnnForecasterOptions>(caller, options, FORECASTER_KEYS, "{ windowLength: 12, units: 16 }", {
    required: true,
  });
  const windowLength = requireWholeNumber(caller, "windowLength", options.windowLength, 1, 12);
  return recurrentModel(caller, options, {
    name: "forecast",
    inputShape: [windowLength, 1],
    returnSequences: false,
    head: { units: 1, name: "forecast" },
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
    throw new Error('generateIds: model has no layer named "rnn". Use a model made by charRnn.');
  }
  const className = rnn.getClassName();
  const units = rnn.getConfig()["units"] as number;
  if ((className !== "SimpleRNN" && className !== "LSTM") || model.layers.length !== 2) {
    throw new Error(
      `generateIds: model must be charRnn's [rnn, next_char], got layers [${model.layers.map((l) => l.getClassName()).join(", ")}]. Use a model made by charRnn.`,
    );
  }
  // The weights are copied in below, so skip the default (slow, orthogonal) initialisation.
  const zeros = "zeros" as const;
  const config = {
    units,
    returnSequences: true,
    stateful: true,
    batchInputShape: [1, 1, vocabSize],
    kernelInitializer: zeros,
    recurrentInitializer: zeros,
  };
  const recurrent = className === "LSTM" ? tf.layers.lstm(config) : tf.layers.simpleRNN(config);
  const stepper = tf.sequential({
    layers: [recurrent, tf.layers.dense({ units: vocabSize, activation: "softmax", kernelInitializer: "zeros" })],
  });
  stepper.setWeights(model.getWeights());
  // A stateful layer keeps its state tensors until told otherwise; free them with the copy.
  return { stepper, dispose: () => (tf.dispose(recurrent.states), stepper.dispose()) };
}

/**
 * Writes text one character at a time: feed the start, then repeatedly pick the next
 * character from the predicted probabilities and feed it back in (the hidden state carries
 * everything read so far). Returns the start ids followed by the `length` new ones.
 */
const GENERATE_KEYS = optionKeys<GenerateOptions>()("length", "temperature", "seed");

export function generateIds(
  model: tf.LayersModel,
  startIds: number[],
  vocabSize: number,
  options: GenerateOptions,
): number[] {
  requireOptions<GenerateOptions>("generateIds", options, GENERATE_KEYS, "{ length: 100, temperature: 0.5 }", {
    required: true,
  });
  const { length, temperature = 0, seed = 1 } = options;
  requireWholeNumber("generateIds", "length", length, 0, 100);
  requireWholeNumber("generateIds", "vocabSize", vocabSize, 2, 4);
  requireNumber("generateIds", "temperature", temperature, {
    min: 0,
    fix: "Use 0 for the most likely character, 0.5–1 for variety.",
  });
  requireSeed("generateIds", seed);
  if (!Array.isArray(startIds) || startIds.length === 0) {
    throw new Error('generateIds: startIds must be a non-empty array of character ids, e.g. vocabulary.encode("h").');
  }
  startIds.forEach((id, i) =>
    requireWholeNumber(
      "generateIds",
      `startIds[${i}]`,
      id,
      0,
      "Use ids of this vocabulary, e.g. vocabulary.encode(text).",
      vocabSize - 1,
    ),
  );
  const uniform = createRng(seed).next;
  const { stepper, dispose } = statefulCopy(model, vocabSize);
  const read = (id: number): number[] =>
    tf.tidy(() =>
      Array.from(
        (
          stepper.predict(
            tf
              .oneHot(tf.tensor1d([id], "int32"), vocabSize)
              .toFloat()
              .reshape([1, 1, vocabSize]),
          ) as tf.Tensor
        ).dataSync(),
      ),
    );
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

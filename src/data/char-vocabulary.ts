import * as tf from "@tensorflow/tfjs";
import { describeValue, requireWholeNumber } from "../core/checks";

/** The characters a text uses, each with a number (its index), for a character-level model. */
export class CharVocabulary {
  /** Characters in code-point order; a character's index is its id. */
  readonly chars: string[];
  private readonly ids: Map<string, number>;

  constructor(chars: string[]) {
    if (!Array.isArray(chars) || chars.length === 0) {
      throw new Error(
        "CharVocabulary: chars must be a non-empty array of single characters. Use buildCharVocabulary(text).",
      );
    }
    this.ids = new Map();
    chars.forEach((c, i) => {
      if (typeof c !== "string" || [...c].length !== 1) {
        throw new Error(
          `CharVocabulary: chars[${i}] is ${describeValue(c)}; each entry must be exactly one character.`,
        );
      }
      if (this.ids.has(c))
        throw new Error(
          `CharVocabulary: character ${describeValue(c)} appears twice (at ${this.ids.get(c)} and ${i}). List each character once.`,
        );
      this.ids.set(c, i);
    });
    this.chars = [...chars];
  }

  get size(): number {
    return this.chars.length;
  }

  /** The id of each character of text. */
  encode(text: string): number[] {
    if (typeof text !== "string") throw new Error(`CharVocabulary.encode: text must be a string, got ${typeof text}.`);
    return [...text].map((c, i) => {
      const id = this.ids.get(c);
      if (id === undefined) {
        throw new Error(
          `CharVocabulary.encode: character ${describeValue(c)} at position ${i} is not in the vocabulary (${describeValue(this.chars.join(""))}). ` +
            "Build the vocabulary from a text that contains it, or remove it.",
        );
      }
      return id;
    });
  }

  /** The text of a list of ids. */
  decode(ids: ArrayLike<number>): string {
    let text = "";
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      requireWholeNumber(
        "CharVocabulary.decode",
        `ids[${i}]`,
        id,
        0,
        "Use ids of this vocabulary, e.g. vocabulary.encode(text).",
        this.size - 1,
      );
      text += this.chars[id];
    }
    return text;
  }

  /** One-hot tensor [sequences, time, size] of equally long texts. */
  oneHot(texts: string[]): tf.Tensor3D {
    if (!Array.isArray(texts) || texts.length === 0) {
      throw new Error(
        'CharVocabulary.oneHot: texts must be a non-empty array of strings of equal length, e.g. ["hell"].',
      );
    }
    return oneHotSequences(
      texts.map((t) => this.encode(t)),
      this.size,
    );
  }
}

/** The vocabulary of the distinct characters of text, sorted by code point. */
export function buildCharVocabulary(text: string): CharVocabulary {
  if (typeof text !== "string" || text.length === 0) {
    throw new Error(
      `buildCharVocabulary: text must be a non-empty string, got ${typeof text === "string" ? "an empty string" : typeof text}.`,
    );
  }
  return new CharVocabulary([...new Set([...text])].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
}

/** One-hot tensor [sequences, time, vocabSize] of id sequences of equal length. */
export function oneHotSequences(sequences: number[][], vocabSize: number): tf.Tensor3D {
  requireWholeNumber("oneHotSequences", "vocabSize", vocabSize, 1, "Pass vocabulary.size.");
  if (
    !Array.isArray(sequences) ||
    sequences.length === 0 ||
    !Array.isArray(sequences[0]) ||
    sequences[0].length === 0
  ) {
    throw new Error("oneHotSequences: sequences must be a non-empty array of non-empty id arrays, e.g. [[0, 1, 2]].");
  }
  const time = sequences[0].length;
  const data = new Float32Array(sequences.length * time * vocabSize);
  sequences.forEach((seq, s) => {
    if (!Array.isArray(seq) || seq.length !== time) {
      throw new Error(
        `oneHotSequences: sequence ${s} has ${Array.isArray(seq) ? seq.length : "no"} ids but sequence 0 has ${time}. All sequences must be equally long.`,
      );
    }
    seq.forEach((id, t) => {
      requireWholeNumber(
        "oneHotSequences",
        `sequences[${s}][${t}]`,
        id,
        0,
        "Use ids of this vocabulary, e.g. vocabulary.encode(text).",
        vocabSize - 1,
      );
      data[(s * time + t) * vocabSize + id] = 1;
    });
  });
  return tf.tensor3d(data, [sequences.length, time, vocabSize]);
}

/**
 * Next-character training pairs from a long id sequence: input = ids[i … i+L−1], target =
 * ids[i+1 … i+L] (the same window shifted by one), for i = 0, step, 2·step, … while it fits.
 */
export function nextCharWindows(
  ids: number[],
  sequenceLength: number,
  step = sequenceLength,
): { inputs: number[][]; targets: number[][] } {
  if (!Array.isArray(ids))
    throw new Error(
      `nextCharWindows: ids must be an array of numbers, got ${typeof ids}. Use vocabulary.encode(text).`,
    );
  requireWholeNumber("nextCharWindows", "sequenceLength", sequenceLength, 1, 40);
  requireWholeNumber("nextCharWindows", "step", step, 1, sequenceLength);
  if (ids.length < sequenceLength + 1) {
    throw new Error(
      `nextCharWindows: ${ids.length} ids are too few for one window of ${sequenceLength} plus its next character (needs ${sequenceLength + 1}). Use a shorter sequenceLength.`,
    );
  }
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let start = 0; start + sequenceLength + 1 <= ids.length; start += step) {
    inputs.push(ids.slice(start, start + sequenceLength));
    targets.push(ids.slice(start + 1, start + sequenceLength + 1));
  }
  return { inputs, targets };
}

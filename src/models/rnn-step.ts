import { requireWholeNumber } from "../core/checks";

/**
 * The weights of a simple (Elman) RNN cell, laid out as tfjs's simpleRNN stores them
 * (layer.getWeights() returns [kernel, recurrentKernel, bias]).
 */
export interface SimpleRnnWeights {
  /** inputSize × units: how the current input enters the new state. */
  kernel: number[][];
  /** units × units: how the previous hidden state enters the new state. */
  recurrentKernel: number[][];
  /** units. */
  bias: number[];
}

function checkVector(caller: string, name: string, v: unknown, length: number): asserts v is number[] {
  if (!Array.isArray(v) || v.length !== length || v.some((x) => typeof x !== "number" || !Number.isFinite(x))) {
    throw new Error(
      `${caller}: ${name} must be an array of ${length} finite numbers, got ${Array.isArray(v) ? `an array of length ${v.length}` : typeof v}. Check it matches the weights' shape.`,
    );
  }
}

function checkWeights(caller: string, w: SimpleRnnWeights): { inputSize: number; units: number } {
  if (!w || !Array.isArray(w.kernel) || !Array.isArray(w.recurrentKernel) || !Array.isArray(w.bias)) {
    throw new Error(
      `${caller}: weights must be { kernel, recurrentKernel, bias } as number arrays. Read them from a tfjs simpleRNN with layer.getWeights().`,
    );
  }
  const units = w.bias.length;
  requireWholeNumber(caller, "weights.bias.length (units)", units, 1, 8);
  const inputSize = w.kernel.length;
  w.kernel.forEach((row, i) => checkVector(caller, `weights.kernel[${i}]`, row, units));
  if (w.recurrentKernel.length !== units) {
    throw new Error(
      `${caller}: weights.recurrentKernel has ${w.recurrentKernel.length} rows but there are ${units} units; it must be units × units.`,
    );
  }
  w.recurrentKernel.forEach((row, i) => checkVector(caller, `weights.recurrentKernel[${i}]`, row, units));
  checkVector(caller, "weights.bias", w.bias, units);
  return { inputSize, units };
}

/**
 * One step of a simple RNN, in plain arithmetic:
 *   h_t[j] = tanh( Σ_i x_t[i]·kernel[i][j] + Σ_k h_{t−1}[k]·recurrentKernel[k][j] + bias[j] ).
 */
export function simpleRnnStep(x: number[], previousState: number[], weights: SimpleRnnWeights): number[] {
  const { inputSize, units } = checkWeights("simpleRnnStep", weights);
  checkVector("simpleRnnStep", "x", x, inputSize);
  checkVector("simpleRnnStep", "previousState", previousState, units);
  const next: number[] = [];
  for (let j = 0; j < units; j++) {
    let sum = weights.bias[j];
    for (let i = 0; i < inputSize; i++) sum += x[i] * weights.kernel[i][j];
    for (let k = 0; k < units; k++) sum += previousState[k] * weights.recurrentKernel[k][j];
    next.push(Math.tanh(sum));
  }
  return next;
}

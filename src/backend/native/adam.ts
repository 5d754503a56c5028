import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "../kernels/wasm-kernel-utils";
import type { NativeAddon } from "./addon";
import { heapBytes, heapOffset } from "./heap";

/** One Adam step of one variable: outputs [new value, new m, new v] (tfjs: 14 kernels a variable). */
export const ADAM_UPDATE = "ConvnetAdamUpdate";

const params = new Float64Array(14);

export function adamUpdateConfig(addon: NativeAddon): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo[] => {
    const backend = wasmBackendOf(args, ADAM_UPDATE);
    const [value, m, v, gradient] = ["value", "m", "v", "gradient"].map((key) => inputOf(args, key, ADAM_UPDATE));
    const outputs = [value, m, v].map((t) => backend.makeOutput(t.shape, "float32"));
    const attrs = args.attrs as {
      beta1: number;
      beta2: number;
      correction1: number;
      correction2: number;
      epsilon: number;
      learningRate: number;
    };
    params.set([
      ...[value, m, v, gradient, ...outputs].map((t) => heapOffset(backend, t)),
      tf.util.sizeFromShape(value.shape),
      attrs.beta1,
      attrs.beta2,
      attrs.correction1,
      attrs.correction2,
      attrs.epsilon,
      attrs.learningRate,
    ]);
    addon.adamUpdate(heapBytes(backend), params);
    return outputs;
  };
  return { kernelName: ADAM_UPDATE, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<{ originalName: string; variable: tf.Variable }>;
  accumulatedSecondMoment: Array<{ originalName: string; variable: tf.Variable }>;
  incrementIterations(): void;
}

type ApplyGradients = (
  this: AdamState,
  variableGradients: tf.NamedTensorMap | Array<{ name: string; tensor: tf.Tensor }>,
) => void;

let installed = false;

/**
 * tf.train.adam's applyGradients with one kernel per variable instead of fourteen, when the
 * active backend has the addon's kernel; the same float32 arithmetic in the same order, the same
 * state (moments, accBeta1/2, iterations), so getWeights/setWeights and saved models are unchanged.
 * Elsewhere (another backend, int variables) it is tfjs's own method.
 */
export function installFusedAdam(): void {
  if (installed) return;
  const prototype = tf.AdamOptimizer.prototype as unknown as { applyGradients: ApplyGradients };
  const original = prototype.applyGradients;
  prototype.applyGradients = function (this: AdamState, variableGradients) {
    if (tf.getKernel(ADAM_UPDATE, tf.getBackend()) === undefined) return original.call(this, variableGradients);
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    const values = names.map((name) => tf.engine().registeredVariables[name]);
    if (values.some((value) => value === undefined || value.dtype !== "float32"))
      return original.call(this, variableGradients);
    tf.tidy(() => {
      // tfjs computes 1 − accBeta in float32 on the backend: the same value, read back.
      const correction1 = tf.sub(1, this.accBeta1).dataSync()[0];
      const correction2 = tf.sub(1, this.accBeta2).dataSync()[0];
      names.forEach((name, i) => {
        const value = values[i]!;
        this.accumulatedFirstMoment[i] ??= {
          originalName: `${name}/m`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        this.accumulatedSecondMoment[i] ??= {
          originalName: `${name}/v`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) return;
        const m = this.accumulatedFirstMoment[i].variable;
        const v = this.accumulatedSecondMoment[i].variable;
        const [newValue, newM, newV] = tf.engine().runKernel(ADAM_UPDATE, { value, m, v, gradient }, {
          beta1: this.beta1,
          beta2: this.beta2,
          correction1,
          correction2,
          epsilon: this.epsilon,
          learningRate: this.learningRate,
        } as unknown as tf.NamedAttrMap) as tf.Tensor[];
        m.assign(newM);
        v.assign(newV);
        value.assign(newValue);
      });
      this.accBeta1.assign(tf.mul(this.accBeta1, this.beta1));
      this.accBeta2.assign(tf.mul(this.accBeta2, this.beta2));
    });
    this.incrementIterations();
  };
  installed = true;
}

import * as tf from "@tensorflow/tfjs";
import { KernelArgs, inputOf, wasmBackendOf } from "../kernels/wasm-kernel-utils";
import type { NativeAddon } from "./addon";
import { heapBytes, heapOffset } from "./heap";

/** Batch statistics and normalisation in one kernel: outputs [y, mean, variance]. */
export const BATCH_NORM_TRAINING = "ConvnetBatchNormTraining";
/** Its gradient (through the statistics too): outputs [dx, dScale, dOffset]. */
export const BATCH_NORM_TRAINING_GRAD = "ConvnetBatchNormTrainingGrad";

const forwardParams = new Float64Array(9);
const gradParams = new Float64Array(13);

function channelsOf(x: tf.TensorInfo): { rows: number; channels: number } {
  const channels = x.shape[x.shape.length - 1];
  return { rows: tf.util.sizeFromShape(x.shape) / channels, channels };
}

export function batchNormTrainingConfig(addon: NativeAddon): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo[] => {
    const backend = wasmBackendOf(args, BATCH_NORM_TRAINING);
    const x = inputOf(args, "x", BATCH_NORM_TRAINING);
    const scale = inputOf(args, "scale", BATCH_NORM_TRAINING);
    const offset = inputOf(args, "offset", BATCH_NORM_TRAINING);
    const { rows, channels } = channelsOf(x);
    const y = backend.makeOutput(x.shape, "float32");
    const mean = backend.makeOutput([channels], "float32");
    const variance = backend.makeOutput([channels], "float32");
    forwardParams.set([
      heapOffset(backend, x),
      heapOffset(backend, scale),
      heapOffset(backend, offset),
      heapOffset(backend, y),
      heapOffset(backend, mean),
      heapOffset(backend, variance),
      rows,
      channels,
      args.attrs?.varianceEpsilon as number,
    ]);
    addon.batchNormTraining(heapBytes(backend), forwardParams);
    return [y, mean, variance];
  };
  return { kernelName: BATCH_NORM_TRAINING, backendName: "wasm", kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

export function batchNormTrainingGradConfig(addon: NativeAddon): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo[] => {
    const name = BATCH_NORM_TRAINING_GRAD;
    const backend = wasmBackendOf(args, name);
    const [x, dy, scale, mean, variance, dMean, dVariance] = [
      "x",
      "dy",
      "scale",
      "mean",
      "variance",
      "dMean",
      "dVariance",
    ].map((key) => inputOf(args, key, name));
    const { rows, channels } = channelsOf(x);
    const dx = backend.makeOutput(x.shape, "float32");
    const dScale = backend.makeOutput([channels], "float32");
    const dOffset = backend.makeOutput([channels], "float32");
    gradParams.set(
      [x, dy, scale, mean, variance, dMean, dVariance, dx, dScale, dOffset].map((t) => heapOffset(backend, t)),
    );
    gradParams[10] = rows;
    gradParams[11] = channels;
    gradParams[12] = args.attrs?.varianceEpsilon as number;
    addon.batchNormTrainingGrad(heapBytes(backend), gradParams);
    return [dx, dScale, dOffset];
  };
  return {
    kernelName: BATCH_NORM_TRAINING_GRAD,
    backendName: "wasm",
    kernelFunc: kernelFunc as unknown as tf.KernelFunc,
  };
}

/** One kernel call gives all three gradients; the closures hand them out (tensors made here live until gradients() ends). */
export const batchNormTrainingGradient: tf.GradConfig = {
  kernelName: BATCH_NORM_TRAINING,
  inputsToSave: ["x", "scale"],
  outputsToSave: [false, true, true],
  gradFunc: (dys, saved, attrs) => {
    const [dy, dMean, dVariance] = dys as tf.Tensor[];
    const [x, scale, mean, variance] = saved as tf.Tensor[];
    const [dx, dScale, dOffset] = tf
      .engine()
      .runKernel(BATCH_NORM_TRAINING_GRAD, { x, dy, scale, mean, variance, dMean, dVariance }, attrs) as tf.Tensor[];
    return {
      x: () => dx,
      scale: () => tf.reshape(dScale, scale.shape),
      offset: () => tf.reshape(dOffset, scale.shape),
    };
  },
};

interface BatchNormLayer {
  axis: number;
  center: boolean;
  scale: boolean;
  epsilon: number;
  momentum: number;
  gamma: { read(): tf.Tensor } | null;
  beta: { read(): tf.Tensor } | null;
  movingMean: { read(): tf.Tensor; write(value: tf.Tensor): void };
  movingVariance: { read(): tf.Tensor; write(value: tf.Tensor): void };
}

type LayerCall = (this: BatchNormLayer, inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }) => tf.Tensor;

let installed = false;

/**
 * tfjs-layers trains batch norm with tf.moments and tf.batchNorm: about ten passes over the
 * activation forward and fifteen backward, which the addon's kernel pair does in four. The
 * layer's call takes that route in training when the kernel is registered on the active backend
 * (wasm with the addon) and the layer is the usual one (last axis, scale and offset, float32);
 * otherwise, and in inference, it is tfjs-layers' own call. Moving statistics are updated as
 * tfjs-layers does.
 */
export function installFusedBatchNormLayer(): void {
  if (installed) return;
  const entry = tf.serialization.SerializationMap.getMap().classNameMap.BatchNormalization;
  if (entry === undefined)
    throw new Error(
      "convnet-lab: tfjs-layers' BatchNormalization class is not registered; reinstall @tensorflow/tfjs 4.22.",
    );
  const prototype = (entry[0] as unknown as { prototype: { call: LayerCall } }).prototype;
  const original = prototype.call;
  prototype.call = function (this: BatchNormLayer, inputs, kwargs) {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const usual =
      kwargs?.training === true &&
      x !== undefined &&
      (!Array.isArray(inputs) || inputs.length === 1) &&
      x.dtype === "float32" &&
      x.rank >= 2 &&
      x.size > 0 &&
      (this.axis === -1 || this.axis === x.rank - 1) &&
      this.gamma !== null &&
      this.beta !== null;
    if (!usual || tf.getKernel(BATCH_NORM_TRAINING, tf.getBackend()) === undefined)
      return original.call(this, inputs, kwargs);
    return tf.tidy(() => {
      const [y, mean, variance] = tf
        .engine()
        .runKernel(
          BATCH_NORM_TRAINING,
          { x, scale: this.gamma!.read(), offset: this.beta!.read() },
          { varianceEpsilon: this.epsilon },
        ) as tf.Tensor[];
      movingAverage(this.movingMean, mean, this.momentum);
      movingAverage(this.movingVariance, variance, this.momentum);
      return y;
    });
  };
  installed = true;
}

/** tfjs-layers' update, op for op: v ← v − (v − value)·(1 − momentum). */
function movingAverage(variable: BatchNormLayer["movingMean"], value: tf.Tensor, momentum: number): void {
  tf.tidy(() => {
    const original = variable.read();
    variable.write(tf.sub(original, tf.mul(tf.sub(original, value), 1 - momentum)));
  });
}

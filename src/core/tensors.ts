// Checks of tfjs arguments shared by every folder: models, tensors of a given rank, finite values.
import * as tf from "@tensorflow/tfjs";
import { describeValue } from "./checks";

/** Text for a symbolic or concrete shape, with "any" for unknown sizes: [any, 28, 28, 1]. */
export function describeShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? "any" : d)).join(", ")}]`;
}

/** Returns model when it is a tfjs LayersModel. */
export function requireModel(caller: string, model: unknown, name = "model"): tf.LayersModel {
  if (!(model instanceof tf.LayersModel)) {
    throw new Error(
      `${caller}: ${name} must be a tf.LayersModel (built with tf.model, tf.sequential or a builder of this library), got ${describeValue(model)}.`,
    );
  }
  return model;
}

/** Returns value when it is a live tensor of the given rank (any rank when left out); `layout` names the axes. */
export function requireTensor<R extends tf.Rank = tf.Rank>(
  caller: string,
  name: string,
  value: unknown,
  rank?: number,
  layout?: string,
): tf.Tensor<R> {
  const want = rank === undefined ? "a tensor" : `a ${rank}-D tensor${layout ? ` ${layout}` : ""}`;
  if (!(value instanceof tf.Tensor))
    throw new Error(`${caller}: ${name} must be ${want}, got ${describeValue(value)}.`);
  if (value.isDisposed)
    throw new Error(
      `${caller}: ${name} was disposed (freed) before this call. Keep it alive until you are done with it, or make it again.`,
    );
  if (rank !== undefined && value.rank !== rank) {
    const hint = rank === 4 && value.rank === 3 ? " For one image, add the batch axis with x.expandDims(0)." : "";
    throw new Error(`${caller}: ${name} must be ${want}, got shape ${describeShape(value.shape)}.${hint}`);
  }
  return value as tf.Tensor<R>;
}

/**
 * Throws unless every value of the tensor is finite, naming the first NaN or ±Infinity and
 * where it is. Cheap: one sum on the backend, and a look at the values only when it is not finite.
 */
export function checkFiniteTensor(caller: string, name: string, tensor: tf.Tensor, fix: string): void {
  if (tensor.size === 0 || tensor.dtype === "int32" || tensor.dtype === "bool") return;
  const sum = tf.tidy(() => tf.sum(tensor).dataSync()[0]);
  if (Number.isFinite(sum)) return;
  const values = tensor.dataSync();
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const index: number[] = [];
      let rest = i;
      for (let d = tensor.rank - 1; d >= 0; d--) {
        index.unshift(rest % tensor.shape[d]);
        rest = Math.floor(rest / tensor.shape[d]);
      }
      throw new Error(
        `${caller}: ${name} holds ${describeValue(values[i])} at [${index.join(", ")}]; every value must be a finite number. ${fix}`,
      );
    }
  }
  // Every value is finite but they add up past float32's range: nothing wrong with the data.
}

import * as tf from "@tensorflow/tfjs";

// Input checks shared by the modern blocks (residual, SE, inception, separable); not re-exported.

/** Throws unless value is a whole number ≥ min. */
export function requireWholeNumber(caller: string, name: string, value: unknown, min = 1, example = 3): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${caller}: ${name} must be a whole number ≥ ${min}, got ${JSON.stringify(value)}. Pass e.g. ${name}: ${example}.`);
  }
  return value;
}

/** Throws unless value is one of the allowed choices. */
export function requireChoice<T>(caller: string, name: string, value: unknown, choices: readonly T[]): T {
  if (!choices.includes(value as T)) {
    throw new Error(`${caller}: ${name} must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${JSON.stringify(value)}. Pick one of those.`);
  }
  return value as T;
}

/** The channel count of an NHWC symbolic tensor, or a clear error when the input is not an image batch. */
export function channelsOf(caller: string, input: tf.SymbolicTensor): number {
  if (!(input instanceof tf.SymbolicTensor)) {
    throw new Error(`${caller}: input must be a tf.SymbolicTensor (from tf.input or a layer's apply), got ${typeof input}. Build the block inside a functional model.`);
  }
  const shape = input.shape;
  const channels = shape[shape.length - 1];
  if (shape.length !== 4 || typeof channels !== "number") {
    throw new Error(`${caller}: input must have shape [batch, height, width, channels] with a known channel count, got [${shape.join(", ")}]. Pass an image feature map, e.g. tf.input({shape: [28, 28, 1]}).`);
  }
  return channels;
}

/** Layer name `${prefix}_${suffix}`, or undefined (tfjs picks a unique name) when no prefix is given. */
export function blockName(prefix: string | undefined, suffix: string): string | undefined {
  return prefix ? `${prefix}_${suffix}` : undefined;
}

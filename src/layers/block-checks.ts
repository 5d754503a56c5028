import * as tf from "@tensorflow/tfjs";

// Checks shared by the blocks that are applied to a symbolic tensor (residual, SE, inception, separable).

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

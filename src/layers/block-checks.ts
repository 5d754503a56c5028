import * as tf from "@tensorflow/tfjs";
import { OptionKeys, optionKeys, requireOptions } from "../core/options";

// Checks shared by the blocks that are applied to a symbolic tensor (residual, SE, inception, separable).

/** The channel count of an NHWC symbolic tensor, or a clear error when the input is not an image batch. */
export function channelsOf(caller: string, input: tf.SymbolicTensor): number {
  if (!(input instanceof tf.SymbolicTensor)) {
    throw new Error(
      `${caller}: input must be a tf.SymbolicTensor (from tf.input or a layer's apply), got ${typeof input}. Build the block inside a functional model.`,
    );
  }
  const shape = input.shape;
  const channels = shape[shape.length - 1];
  if (shape.length !== 4 || typeof channels !== "number") {
    throw new Error(
      `${caller}: input must have shape [batch, height, width, channels] with a known channel count, got [${shape.join(", ")}]. Pass an image feature map, e.g. tf.input({shape: [28, 28, 1]}).`,
    );
  }
  return channels;
}

/** Layer name `${prefix}_${suffix}`, or undefined (tfjs picks a unique name) when no prefix is given. */
export function blockName(prefix: string | undefined, suffix: string): string | undefined {
  return prefix ? `${prefix}_${suffix}` : undefined;
}

/** What tfjs gives a layer's constructor besides the layer's own settings (also when a saved model loads). */
export interface LayerBaseOptions {
  name?: string;
  /** For a first layer of a Sequential model: one example's shape. */
  inputShape?: number[];
  /** Set by tfjs when a saved model is loaded. */
  batchInputShape?: (number | null)[];
  trainable?: boolean;
  dtype?: tf.DataType;
  /** Added by tfjs to the saved configuration while it deserialises a model. */
  customObjects?: unknown;
}

export const LAYER_BASE_KEYS = optionKeys<LayerBaseOptions>()(
  "name",
  "inputShape",
  "batchInputShape",
  "trainable",
  "dtype",
  "customObjects",
);

/** Checks a custom layer's options (own keys plus tfjs's) and returns the part for tf.layers.Layer's constructor. */
export function layerBaseOptions<T extends LayerBaseOptions>(
  caller: string,
  options: unknown,
  ownKeys: readonly string[],
  example: string,
  required = false,
): LayerBaseOptions {
  const o = requireOptions<T>(caller, options, [...ownKeys, ...LAYER_BASE_KEYS] as OptionKeys<T>, example, {
    required,
  });
  return {
    name: o.name,
    inputShape: o.inputShape,
    batchInputShape: o.batchInputShape,
    trainable: o.trainable,
    dtype: o.dtype,
  };
}

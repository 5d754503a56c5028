// Builders check each layer's output size as they go: a layer whose input is smaller than its
// window gives a map of 0 or fewer cells, which tfjs builds without a word (and fails on later
// with "Negative dimension size"). Shapes here are tfjs's, with the batch axis first (null).
import * as tf from "@tensorflow/tfjs";

type Shape = (number | null)[];

function firstShape(shape: Shape | Shape[]): Shape {
  return Array.isArray(shape[0]) ? (shape as Shape[])[0] : (shape as Shape);
}

/** "28×28×1" for [null, 28, 28, 1]. */
export function sizeText(shape: Shape): string {
  return shape
    .slice(1)
    .map((d) => (d === null ? "?" : d))
    .join("×");
}

/** Whether a shape (with its batch axis) has a dimension of 0 or less. */
export function hasEmptyAxis(shape: Shape): boolean {
  return shape.slice(1).some((d) => d !== null && d < 1);
}

/** Output shape of a chain of layers for an input shape; stops at the first layer whose output has no cells. */
export function chainShapes(layers: tf.layers.Layer[], inputShape: Shape): { shapes: Shape[]; emptyAt?: number } {
  const shapes: Shape[] = [];
  let shape = inputShape;
  for (let i = 0; i < layers.length; i++) {
    shape = firstShape(layers[i].computeOutputShape(shape) as Shape | Shape[]);
    shapes.push(shape);
    if (hasEmptyAxis(shape)) return { shapes, emptyAt: i };
  }
  return { shapes };
}

/**
 * The smallest square input side (height = width) for which every layer of the chain keeps at
 * least one cell, or undefined above 65,536. Output sizes never shrink when the input grows, so
 * doubling and then halving the interval finds it in a few dozen shape computations.
 */
export function smallestSquareInput(layers: tf.layers.Layer[], channels: number): number | undefined {
  const fits = (side: number) => chainShapes(layers, [null, side, side, channels]).emptyAt === undefined;
  let high = 1;
  while (!fits(high)) {
    high *= 2;
    if (high > 65536) return undefined;
  }
  let low = Math.floor(high / 2); // does not fit (or is 0)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** The error for a layer whose output has no cells, with the smallest square input that works when it is known. */
export function emptyMapError(
  caller: string,
  layer: tf.layers.Layer,
  input: Shape,
  output: Shape,
  smallest: number | undefined,
  scope: "network" | "layer",
): Error {
  const config = layer.getConfig() as {
    kernelSize?: unknown;
    poolSize?: unknown;
    padding?: unknown;
    strides?: unknown;
  };
  const window = config.kernelSize ?? config.poolSize;
  const setting =
    window === undefined
      ? ""
      : ` (window ${[window].flat().join("×")}, stride ${[config.strides ?? 1].flat().join("×")}, padding "${config.padding ?? "valid"}")`;
  const need =
    smallest === undefined
      ? ""
      : scope === "network"
        ? ` The smallest square input the whole network accepts is ${smallest}×${smallest}.`
        : ` This layer needs an input of at least ${smallest}×${smallest}.`;
  return new Error(
    `${caller}: layer "${layer.name}"${setting} turns its ${sizeText(input)} input into a ${sizeText(output)} map, which has no cells: the input is too small.${need} ` +
      `Use a larger input, padding "same", or fewer downsampling layers.`,
  );
}

/** Applies a layer to a symbolic tensor, throwing (instead of building an empty map) when its output has no cells. */
export function applyChecked(caller: string, layer: tf.layers.Layer, input: tf.SymbolicTensor): tf.SymbolicTensor {
  const output = firstShape(layer.computeOutputShape(input.shape) as Shape | Shape[]);
  if (hasEmptyAxis(output)) {
    const channels = Number(input.shape[input.shape.length - 1]);
    throw emptyMapError(
      caller,
      layer,
      input.shape,
      output,
      input.shape.length === 4 ? smallestSquareInput([layer], channels) : undefined,
      "layer",
    );
  }
  return layer.apply(input) as tf.SymbolicTensor;
}

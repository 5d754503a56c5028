// Counting a model, layer by layer: output shapes, parameters and multiply-adds, for built
// models and for plans (no weights allocated). The formulas are those of ops/counts.ts.
import * as tf from "@tensorflow/tfjs";
import { describeValue } from "../core/checks";
import { requireModel } from "../core/tensors";
import { emptyMapError, hasEmptyAxis, smallestSquareInput } from "../layers/layer-shapes";
import { convMacs, convWeights, denseWeights, depthwiseMacs, depthwiseWeights } from "../ops/counts";
import { checkedPlan, isModelPlan, ModelPlan } from "./plan";

/** A shape with the batch dimension (null when unknown), as tfjs reports it. */
type Shape = (number | null)[];

/** One layer of a model summary. */
export interface ModelSummaryRow {
  /** The layer's name, e.g. "conv1". */
  name: string;
  /** tfjs's class name, e.g. "Conv2D", "Dense", "LocalResponseNormalization". */
  type: string;
  /** One example's output shape (the batch dimension removed), e.g. [28, 28, 6]. */
  outputShape: number[];
  /** Every weight of the layer (trainable or not, e.g. batch norm's moving mean). */
  params: number;
  /** Weights that gradient descent updates. */
  trainableParams: number;
  /**
   * Multiply-adds for one example (see `layerMultiplyAdds` for what is counted per layer type).
   * Zero for layers that only reshape or apply an element-wise activation.
   */
  multiplyAdds: number;
  /** Set when the layer type is unknown and its multiply-adds were not counted. */
  note?: string;
}

/** What `modelSummary` returns: per-layer rows and the totals. */
export interface ModelSummary {
  name: string;
  /** One example's input shape, e.g. [32, 32, 1]. */
  inputShape: number[];
  rows: ModelSummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** Multiply-adds of one forward pass of one example. */
  totalMultiplyAdds: number;
  /** "built": counted on a tfjs model; "plan": counted from layer shapes, no weights allocated. */
  countedFrom: "built" | "plan";
}

/**
 * A layer may say how many multiply-adds it does by having this method (convnet-lab's own
 * layers such as LocalResponseNormalization do); `inputShapes` and `outputShape` include the
 * batch dimension (null).
 */
export interface CountsMultiplyAdds {
  multiplyAdds(inputShapes: Shape[], outputShape: Shape): number;
}

/**
 * A layer may say how many weights it will have before it is built, so plans of models that
 * use it can be summarised without allocating them.
 */
export interface CountsParamsBeforeBuild {
  paramsBeforeBuild(inputShape: Shape): { params: number; trainableParams: number };
}

function product(values: readonly (number | null)[]): number {
  let p = 1;
  for (const v of values) {
    if (v === null)
      throw new Error(
        `modelSummary: a shape has an unknown dimension (${describeValue(values)}); give the model a fixed input size.`,
      );
    p *= v;
  }
  return p;
}

/** The per-example element count of a shape that starts with the batch dimension. */
function elements(shape: Shape): number {
  return product(shape.slice(1));
}

function pair(value: unknown, fallback: number): [number, number] {
  if (Array.isArray(value)) return [Number(value[0]), Number(value[1] ?? value[0])];
  if (typeof value === "number") return [value, value];
  return [fallback, fallback];
}

function channelsLast(caller: string, layer: tf.layers.Layer, config: tf.serialization.ConfigDict): void {
  if (config["dataFormat"] === "channelsFirst") {
    throw new Error(
      `${caller}: layer ${layer.name} uses dataFormat "channelsFirst"; the summary counts channels-last (NHWC) layers only. ` +
        'Build the layer with dataFormat: "channelsLast" (the tfjs default).',
    );
  }
}

const NO_WORK = new Set([
  "InputLayer",
  "Activation",
  "ReLU",
  "LeakyReLU",
  "ELU",
  "PReLU",
  "ThresholdedReLU",
  "Softmax",
  "Dropout",
  "SpatialDropout1D",
  "SpatialDropout2D",
  "GaussianNoise",
  "GaussianDropout",
  "AlphaDropout",
  "Flatten",
  "Reshape",
  "Permute",
  "RepeatVector",
  "ZeroPadding2D",
  "Cropping2D",
  "UpSampling2D",
  "Concatenate",
  "Embedding",
  "Masking",
  "Rescaling",
  "CenterCrop",
  "Resizing",
]);

/**
 * Multiply-adds of one layer for one example, by the usual conventions (bias additions and
 * activations are not counted):
 * - Conv2D: outH·outW·filters · kH·kW·inChannels; Conv1D likewise in one dimension;
 * - DepthwiseConv2D: outH·outW·inChannels·depthMultiplier · kH·kW;
 * - SeparableConv2D: the depthwise part plus the 1x1 part outH·outW·filters·inChannels·depthMultiplier;
 * - Conv2DTranspose: inH·inW·inChannels · kH·kW·filters;
 * - Dense: (input elements / input units) · input units · units;
 * - pooling: one operation (add or compare) per window element: outH·outW·C · poolH·poolW;
 *   global pooling: one per input element;
 * - BatchNormalization: one per element (scale and shift folded into y = a·x + b);
 * - Add, Multiply, Average, Maximum, Minimum, Subtract: one per element per extra input;
 * - SimpleRNN, GRU, LSTM: timesteps · gates · (input + units) · units;
 * - layers with a `multiplyAdds(inputShapes, outputShape)` method: what it returns;
 * - reshaping, padding, dropout and activation layers: 0.
 * Returns undefined for a layer type it does not know.
 */
export function layerMultiplyAdds(
  layer: tf.layers.Layer,
  inputShapes: Shape[],
  outputShape: Shape,
): number | undefined {
  const custom = layer as unknown as Partial<CountsMultiplyAdds>;
  if (typeof custom.multiplyAdds === "function") return custom.multiplyAdds(inputShapes, outputShape);
  const type = layer.getClassName();
  const config = layer.getConfig();
  const input = inputShapes[0];
  const inChannels = () => Number(input[input.length - 1]);
  switch (type) {
    case "Conv2D":
    case "Conv1D": {
      channelsLast("layerMultiplyAdds", layer, config);
      const [kh, kw] =
        type === "Conv1D" ? [Number((config["kernelSize"] as number[])[0]), 1] : pair(config["kernelSize"], 1);
      const filters = Number(outputShape[outputShape.length - 1]);
      return convMacs(elements(outputShape) / filters, 1, kh, kw, inChannels(), filters);
    }
    case "DepthwiseConv2D": {
      channelsLast("layerMultiplyAdds", layer, config);
      const [kh, kw] = pair(config["kernelSize"], 1);
      const multiplier = Number(config["depthMultiplier"] ?? 1);
      return depthwiseMacs(elements(outputShape) / (inChannels() * multiplier), 1, kh, kw, inChannels(), multiplier);
    }
    case "SeparableConv2D": {
      channelsLast("layerMultiplyAdds", layer, config);
      const [kh, kw] = pair(config["kernelSize"], 1);
      const multiplier = Number(config["depthMultiplier"] ?? 1);
      const filters = Number(outputShape[outputShape.length - 1]);
      const positions = elements(outputShape) / filters;
      return (
        depthwiseMacs(positions, 1, kh, kw, inChannels(), multiplier) +
        convMacs(positions, 1, 1, 1, inChannels() * multiplier, filters)
      );
    }
    case "Conv2DTranspose": {
      channelsLast("layerMultiplyAdds", layer, config);
      // Each input cell is spread over a kh×kw window of every filter: the convolution's cost, seen from its input.
      const [kh, kw] = pair(config["kernelSize"], 1);
      return convMacs(elements(input) / inChannels(), 1, kh, kw, inChannels(), Number(config["filters"]));
    }
    case "Dense": {
      const inputs = Number(input[input.length - 1]);
      return convMacs(elements(input) / inputs, 1, 1, 1, inputs, Number(config["units"]));
    }
    case "MaxPooling2D":
    case "AveragePooling2D":
      channelsLast("layerMultiplyAdds", layer, config);
      return elements(outputShape) * product(pair(config["poolSize"], 2));
    case "MaxPooling1D":
    case "AveragePooling1D":
      return (
        elements(outputShape) * product([Number((config["poolSize"] as number[] | number | undefined) ?? 2)].flat())
      );
    case "GlobalAveragePooling2D":
    case "GlobalMaxPooling2D":
    case "GlobalAveragePooling1D":
    case "GlobalMaxPooling1D":
      return elements(input);
    case "BatchNormalization":
    case "LayerNormalization":
      return elements(outputShape);
    case "Add":
    case "Multiply":
    case "Average":
    case "Maximum":
    case "Minimum":
    case "Subtract":
      return elements(outputShape) * (inputShapes.length - 1);
    case "SimpleRNN":
    case "GRU":
    case "LSTM": {
      const gates = type === "LSTM" ? 4 : type === "GRU" ? 3 : 1;
      const units = Number(config["units"]);
      const steps = Number(input[1]);
      return steps * gates * (Number(input[2]) + units) * units;
    }
    default:
      return NO_WORK.has(type) ? 0 : undefined;
  }
}

/**
 * Weights a layer will have, from its configuration and input shape alone (no weights are
 * allocated). Covers the layers the course's plans use; throws for others.
 */
export function layerParamsBeforeBuild(
  layer: tf.layers.Layer,
  inputShape: Shape,
): { params: number; trainableParams: number } {
  const custom = layer as unknown as Partial<CountsParamsBeforeBuild>;
  if (typeof custom.paramsBeforeBuild === "function") return custom.paramsBeforeBuild(inputShape);
  const type = layer.getClassName();
  const config = layer.getConfig();
  const inChannels = Number(inputShape[inputShape.length - 1]);
  const useBias = config["useBias"] !== false;
  const trainable = layer.trainable;
  const all = (params: number) => ({ params, trainableParams: trainable ? params : 0 });
  switch (type) {
    case "Conv2D": {
      channelsLast("layerParamsBeforeBuild", layer, config);
      const [kh, kw] = pair(config["kernelSize"], 1);
      return all(convWeights(kh, kw, inChannels, Number(config["filters"]), useBias));
    }
    case "DepthwiseConv2D": {
      channelsLast("layerParamsBeforeBuild", layer, config);
      const [kh, kw] = pair(config["kernelSize"], 1);
      return all(depthwiseWeights(kh, kw, inChannels, Number(config["depthMultiplier"] ?? 1), useBias));
    }
    case "SeparableConv2D": {
      channelsLast("layerParamsBeforeBuild", layer, config);
      const [kh, kw] = pair(config["kernelSize"], 1);
      const multiplier = Number(config["depthMultiplier"] ?? 1);
      return all(
        depthwiseWeights(kh, kw, inChannels, multiplier, false) +
          convWeights(1, 1, inChannels * multiplier, Number(config["filters"]), useBias),
      );
    }
    case "Dense":
      return all(denseWeights(inChannels, Number(config["units"]), useBias));
    case "BatchNormalization": {
      // gamma and beta are trained; the moving mean and variance are not.
      const learned = (config["scale"] === false ? 0 : inChannels) + (config["center"] === false ? 0 : inChannels);
      return { params: learned + 2 * inChannels, trainableParams: trainable ? learned : 0 };
    }
    default:
      if (NO_WORK.has(type) && type !== "Embedding" && type !== "PReLU") return { params: 0, trainableParams: 0 };
      if (
        [
          "MaxPooling2D",
          "AveragePooling2D",
          "GlobalAveragePooling2D",
          "GlobalMaxPooling2D",
          "Add",
          "Multiply",
        ].includes(type)
      ) {
        return { params: 0, trainableParams: 0 };
      }
      throw new Error(
        `modelSummary: cannot count the weights of layer ${layer.name} (${type}) before it is built. ` +
          "Build the model (buildPlan(plan)) and summarise the built model instead.",
      );
  }
}

function withoutBatch(shape: Shape, layerName: string): number[] {
  return shape.slice(1).map((d) => {
    if (d === null)
      throw new Error(
        `modelSummary: layer ${layerName} has an unknown output dimension (${describeValue(shape)}); give the model a fixed input size.`,
      );
    return d;
  });
}

function firstShape(shape: Shape | Shape[]): Shape {
  return Array.isArray(shape[0]) ? (shape as Shape[])[0] : (shape as Shape);
}

function shapeList(shape: Shape | Shape[]): Shape[] {
  return Array.isArray(shape[0]) ? (shape as Shape[]) : [shape as Shape];
}

function weightCount(weights: tf.LayerVariable[]): number {
  return weights.reduce((sum, w) => sum + product(w.shape), 0);
}

function totals(
  name: string,
  inputShape: number[],
  rows: ModelSummaryRow[],
  countedFrom: "built" | "plan",
): ModelSummary {
  const totalParams = rows.reduce((s, r) => s + r.params, 0);
  const trainableParams = rows.reduce((s, r) => s + r.trainableParams, 0);
  return {
    name,
    inputShape,
    rows,
    totalParams,
    trainableParams,
    nonTrainableParams: totalParams - trainableParams,
    totalMultiplyAdds: rows.reduce((s, r) => s + r.multiplyAdds, 0),
    countedFrom,
  };
}

function summariseBuilt(model: tf.LayersModel): ModelSummary {
  const layerSet = new Set(model.layers);
  const rows: ModelSummaryRow[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() === "InputLayer") continue;
    // Each application of the layer inside this model costs its multiply-adds once.
    const own = layer.inboundNodes.filter(
      (node) => node.inboundLayers.length > 0 && node.inboundLayers.every((l) => layerSet.has(l)),
    );
    const nodes = own.length > 0 ? own : layer.inboundNodes.slice(0, 1);
    const output = firstShape(nodes[0]?.outputShapes ?? layer.outputShape);
    if (hasEmptyAxis(output)) throw emptyBuiltLayer(model, layer, firstShape(nodes[0]?.inputShapes ?? []), output);
    let multiplyAdds = 0;
    let unknown = false;
    for (const node of nodes) {
      const count =
        layer instanceof tf.LayersModel
          ? summariseBuilt(layer).totalMultiplyAdds
          : layerMultiplyAdds(layer, shapeList(node.inputShapes), firstShape(node.outputShapes));
      if (count === undefined) unknown = true;
      else multiplyAdds += count;
    }
    const row: ModelSummaryRow = {
      name: layer.name,
      type: layer.getClassName(),
      // The node's shape, not layer.outputShape: a model reused as a layer has several nodes.
      outputShape: withoutBatch(output, layer.name),
      params: layer.countParams(),
      trainableParams: weightCount(layer.trainableWeights),
      multiplyAdds,
    };
    if (unknown) row.note = `multiply-adds of ${row.type} layers are not counted`;
    rows.push(row);
  }
  const input = model.inputs[0]?.shape ?? [null];
  return totals(model.name, withoutBatch(input, "input"), rows, "built");
}

/** The error for a layer of a built model whose output has no cells, with the smallest input when the model is a chain. */
function emptyBuiltLayer(model: tf.LayersModel, layer: tf.layers.Layer, input: Shape, output: Shape): Error {
  const layers = model.layers.filter((l) => l.getClassName() !== "InputLayer");
  const chain = layers.every(
    (l, i) =>
      i === 0 ||
      l.inboundNodes.every((node) => node.inboundLayers.length === 1 && node.inboundLayers[0] === layers[i - 1]),
  );
  const modelInput = model.inputs[0]?.shape ?? [];
  const smallest = chain && modelInput.length === 4 ? smallestSquareInput(layers, Number(modelInput[3])) : undefined;
  return emptyMapError("modelSummary", layer, input, output, smallest, "network");
}

function summarisePlan(plan: ModelPlan): ModelSummary {
  checkedPlan("modelSummary", plan);
  let shape: Shape = [null, ...plan.inputShape];
  const rows: ModelSummaryRow[] = [];
  for (const layer of plan.makeLayers()) {
    const output = firstShape(layer.computeOutputShape(shape) as Shape | Shape[]);
    const { params, trainableParams } = layerParamsBeforeBuild(layer, shape);
    const count = layerMultiplyAdds(layer, [shape], output);
    const row: ModelSummaryRow = {
      name: layer.name,
      type: layer.getClassName(),
      outputShape: withoutBatch(output, layer.name),
      params,
      trainableParams,
      multiplyAdds: count ?? 0,
    };
    if (count === undefined) row.note = `multiply-adds of ${row.type} layers are not counted`;
    rows.push(row);
    shape = output;
  }
  return totals(plan.name, [...plan.inputShape], rows, "plan");
}

/**
 * Per layer: output shape, parameters and multiply-adds for one example, with totals.
 * Accepts a built tfjs model (parameters as tfjs counts them) or a ModelPlan (parameters from
 * layer shapes, so published-size models are summarised without allocating their weights).
 */
export function modelSummary(model: tf.LayersModel | ModelPlan): ModelSummary {
  if (model instanceof tf.LayersModel) return summariseBuilt(model);
  if (isModelPlan(model)) return summarisePlan(model);
  throw new Error(
    `modelSummary: model must be a tfjs LayersModel or a ModelPlan, got ${model === null ? "null" : typeof model}. ` +
      "Pass e.g. cl.lenet5() (a built model) or cl.vggPlan({ depth: 16 }) (a plan).",
  );
}

/** Trainable parameters (what torchvision and the papers count; BN moving statistics excluded). */
export function trainableParamCount(model: tf.LayersModel): number {
  requireModel("trainableParamCount", model);
  return weightCount(model.trainableWeights);
}

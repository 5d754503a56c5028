import * as tf from "@tensorflow/tfjs";
import { describeValue, requireBoolean, requireText } from "../core/checks";
import { requireOptions } from "../core/options";
import { emptyMapError, hasEmptyAxis, smallestSquareInput } from "../layers/layer-shapes";
import { checkedPlan, isModelPlan, ModelPlan } from "../models/plan";
import { show } from "./plotly";
import { showTable, TableRow } from "./table";

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
    if (v === null) throw new Error(`modelSummary: a shape has an unknown dimension (${describeValue(values)}); give the model a fixed input size.`);
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
        "Build the layer with dataFormat: \"channelsLast\" (the tfjs default).",
    );
  }
}

const NO_WORK = new Set([
  "InputLayer", "Activation", "ReLU", "LeakyReLU", "ELU", "PReLU", "ThresholdedReLU", "Softmax",
  "Dropout", "SpatialDropout1D", "SpatialDropout2D", "GaussianNoise", "GaussianDropout", "AlphaDropout",
  "Flatten", "Reshape", "Permute", "RepeatVector", "ZeroPadding2D", "Cropping2D", "UpSampling2D",
  "Concatenate", "Embedding", "Masking", "Rescaling", "CenterCrop", "Resizing",
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
export function layerMultiplyAdds(layer: tf.layers.Layer, inputShapes: Shape[], outputShape: Shape): number | undefined {
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
      const kernel = type === "Conv1D" ? [Number((config["kernelSize"] as number[])[0])] : pair(config["kernelSize"], 1);
      return elements(outputShape) * product(kernel) * inChannels();
    }
    case "DepthwiseConv2D": {
      channelsLast("layerMultiplyAdds", layer, config);
      return elements(outputShape) * product(pair(config["kernelSize"], 1));
    }
    case "SeparableConv2D": {
      channelsLast("layerMultiplyAdds", layer, config);
      const depthMultiplier = Number(config["depthMultiplier"] ?? 1);
      const spatial = elements(outputShape) / Number(outputShape[outputShape.length - 1]);
      const depthwise = spatial * inChannels() * depthMultiplier * product(pair(config["kernelSize"], 1));
      return depthwise + elements(outputShape) * inChannels() * depthMultiplier;
    }
    case "Conv2DTranspose": {
      channelsLast("layerMultiplyAdds", layer, config);
      return elements(input) * product(pair(config["kernelSize"], 1)) * Number(config["filters"]);
    }
    case "Dense":
      return elements(input) * Number(config["units"]);
    case "MaxPooling2D":
    case "AveragePooling2D":
      channelsLast("layerMultiplyAdds", layer, config);
      return elements(outputShape) * product(pair(config["poolSize"], 2));
    case "MaxPooling1D":
    case "AveragePooling1D":
      return elements(outputShape) * product([Number((config["poolSize"] as number[] | number | undefined) ?? 2)].flat());
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
export function layerParamsBeforeBuild(layer: tf.layers.Layer, inputShape: Shape): { params: number; trainableParams: number } {
  const custom = layer as unknown as Partial<CountsParamsBeforeBuild>;
  if (typeof custom.paramsBeforeBuild === "function") return custom.paramsBeforeBuild(inputShape);
  const type = layer.getClassName();
  const config = layer.getConfig();
  const inChannels = Number(inputShape[inputShape.length - 1]);
  const bias = (units: number) => (config["useBias"] === false ? 0 : units);
  const trainable = layer.trainable;
  const all = (params: number) => ({ params, trainableParams: trainable ? params : 0 });
  switch (type) {
    case "Conv2D": {
      channelsLast("layerParamsBeforeBuild", layer, config);
      const filters = Number(config["filters"]);
      return all(product(pair(config["kernelSize"], 1)) * inChannels * filters + bias(filters));
    }
    case "DepthwiseConv2D": {
      channelsLast("layerParamsBeforeBuild", layer, config);
      const outChannels = inChannels * Number(config["depthMultiplier"] ?? 1);
      return all(product(pair(config["kernelSize"], 1)) * outChannels + bias(outChannels));
    }
    case "SeparableConv2D": {
      channelsLast("layerParamsBeforeBuild", layer, config);
      const middle = inChannels * Number(config["depthMultiplier"] ?? 1);
      const filters = Number(config["filters"]);
      return all(product(pair(config["kernelSize"], 1)) * middle + middle * filters + bias(filters));
    }
    case "Dense": {
      const units = Number(config["units"]);
      return all(inChannels * units + bias(units));
    }
    case "BatchNormalization": {
      // gamma and beta are trained; the moving mean and variance are not.
      const learned = (config["scale"] === false ? 0 : inChannels) + (config["center"] === false ? 0 : inChannels);
      return { params: learned + 2 * inChannels, trainableParams: trainable ? learned : 0 };
    }
    default:
      if (NO_WORK.has(type) && type !== "Embedding" && type !== "PReLU") return { params: 0, trainableParams: 0 };
      if (["MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D", "Add", "Multiply"].includes(type)) {
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
    if (d === null) throw new Error(`modelSummary: layer ${layerName} has an unknown output dimension (${describeValue(shape)}); give the model a fixed input size.`);
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

function totals(name: string, inputShape: number[], rows: ModelSummaryRow[], countedFrom: "built" | "plan"): ModelSummary {
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
    const own = layer.inboundNodes.filter((node) => node.inboundLayers.length > 0 && node.inboundLayers.every((l) => layerSet.has(l)));
    const nodes = own.length > 0 ? own : layer.inboundNodes.slice(0, 1);
    const output = firstShape(nodes[0]?.outputShapes ?? layer.outputShape);
    if (hasEmptyAxis(output)) throw emptyBuiltLayer(model, layer, firstShape(nodes[0]?.inputShapes ?? []), output);
    let multiplyAdds = 0;
    let unknown = false;
    for (const node of nodes) {
      const count =
        layer instanceof tf.LayersModel ? summariseBuilt(layer).totalMultiplyAdds : layerMultiplyAdds(layer, shapeList(node.inputShapes), firstShape(node.outputShapes));
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
  const chain = layers.every((l, i) => i === 0 || l.inboundNodes.every((node) => node.inboundLayers.length === 1 && node.inboundLayers[0] === layers[i - 1]));
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

/** "28×28×6" */
export function shapeText(shape: readonly number[]): string {
  return shape.join("×");
}

/** Rows for `showTable`: one per layer and a total row. */
export function modelSummaryTableRows(summary: ModelSummary): TableRow[] {
  const rows: TableRow[] = summary.rows.map((r) => ({
    layer: r.name,
    type: r.type,
    "output shape": shapeText(r.outputShape),
    parameters: r.params,
    "multiply-adds": r.multiplyAdds,
    ...(r.note ? { note: r.note } : {}),
  }));
  rows.push({
    layer: "total",
    type: summary.nonTrainableParams > 0 ? `${summary.trainableParams.toLocaleString("en-US")} trainable` : "",
    "output shape": `input ${shapeText(summary.inputShape)}`,
    parameters: summary.totalParams,
    "multiply-adds": summary.totalMultiplyAdds,
  });
  return rows;
}

/** A plotly figure with two bar charts: parameters per layer (top) and multiply-adds per layer (bottom). */
export function modelSummaryFigure(summary: ModelSummary, title?: string): { data: Record<string, unknown>[]; layout: Record<string, unknown> } {
  const names = summary.rows.map((r) => r.name);
  return {
    data: [
      { type: "bar", name: "parameters", x: names, y: summary.rows.map((r) => r.params), xaxis: "x", yaxis: "y", marker: { color: "#1f77b4" } },
      { type: "bar", name: "multiply-adds", x: names, y: summary.rows.map((r) => r.multiplyAdds), xaxis: "x2", yaxis: "y2", marker: { color: "#ff7f0e" } },
    ],
    layout: {
      title: { text: title ?? `${summary.name}: where the parameters and the compute are` },
      grid: { rows: 2, columns: 1, pattern: "independent" },
      yaxis: { title: { text: "parameters" } },
      yaxis2: { title: { text: "multiply-adds" } },
      xaxis: { showticklabels: false },
      height: 520,
      showlegend: true,
    },
  };
}

export interface ShowModelSummaryOptions {
  /** Heading of the table and the chart (default: the model's name). */
  title?: string;
  /** Draw the bar chart of parameters and multiply-adds per layer (default true). */
  chart?: boolean;
}

/** Shows the summary table and (by default) a bar chart of parameters and compute per layer; returns the summary. */
export function showModelSummary(model: tf.LayersModel | ModelPlan, options: ShowModelSummaryOptions = {}): ModelSummary {
  requireOptions<ShowModelSummaryOptions>("showModelSummary", options, ["title", "chart"], '{ title: "LeNet-5" }');
  if (options.title !== undefined) requireText("showModelSummary", "title", options.title, 'Pass e.g. { title: "LeNet-5" }.');
  if (options.chart !== undefined) requireBoolean("showModelSummary", "chart", options.chart);
  const summary = modelSummary(model);
  const title = options.title ?? summary.name;
  showTable(modelSummaryTableRows(summary), title);
  if (options.chart ?? true) show(modelSummaryFigure(summary, `${title}: parameters and multiply-adds per layer`));
  return summary;
}

import * as tf from "@tensorflow/tfjs";
import { requireBoolean, requireChoice, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { LocalResponseNormalization } from "../layers/local-response-norm";
import { requireCounts, requireImageShape, requireRate } from "./model-options";
import { buildPlan, checkedPlan, ModelPlan } from "./plan";

export interface AlexNetOptions {
  /** "published": single tower of the 2012 paper at 227×227×3, 1000 classes. "small": 28×28×1 and a sixteenth of the filters. */
  size?: "published" | "small";
  /** One example's shape (default [227, 227, 3] published, [28, 28, 1] small). */
  inputShape?: number[];
  classes?: number;
  /** Filters of conv1…conv5 (default 96, 256, 384, 384, 256; small: 6, 16, 24, 24, 16). */
  filters?: number[];
  /** conv1's kernel and stride (published 11 and 4, 'valid'; small 5 and 1, 'same'). */
  firstKernel?: number;
  firstStride?: number;
  /** Units of the two hidden dense layers (published 4096, small 256). */
  denseUnits?: number;
  activation?: "relu" | "tanh";
  /** Local response normalisation after conv1 and conv2 (default true). */
  lrn?: boolean;
  /** "max" (the paper: 3×3 windows, stride 2, overlapping) or "average". */
  pooling?: "max" | "average";
  /** Dropout rate before each hidden dense layer (default 0.5; 0 for none). */
  dropout?: number;
}

const PUBLISHED = {
  inputShape: [227, 227, 3],
  classes: 1000,
  filters: [96, 256, 384, 384, 256],
  firstKernel: 11,
  firstStride: 4,
  denseUnits: 4096,
};
const SMALL = {
  inputShape: [28, 28, 1],
  classes: 10,
  filters: PUBLISHED.filters.map((f) => f / 16),
  firstKernel: 5,
  firstStride: 1,
  denseUnits: 256,
};

const KEYS = optionKeys<AlexNetOptions>()(
  "size",
  "inputShape",
  "classes",
  "filters",
  "firstKernel",
  "firstStride",
  "denseUnits",
  "activation",
  "lrn",
  "pooling",
  "dropout",
);

function check(o: AlexNetOptions): void {
  const caller = "alexnet";
  requireOptions<AlexNetOptions>(caller, o, KEYS, '{ size: "small" }');
  if (o.size !== undefined) requireChoice(caller, "size", o.size, ["published", "small"] as const);
  if (o.filters !== undefined)
    requireCounts(caller, "filters", o.filters, 5, "The paper uses [96, 256, 384, 384, 256] (conv1…conv5).");
  for (const name of ["classes", "firstKernel", "firstStride", "denseUnits"] as const)
    if (o[name] !== undefined) requireWholeNumber(caller, name, o[name], name === "classes" ? 2 : 1);
  if (o.activation !== undefined) requireChoice(caller, "activation", o.activation, ["relu", "tanh"] as const);
  if (o.lrn !== undefined) requireBoolean(caller, "lrn", o.lrn);
  if (o.pooling !== undefined) requireChoice(caller, "pooling", o.pooling, ["max", "average"] as const);
  if (o.dropout !== undefined) requireRate(caller, "dropout", o.dropout, "The paper uses 0.5.");
  if (o.inputShape !== undefined) requireImageShape(caller, o.inputShape);
}

/**
 * AlexNet (Krizhevsky, Sutskever & Hinton 2012) as one tower, as a plan: conv1 (11×11, stride 4)
 * → LRN → max pool 3/2 → conv2 (5×5) → LRN → max pool → conv3, conv4, conv5 (3×3) → max pool →
 * dropout, dense, dropout, dense, dense + softmax. The paper split the filters over two GPUs
 * (and conv2, conv4, conv5 saw only their own half); one tower keeps every connection.
 */
export function alexnetPlan(options: AlexNetOptions = {}): ModelPlan {
  check(options);
  const size = options.size ?? "published";
  const base = size === "published" ? PUBLISHED : SMALL;
  const inputShape = options.inputShape ?? base.inputShape;
  const filters = options.filters ?? base.filters;
  const firstKernel = options.firstKernel ?? base.firstKernel;
  const firstStride = options.firstStride ?? base.firstStride;
  const denseUnits = options.denseUnits ?? base.denseUnits;
  const classes = options.classes ?? base.classes;
  const activation = options.activation ?? "relu";
  const lrn = options.lrn ?? true;
  const dropout = options.dropout ?? 0.5;
  const pool = (name: string) =>
    (options.pooling ?? "max") === "max"
      ? tf.layers.maxPooling2d({ poolSize: 3, strides: 2, name })
      : tf.layers.averagePooling2d({ poolSize: 3, strides: 2, name });
  const conv = (i: number, kernelSize: number, strides = 1, padding: "same" | "valid" = "same") =>
    tf.layers.conv2d({ filters: filters[i - 1], kernelSize, strides, padding, activation, name: `conv${i}` });
  return checkedPlan("alexnet", {
    name: size === "published" ? "alexnet" : "alexnet_small",
    inputShape: [...inputShape],
    makeLayers: () => [
      conv(1, firstKernel, firstStride, size === "published" ? "valid" : "same"),
      ...(lrn ? [new LocalResponseNormalization({ name: "lrn1" })] : []),
      pool("pool1"),
      conv(2, 5),
      ...(lrn ? [new LocalResponseNormalization({ name: "lrn2" })] : []),
      pool("pool2"),
      conv(3, 3),
      conv(4, 3),
      conv(5, 3),
      pool("pool5"),
      tf.layers.flatten({ name: "flatten" }),
      ...(dropout > 0 ? [tf.layers.dropout({ rate: dropout, name: "dropout6" })] : []),
      tf.layers.dense({ units: denseUnits, activation, name: "fc6" }),
      ...(dropout > 0 ? [tf.layers.dropout({ rate: dropout, name: "dropout7" })] : []),
      tf.layers.dense({ units: denseUnits, activation, name: "fc7" }),
      tf.layers.dense({ units: classes, activation: "softmax", name: "fc8" }),
    ],
  });
}

/** AlexNet built (weights allocated, not compiled). The published size holds 62 million weights: prefer alexnetPlan for summaries. */
export function alexnet(options: AlexNetOptions = {}): tf.Sequential {
  return buildPlan(alexnetPlan(options));
}

import * as tf from "@tensorflow/tfjs";
import { requireChoice, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { ConnectionTableConv2D, LENET5_C3_TABLE } from "../layers/connection-table-conv";
import { buildPlan, checkedPlan, ModelPlan } from "./plan";

export interface LeNet5Options {
  /** tanh (1998, the default) or ReLU (the modern variant). */
  activation?: "tanh" | "relu";
  /** Average pooling (the 1998 subsampling, here without its trainable scale) or max pooling. */
  pooling?: "average" | "max";
  /** C3 reads S2 through the paper's sparse table ("table", 60 of 96 connections) or fully ("full"). */
  c3?: "table" | "full";
  /** 32 (the paper's input) or 28 (MNIST as stored: zero-padded by 2 pixels to 32 inside the model). */
  inputSize?: 28 | 32;
  /** Number of classes (default 10). */
  classes?: number;
}

const CLASSIC: Required<LeNet5Options> = {
  activation: "tanh",
  pooling: "average",
  c3: "table",
  inputSize: 32,
  classes: 10,
};

/** Options of the modern variant: ReLU, max pooling, fully connected C3. */
export const LENET5_MODERN: LeNet5Options = { activation: "relu", pooling: "max", c3: "full" };

const KEYS = optionKeys<LeNet5Options>()("activation", "pooling", "c3", "inputSize", "classes");

function checked(options: LeNet5Options): Required<LeNet5Options> {
  const caller = "lenet5";
  requireOptions<LeNet5Options>(caller, options, KEYS, '{ activation: "relu", pooling: "max" }');
  const o = { ...CLASSIC, ...options };
  requireChoice(caller, "activation", o.activation, ["tanh", "relu"] as const);
  requireChoice(caller, "pooling", o.pooling, ["average", "max"] as const);
  requireChoice(caller, "c3", o.c3, ["table", "full"] as const);
  requireChoice(caller, "inputSize", o.inputSize, [28, 32] as const);
  requireWholeNumber(caller, "classes", o.classes, 2, "MNIST has classes: 10.");
  return o;
}

/**
 * LeNet-5 (LeCun et al. 1998) as a plan: C1 6@5×5 → S2 pool → C3 16@5×5 → S4 pool → C5 120@5×5
 * → F6 84 → 10 classes (softmax instead of the paper's RBF output). Defaults to the 1998 table:
 * tanh, average pooling and the sparse C3 connection table.
 */
export function lenet5Plan(options: LeNet5Options = {}): ModelPlan {
  const o = checked(options);
  const act = o.activation;
  const pool = (name: string) =>
    o.pooling === "average"
      ? tf.layers.averagePooling2d({ poolSize: 2, strides: 2, name })
      : tf.layers.maxPooling2d({ poolSize: 2, strides: 2, name });
  const name = `lenet5_${o.activation}_${o.pooling}_${o.c3}`;
  return checkedPlan("lenet5", {
    name,
    inputShape: [o.inputSize, o.inputSize, 1],
    makeLayers: () => [
      ...(o.inputSize === 28 ? [tf.layers.zeroPadding2d({ padding: 2, name: "pad_to_32" })] : []),
      tf.layers.conv2d({ filters: 6, kernelSize: 5, activation: act, name: "C1" }),
      pool("S2"),
      o.c3 === "table"
        ? new ConnectionTableConv2D({ table: LENET5_C3_TABLE, kernelSize: 5, activation: act, name: "C3" })
        : tf.layers.conv2d({ filters: 16, kernelSize: 5, activation: act, name: "C3" }),
      pool("S4"),
      tf.layers.conv2d({ filters: 120, kernelSize: 5, activation: act, name: "C5" }),
      tf.layers.flatten({ name: "flatten" }),
      tf.layers.dense({ units: 84, activation: act, name: "F6" }),
      tf.layers.dense({ units: o.classes, activation: "softmax", name: "output" }),
    ],
  });
}

/** LeNet-5 built (weights allocated, not compiled). */
export function lenet5(options: LeNet5Options = {}): tf.Sequential {
  return buildPlan(lenet5Plan(options));
}

import * as tf from "@tensorflow/tfjs";
import { requireBoolean, requireChoice, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { vggBlockLayers } from "../layers/vgg-block";
import { requireCounts, requireImageShape, requireRate } from "./model-options";
import { buildPlan, checkedPlan, ModelPlan } from "./plan";

/** Convolutions per stage of VGG configurations A (11), B (13), D (16) and E (19) of Simonyan & Zisserman 2014. */
export const VGG_CONFIGS: Readonly<Record<11 | 13 | 16 | 19, readonly number[]>> = {
  11: [1, 1, 2, 2, 2],
  13: [2, 2, 2, 2, 2],
  16: [2, 2, 3, 3, 3],
  19: [2, 2, 4, 4, 4],
};
const PUBLISHED_FILTERS = [64, 128, 256, 512, 512];

export interface VggOptions {
  /** 11, 13, 16 or 19 weight layers (default 16). */
  depth?: 11 | 13 | 16 | 19;
  /** Conv → batch norm → ReLU in every conv (VGG-BN) instead of conv → ReLU (default false). */
  batchNorm?: boolean;
  /** "published": 224×224×3, filters 64…512, 4096-4096-1000 head. "small": 28×28×1, an eighth of the filters, 128-unit head. */
  size?: "published" | "small";
  inputShape?: number[];
  classes?: number;
  /** Filters of the five stages (default 64, 128, 256, 512, 512; small: 8, 16, 32, 64, 64). */
  filters?: number[];
  /** Units of the two hidden dense layers (published 4096, small 128). */
  denseUnits?: number;
  /** Dropout before each hidden dense layer's successor (default 0.5). */
  dropout?: number;
}

const PUBLISHED = { inputShape: [224, 224, 3], classes: 1000, filters: PUBLISHED_FILTERS, denseUnits: 4096 };
const SMALL = { inputShape: [28, 28, 1], classes: 10, filters: PUBLISHED_FILTERS.map((f) => f / 8), denseUnits: 128 };

const KEYS = optionKeys<VggOptions>()(
  "depth",
  "batchNorm",
  "size",
  "inputShape",
  "classes",
  "filters",
  "denseUnits",
  "dropout",
);

function check(o: VggOptions): void {
  const caller = "vgg";
  requireOptions<VggOptions>(caller, o, KEYS, "{ depth: 16 }");
  if (o.depth !== undefined) requireChoice(caller, "depth", o.depth, [11, 13, 16, 19] as const);
  if (o.batchNorm !== undefined) requireBoolean(caller, "batchNorm", o.batchNorm);
  if (o.size !== undefined) requireChoice(caller, "size", o.size, ["published", "small"] as const);
  if (o.filters !== undefined)
    requireCounts(caller, "filters", o.filters, 5, "The paper uses [64, 128, 256, 512, 512] (one per stage).");
  if (o.classes !== undefined) requireWholeNumber(caller, "classes", o.classes, 2);
  if (o.denseUnits !== undefined) requireWholeNumber(caller, "denseUnits", o.denseUnits, 1);
  if (o.dropout !== undefined) requireRate(caller, "dropout", o.dropout, "The paper uses 0.5.");
  if (o.inputShape !== undefined) requireImageShape(caller, o.inputShape);
}

/**
 * VGG as a plan: five stages of 3×3 'same' convolutions each ending in 2×2 max pooling, then
 * flatten → dense → dropout → dense → dropout → dense + softmax. At the small size the pooling
 * pads ('same') so that five halvings of 28 end at 1×1 (28, 14, 7, 4, 2, 1) instead of failing.
 */
export function vggPlan(options: VggOptions = {}): ModelPlan {
  check(options);
  const depth = options.depth ?? 16;
  const size = options.size ?? "published";
  const base = size === "published" ? PUBLISHED : SMALL;
  const filters = options.filters ?? base.filters;
  const denseUnits = options.denseUnits ?? base.denseUnits;
  const dropout = options.dropout ?? 0.5;
  const batchNorm = options.batchNorm ?? false;
  return checkedPlan("vgg", {
    name: `vgg${depth}${batchNorm ? "_bn" : ""}${size === "small" ? "_small" : ""}`,
    inputShape: [...(options.inputShape ?? base.inputShape)],
    makeLayers: () => [
      ...VGG_CONFIGS[depth].flatMap((convs, i) =>
        vggBlockLayers({
          convs,
          filters: filters[i],
          batchNorm,
          poolPadding: size === "small" ? "same" : "valid",
          name: `block${i + 1}`,
        }),
      ),
      tf.layers.flatten({ name: "flatten" }),
      tf.layers.dense({ units: denseUnits, activation: "relu", name: "fc1" }),
      ...(dropout > 0 ? [tf.layers.dropout({ rate: dropout, name: "dropout1" })] : []),
      tf.layers.dense({ units: denseUnits, activation: "relu", name: "fc2" }),
      ...(dropout > 0 ? [tf.layers.dropout({ rate: dropout, name: "dropout2" })] : []),
      tf.layers.dense({ units: options.classes ?? base.classes, activation: "softmax", name: "predictions" }),
    ],
  });
}

/** VGG built (weights allocated, not compiled). VGG16 at the published size holds 553 MB of weights: prefer vggPlan for summaries. */
export function vgg(options: VggOptions = {}): tf.Sequential {
  return buildPlan(vggPlan(options));
}

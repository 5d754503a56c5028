import * as tf from "@tensorflow/tfjs";
import { requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";

export interface PointGanOptions {
  /** Length of the noise vector (generator only). */
  latentDim?: number;
  /** Width of each of the two hidden layers. */
  hiddenUnits?: number;
}

/** A tiny generator for the 2-D demo: noise [batch, latentDim] → points [batch, 2] (two ReLU layers). */
const KEYS = optionKeys<PointGanOptions>()("latentDim", "hiddenUnits");

export function pointGenerator(options: PointGanOptions = {}): tf.Sequential {
  requireOptions<PointGanOptions>("pointGenerator", options, KEYS, "{ latentDim: 2, hiddenUnits: 32 }");
  const { latentDim = 2, hiddenUnits = 32 } = options;
  requireWholeNumber("pointGenerator", "latentDim", latentDim, 1, 2);
  requireWholeNumber("pointGenerator", "hiddenUnits", hiddenUnits, 1, 32);
  return tf.sequential({
    name: "point_generator",
    layers: [
      tf.layers.dense({ inputShape: [latentDim], units: hiddenUnits, activation: "relu", name: "g_hidden1" }),
      tf.layers.dense({ units: hiddenUnits, activation: "relu", name: "g_hidden2" }),
      tf.layers.dense({ units: 2, name: "g_point" }),
    ],
  });
}

/** A tiny discriminator for the 2-D demo: points [batch, 2] → one score (logit) each. */
export function pointDiscriminator(options: PointGanOptions = {}): tf.Sequential {
  requireOptions<PointGanOptions>("pointDiscriminator", options, ["hiddenUnits"], "{ hiddenUnits: 32 }");
  const { hiddenUnits = 32 } = options;
  requireWholeNumber("pointDiscriminator", "hiddenUnits", hiddenUnits, 1, 32);
  return tf.sequential({
    name: "point_discriminator",
    layers: [
      tf.layers.dense({ inputShape: [2], units: hiddenUnits, activation: "relu", name: "d_hidden1" }),
      tf.layers.dense({ units: hiddenUnits, activation: "relu", name: "d_hidden2" }),
      tf.layers.dense({ units: 1, name: "d_score" }),
    ],
  });
}

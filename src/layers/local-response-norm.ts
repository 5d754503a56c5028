import * as tf from "@tensorflow/tfjs";
import { checkFiniteNumbers, requireNumber, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { LayerBaseOptions, layerBaseOptions } from "./block-checks";

/** Settings of local response normalisation; the defaults are AlexNet's (k = 2, n = 5, α = 1e-4, β = 0.75). */
export interface LocalResponseNormOptions extends LayerBaseOptions {
  /** Channels on each side of the centre that share the normalisation: n = 2·depthRadius + 1 (default 2). */
  depthRadius?: number;
  /** k, added before the power so nothing is divided by zero (default 2). */
  bias?: number;
  /** α, the weight of the sum of squares (default 1e-4; the sum is not divided by n, as in the AlexNet paper). */
  alpha?: number;
  /** β, the power (default 0.75). */
  beta?: number;
}

type LrnSettings = Required<Pick<LocalResponseNormOptions, "depthRadius" | "bias" | "alpha" | "beta">>;
const LRN_KEYS = optionKeys<LrnSettings>()("depthRadius", "bias", "alpha", "beta");
const LRN_EXAMPLE = "{ depthRadius: 2, bias: 2, alpha: 1e-4, beta: 0.75 }";

function checkOptions(caller: string, o: LocalResponseNormOptions): LrnSettings {
  const depthRadius = o.depthRadius ?? 2;
  const bias = o.bias ?? 2;
  const alpha = o.alpha ?? 1e-4;
  const beta = o.beta ?? 0.75;
  requireWholeNumber(caller, "depthRadius", depthRadius, 0, "AlexNet uses depthRadius: 2 (n = 5 channels).");
  const fix = "AlexNet uses bias: 2, alpha: 1e-4, beta: 0.75.";
  requireNumber(caller, "bias", bias, { above: 0, fix });
  requireNumber(caller, "alpha", alpha, { min: 0, fix });
  requireNumber(caller, "beta", beta, { min: 0, fix });
  return { depthRadius, bias, alpha, beta };
}

/**
 * From-scratch local response normalisation of one pixel's channel values (plain numbers):
 * b[i] = a[i] / (k + α · Σ_{j = i−r … i+r, inside 0 … N−1} a[j]²)^β.
 */
export function localResponseNormPixel(values: readonly number[], options: LocalResponseNormOptions = {}): number[] {
  requireOptions<LrnSettings>("localResponseNormPixel", options, LRN_KEYS, LRN_EXAMPLE);
  checkFiniteNumbers("localResponseNormPixel", "values", values, "Pass one number per channel, e.g. [1, 2, 3].");
  if (values.length === 0)
    throw new Error("localResponseNormPixel: values is empty; pass one number per channel, e.g. [1, 2, 3].");
  const { depthRadius, bias, alpha, beta } = checkOptions("localResponseNormPixel", options);
  return values.map((a, i) => {
    let sum = 0;
    for (let j = Math.max(0, i - depthRadius); j <= Math.min(values.length - 1, i + depthRadius); j++)
      sum += values[j] * values[j];
    return a / Math.pow(bias + alpha * sum, beta);
  });
}

/**
 * Local response normalisation (국소 응답 정규화) as a tfjs layer: each activation is divided by
 * a power of the summed squares of its neighbours across channels, at the same pixel (AlexNet
 * §3.3). It has no weights; it is registered for serialization so saved models load again.
 */
export class LocalResponseNormalization extends tf.layers.Layer {
  static className = "LocalResponseNormalization";
  readonly depthRadius: number;
  readonly bias: number;
  readonly alpha: number;
  readonly beta: number;

  constructor(options: LocalResponseNormOptions = {}) {
    super(layerBaseOptions("LocalResponseNormalization", options, LRN_KEYS, LRN_EXAMPLE));
    const checked = checkOptions("LocalResponseNormalization", options ?? {});
    this.depthRadius = checked.depthRadius;
    this.bias = checked.bias;
    this.alpha = checked.alpha;
    this.beta = checked.beta;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (x.rank !== 4) {
        throw new Error(
          `LocalResponseNormalization: input must be a rank-4 NHWC tensor, got shape [${x.shape.join(", ")}]. Put the layer after a Conv2D.`,
        );
      }
      return tf.localResponseNormalization(x as tf.Tensor4D, this.depthRadius, this.bias, this.alpha, this.beta);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), depthRadius: this.depthRadius, bias: this.bias, alpha: this.alpha, beta: this.beta };
  }

  /** Per output element: n = 2·depthRadius + 1 squares summed (edges counted as full windows). */
  multiplyAdds(_inputShapes: (number | null)[][], outputShape: (number | null)[]): number {
    return outputShape.slice(1).reduce<number>((p, d) => p * Number(d), 1) * (2 * this.depthRadius + 1);
  }

  paramsBeforeBuild(): { params: number; trainableParams: number } {
    return { params: 0, trainableParams: 0 };
  }
}
tf.serialization.registerClass(LocalResponseNormalization);

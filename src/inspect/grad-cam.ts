import * as tf from "@tensorflow/tfjs";
import { describeValue, requireWholeNumber } from "../core/checks";
import { requireOptions } from "../core/options";
import { requireModel } from "../core/tensors";
import { asSingleBatch, findLayer, requireFeatureMapLayer } from "./layers";

export interface GradCamOptions {
  /** The convolution (or activation/pooling) layer whose feature maps are weighted; usually the last one. */
  layerName: string;
  /** The class to explain (default: the model's top prediction). */
  classIndex?: number;
  /**
   * "grad-cam" (default): weight each whole map by its mean gradient α_k, heatmap = ReLU(Σ_k α_k A_k).
   * "hires-cam" (Draelos & Carin, 2020): multiply gradient and activation pixel by pixel,
   * heatmap = ReLU(Σ_k ∂y/∂A_k ⊙ A_k); for a head that flattens the maps into a dense layer this is
   * exactly each position's contribution to the class score, where Grad-CAM's averaging can cancel out.
   */
  method?: "grad-cam" | "hires-cam";
}

export interface GradCamResult {
  /** Class-activation map (클래스 활성화 맵), [height][width] of the layer's feature map, scaled so its maximum is 1 (all 0 when nothing speaks for the class). */
  heatmap: number[][];
  classIndex: number;
  /** The model's output for that class (a probability when the model ends in softmax). */
  score: number;
  /** Weight of each feature-map channel: the mean gradient of the class score over its pixels. */
  channelWeights: number[];
}

type Layer = tf.layers.Layer;

/** The layers from `start` (exclusive) to the model's output, when they form a simple chain. */
function headChain(model: tf.LayersModel, start: Layer): Layer[] {
  const chain: Layer[] = [];
  const index = model.layers.indexOf(start);
  let previous = start;
  for (const layer of model.layers.slice(index + 1)) {
    const fed = layer.inboundNodes.some(
      (node) => node.inboundLayers.length === 1 && node.inboundLayers[0] === previous,
    );
    if (!fed) {
      throw new Error(
        `gradCam: after layer ${describeValue(start.name)} the model is not a simple chain of layers (layer ${describeValue(layer.name)} does not take its input from ${describeValue(previous.name)} alone). ` +
          `Pick a later layer, usually the last convolution before global pooling, after which every layer feeds the next.`,
      );
    }
    chain.push(layer);
    previous = layer;
  }
  if (model.outputs.length !== 1 || model.outputs[0].sourceLayer !== previous) {
    throw new Error(
      `gradCam: the model must have one output, produced by its last layer ${describeValue(previous.name)}. Build a single-output classifier.`,
    );
  }
  return chain;
}

function activationName(layer: Layer): string | undefined {
  const config = layer.getConfig() as { activation?: unknown };
  return typeof config.activation === "string" ? config.activation : undefined;
}

/**
 * Grad-CAM (Selvaraju et al., 2017): which places of the input made the model choose a class.
 * 1. run the image to the chosen layer, giving feature maps A_k;
 * 2. take the gradient of the class score y_c (before softmax) with respect to each A_k;
 * 3. weight α_k = mean of that gradient over the map's pixels;
 * 4. heatmap = ReLU(Σ_k α_k A_k), divided by its maximum.
 * The layers after `layerName` must form a chain (true for conv → pooling → dense heads).
 */
export function gradCam(model: tf.LayersModel, image: tf.Tensor, options: GradCamOptions): GradCamResult {
  const caller = "gradCam";
  requireModel(caller, model);
  requireOptions<GradCamOptions>(caller, options, ["layerName", "classIndex", "method"], '{ layerName: "conv3" }', {
    required: true,
  });
  const layer = findLayer(caller, model, options.layerName);
  requireFeatureMapLayer(caller, layer, model);
  const head = headChain(model, layer);
  const last = head[head.length - 1];
  const outputs = model.outputs[0].shape[model.outputs[0].shape.length - 1] as number;
  if (options.classIndex !== undefined)
    requireWholeNumber(caller, "classIndex", options.classIndex, 0, `The model has ${outputs} outputs.`, outputs - 1);
  // The class score before softmax: softmax squashes a confident score's gradient to ~0.
  const endsInSoftmaxLayer = last && last.getClassName() === "Activation" && activationName(last) === "softmax";
  const endsInSoftmaxDense = last && last.getClassName() === "Dense" && activationName(last) === "softmax";
  const method = options.method ?? "grad-cam";
  if (method !== "grad-cam" && method !== "hires-cam") {
    throw new Error(`${caller}: method must be "grad-cam" or "hires-cam", got ${describeValue(method)}.`);
  }
  const featureModel = tf.model({ inputs: model.inputs, outputs: layer.output as tf.SymbolicTensor });

  return tf.tidy(() => {
    const batch = asSingleBatch(caller, model, image);
    const maps = featureModel.predict(batch) as tf.Tensor4D;
    const probabilities = model.predict(batch) as tf.Tensor;
    const predicted = probabilities.reshape([-1]).argMax().dataSync()[0];
    const classIndex = options.classIndex ?? predicted;
    const score = probabilities.reshape([-1]).dataSync()[classIndex];
    const classScore = (a: tf.Tensor): tf.Scalar => {
      let x = a;
      const upTo = endsInSoftmaxLayer || endsInSoftmaxDense ? head.length - 1 : head.length;
      for (let i = 0; i < upTo; i++) x = head[i].apply(x) as tf.Tensor;
      if (endsInSoftmaxDense) {
        const [kernel, bias] = last.getWeights();
        x = bias
          ? tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D).add(bias)
          : tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D);
      }
      return x.reshape([-1]).gather([classIndex]).sum() as tf.Scalar;
    };
    const gradients = tf.grad(classScore)(maps); // [1, h, w, k]
    const weights = gradients.mean([0, 1, 2]); // α_k
    const evidence = method === "grad-cam" ? maps.mul(weights) : maps.mul(gradients);
    const cam = tf.relu(evidence.sum([0, 3])) as tf.Tensor2D; // [h, w]
    const max = cam.max().dataSync()[0];
    const heatmap = (max > 0 ? cam.div(max) : cam).arraySync() as number[][];
    return { heatmap, classIndex, score, channelWeights: Array.from(weights.dataSync()) };
  });
}

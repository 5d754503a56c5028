import * as tf from "@tensorflow/tfjs";
import { batchNormGradConfig } from "./batch-norm-gradient";
import { batchNormTrainingGradient } from "./native/batch-norm-training";
import { reluGradient } from "./native/relu-gradient";
import { meanGradConfig, sumGradConfig } from "./reduction-gradients";

// reluGradient keeps tfjs's formula except where the native addon's kernel is registered;
// batchNormTrainingGradient belongs to a kernel only the addon has.
const LEAN_GRADIENTS: tf.GradConfig[] = [
  sumGradConfig,
  meanGradConfig,
  batchNormGradConfig,
  reluGradient,
  batchNormTrainingGradient,
];

/**
 * Replaces tfjs's gradients of Sum, Mean and FusedBatchNorm with ones that give the same
 * values in fewer passes over memory. Gradients are global in tfjs, so every backend gets them.
 */
export function registerLeanGradients(): void {
  for (const config of LEAN_GRADIENTS) {
    if (tf.getGradient(config.kernelName) !== config) tf.registerGradient(config);
  }
}

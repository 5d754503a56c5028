import * as tf from "@tensorflow/tfjs";
import { requireNumber, requireSeed, requireWholeNumber } from "../core/checks";
import { requireOptions } from "../core/options";
import { requireModel } from "../core/tensors";

/** A generator (생성자), a discriminator (판별자) and one optimizer for each. */
export interface Gan {
  generator: tf.LayersModel;
  discriminator: tf.LayersModel;
  latentDim: number;
  generatorOptimizer: tf.Optimizer;
  discriminatorOptimizer: tf.Optimizer;
}

function shapeText(shape: (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? "batch" : d)).join(", ")}]`;
}

/**
 * Pairs a generator with a discriminator and checks they fit together: noise
 * [batch, latentDim] → generator → the discriminator's input shape → [batch, 1] score.
 * Each gets its own Adam optimizer (learning rate 2e-4 and beta1 0.5 by default, as in DCGAN).
 */
export function createGan(
  generator: tf.LayersModel,
  discriminator: tf.LayersModel,
  options: { learningRate?: number; beta1?: number } = {},
): Gan {
  requireModel("createGan", generator, "generator");
  requireModel("createGan", discriminator, "discriminator");
  requireOptions<{ learningRate?: number; beta1?: number }>(
    "createGan",
    options,
    ["learningRate", "beta1"],
    "{ learningRate: 2e-4, beta1: 0.5 }",
  );
  const { learningRate = 2e-4, beta1 = 0.5 } = options;
  requireNumber("createGan", "learningRate", learningRate, { above: 0, fix: "Try 2e-4." });
  requireNumber("createGan", "beta1", beta1, { min: 0, below: 1, fix: "Try 0.5." });
  const gIn = generator.inputs[0].shape;
  const gOut = generator.outputs[0].shape;
  const dIn = discriminator.inputs[0].shape;
  const dOut = discriminator.outputs[0].shape;
  if (gIn.length !== 2 || typeof gIn[1] !== "number") {
    throw new Error(
      `createGan: the generator's input must be noise of shape [batch, latentDim], got ${shapeText(gIn)}. Build it with an inputShape of [latentDim].`,
    );
  }
  if (shapeText(gOut) !== shapeText(dIn)) {
    throw new Error(
      `createGan: the generator makes ${shapeText(gOut)} but the discriminator reads ${shapeText(dIn)}. ` +
        "Build both for the same sample shape (e.g. the same imageSize and channels).",
    );
  }
  if (shapeText(dOut) !== "[batch, 1]") {
    throw new Error(
      `createGan: the discriminator must give one score per sample, [batch, 1], got ${shapeText(dOut)}. End it with dense({ units: 1 }).`,
    );
  }
  return {
    generator,
    discriminator,
    latentDim: gIn[1],
    generatorOptimizer: tf.train.adam(learningRate, beta1),
    discriminatorOptimizer: tf.train.adam(learningRate, beta1),
  };
}

/** Noise vectors z ~ N(0, 1), [count, latentDim]; the same seed gives the same noise. */
export function latentNoise(count: number, latentDim: number, seed?: number): tf.Tensor2D {
  requireWholeNumber("latentNoise", "count", count, 1, 16);
  requireWholeNumber("latentNoise", "latentDim", latentDim, 1, 32);
  if (seed !== undefined && !Number.isFinite(seed)) throw new Error(`latentNoise: seed must be a number, got ${seed}.`);
  return tf.randomNormal([count, latentDim], 0, 1, "float32", seed);
}

/** What one training step measured (numbers, so nothing needs disposing). */
export interface GanStepResult {
  /** Binary cross-entropy of the discriminator on real (target 1) plus fake (target 0) samples. */
  discriminatorLoss: number;
  /** Binary cross-entropy of the discriminator's scores of fresh fakes against target 1. */
  generatorLoss: number;
  /** Mean probability the discriminator gave real samples (before its update). */
  realScore: number;
  /** Mean probability the discriminator gave fake samples (before its update). */
  fakeScore: number;
}

function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/**
 * One round of the game, on one batch of real samples:
 * 1. the discriminator (police) learns: real samples → 1, the generator's fakes → 0;
 * 2. the generator (counterfeiter) learns: make fakes that the discriminator scores 1.
 * Only the discriminator's weights change in 1, only the generator's in 2.
 */
export function ganTrainStep(gan: Gan, realBatch: tf.Tensor, options: { seed?: number } = {}): GanStepResult {
  if (!gan || !(gan.generator instanceof tf.LayersModel) || !gan.discriminatorOptimizer) {
    throw new Error("ganTrainStep: gan must come from createGan(generator, discriminator).");
  }
  if (!(realBatch instanceof tf.Tensor) || realBatch.isDisposed) {
    throw new Error("ganTrainStep: realBatch must be a live tf.Tensor of real samples [batch, ...sampleShape].");
  }
  const expected = gan.discriminator.inputs[0].shape.slice(1);
  if (realBatch.rank !== expected.length + 1 || expected.some((d, i) => d !== realBatch.shape[i + 1])) {
    throw new Error(
      `ganTrainStep: realBatch has shape [${realBatch.shape}] but the discriminator reads [batch, ${expected.join(", ")}]. Reshape the batch to match.`,
    );
  }
  const batch = realBatch.shape[0];
  requireOptions<{ seed?: number }>("ganTrainStep", options, ["seed"], "{ seed: 1 }");
  const seed = options.seed === undefined ? undefined : requireSeed("ganTrainStep", options.seed);
  return tf.tidy(() => {
    // 1. Police: real → 1, fake → 0. The fakes are made outside the gradient (only D learns here),
    // in training mode so that batch normalisation in G behaves as in step 2.
    const fakes = gan.generator.apply(latentNoise(batch, gan.latentDim, seed), { training: true }) as tf.Tensor;
    let realScore = 0;
    let fakeScore = 0;
    const discriminatorLoss = gan.discriminatorOptimizer.minimize(
      () => {
        const realLogits = gan.discriminator.apply(realBatch, { training: true }) as tf.Tensor;
        const fakeLogits = gan.discriminator.apply(fakes, { training: true }) as tf.Tensor;
        const realTargets = tf.onesLike(realLogits); // real → 1
        const fakeTargets = tf.zerosLike(fakeLogits); // fake → 0
        realScore = tf.sigmoid(realLogits).mean().dataSync()[0];
        fakeScore = tf.sigmoid(fakeLogits).mean().dataSync()[0];
        return tf.losses
          .sigmoidCrossEntropy(realTargets, realLogits)
          .add(tf.losses.sigmoidCrossEntropy(fakeTargets, fakeLogits)) as tf.Scalar;
      },
      true,
      trainableVariables(gan.discriminator),
    );
    // 2. Counterfeiter: fresh fakes should be scored 1 ("real") by the police.
    const generatorLoss = gan.generatorOptimizer.minimize(
      () => {
        const noise = latentNoise(batch, gan.latentDim, seed === undefined ? undefined : seed + 1);
        const fakeLogits = gan.discriminator.apply(gan.generator.apply(noise, { training: true }), {
          training: true,
        }) as tf.Tensor;
        const wantedTargets = tf.onesLike(fakeLogits); // generator wants fake → 1
        return tf.losses.sigmoidCrossEntropy(wantedTargets, fakeLogits) as tf.Scalar;
      },
      true,
      trainableVariables(gan.generator),
    );
    return {
      discriminatorLoss: discriminatorLoss!.dataSync()[0],
      generatorLoss: generatorLoss!.dataSync()[0],
      realScore,
      fakeScore,
    };
  });
}

/** Frees both models and both optimizers' state. */
export function disposeGan(gan: Gan): void {
  if (!gan || !(gan.generator instanceof tf.LayersModel) || !(gan.discriminator instanceof tf.LayersModel)) {
    throw new Error(
      "disposeGan: gan must come from createGan(generator, discriminator); got something else. Pass the object createGan returned.",
    );
  }
  gan.generator.dispose();
  gan.discriminator.dispose();
  gan.generatorOptimizer.dispose();
  gan.discriminatorOptimizer.dispose();
}

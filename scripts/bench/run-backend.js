// @ts-check
// Measures one backend in its own process (so its peak memory is its own) and prints JSON.
//   node scripts/bench/run-backend.js <tensorflow|wasm|cpu> [--quick]
"use strict";
const path = require("path");
const { MODELS } = require("./models");

const root = path.resolve(__dirname, "..", "..");
const backendName = process.argv[2];
const quick = process.argv.includes("--quick");

/**
 * @typedef {{ trainBatch: Record<string, number>, inferBatch: number, warmup: number, minBatches: number,
 *   seconds: number }} Plan
 */

/** @returns {Plan} wasm and tfjs-node: full batches and a time budget per measurement. */
function fastBackendPlan() {
  return {
    trainBatch: { lenet5: 64, vgg: 64, resnet: 64 },
    inferBatch: 256,
    warmup: 2,
    minBatches: 3,
    seconds: quick ? 2 : 6,
  };
}

/**
 * Batches and time budgets: cpu is ~100x slower, so it gets few, small batches.
 * @type {Record<string, Plan>}
 */
const PLAN = {
  cpu: {
    trainBatch: { lenet5: 32, vgg: 8, resnet: 8 },
    inferBatch: 32,
    warmup: 1,
    minBatches: 1,
    seconds: quick ? 0 : 4,
  },
  wasm: fastBackendPlan(),
  tensorflow: fastBackendPlan(),
};

function now() {
  return Number(process.hrtime.bigint()) / 1e9;
}

/**
 * Runs step() after `warmup` calls until both minBatches and the time budget are reached.
 * @param {() => unknown} step
 * @param {Plan} plan
 */
async function timeSteps(step, plan) {
  for (let i = 0; i < plan.warmup; i++) await step();
  const start = now();
  let batches = 0;
  while (batches < plan.minBatches || now() - start < plan.seconds) {
    await step();
    batches++;
    if (batches >= 200) break;
  }
  return { seconds: now() - start, batches };
}

async function main() {
  if (backendName === "tensorflow") {
    try {
      require.resolve("@tensorflow/tfjs-node", { paths: [root] });
    } catch {
      throw new Error("@tensorflow/tfjs-node is not installed (optional: its install downloads libtensorflow)");
    }
  }
  const { initBackend } = require(path.join(root, "dist", "backend"));
  const tf = require("@tensorflow/tfjs");
  const info = await initBackend({ backend: backendName, quiet: true });
  const plan = PLAN[backendName];
  if (!plan)
    throw new Error(`backend must be one of ${Object.keys(PLAN).join(", ")}, got ${JSON.stringify(backendName)}`);
  const results = [];
  for (const model of MODELS) {
    const net = model.build(tf);
    net.compile({ optimizer: tf.train.adam(1e-3), loss: "categoricalCrossentropy" });
    const batch = plan.trainBatch[model.key];
    const x = tf.randomNormal([batch, ...model.inputShape]);
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: batch }, (_, i) => i % 10),
        "int32",
      ),
      10,
    );
    const train = await timeSteps(() => net.trainOnBatch(x, y), plan);
    const xi = tf.randomNormal([plan.inferBatch, ...model.inputShape]);
    const infer = await timeSteps(async () => {
      const p = /** @type {import("@tensorflow/tfjs").Tensor} */ (net.predict(xi, { batchSize: plan.inferBatch })); // one batch, as PyTorch runs it (tf.layers defaults to 32)
      await p.data();
      p.dispose();
    }, plan);
    results.push({
      model: model.key,
      trainBatch: batch,
      trainPerSecond: (train.batches * batch) / train.seconds,
      trainBatches: train.batches,
      inferBatch: plan.inferBatch,
      inferPerSecond: (infer.batches * plan.inferBatch) / infer.seconds,
    });
    tf.dispose([x, y, xi]);
    net.dispose();
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      backend: backendName,
      version: info.version,
      canTrain: info.canTrain,
      xnnpackThreads: info.threads,
      native: info.native,
      fallbacks: info.fallbacks,
      results,
      peakRssMb,
    }) + "\n",
  );
}

main().catch((error) => {
  process.stdout.write(
    JSON.stringify({
      backend: backendName,
      error: String(error && error.message ? error.message : error).split("\n")[0],
    }) + "\n",
  );
});

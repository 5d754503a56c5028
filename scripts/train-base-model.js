// Trains the course's base network on Fashion-MNIST and saves it to datasets/models/fashion-base
// (model.json + weights.bin), for the transfer-learning lesson (13) and lesson 14.
//   node scripts/train-base-model.js            # refuses to replace an existing model
//   node scripts/train-base-model.js --force    # retrain and replace it
//   node scripts/train-base-model.js --if-missing   # do nothing when the model is already there
// Uses the compiled library (dist/); run `npm run build` first. Nothing is downloaded:
// Fashion-MNIST comes from the Debian package dataset-fashion-mnist.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const SETTINGS = { trainSize: 20000, validationSize: 2000, testSize: 5000, epochs: 4, batchSize: 64, learningRate: 0.002, seed: 7 };

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const ifMissing = args.includes("--if-missing");
  const unknown = args.filter((a) => !["--force", "--if-missing"].includes(a));
  if (unknown.length) {
    console.error(`train-base-model: unknown option(s) ${unknown.join(" ")}. Use --force to replace the saved model or --if-missing to skip when it exists.`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(root, "dist", "index.js"))) {
    console.error("train-base-model: the library is not built (dist/ is missing). Run `npm run build` first.");
    process.exit(2);
  }
  const cl = require(path.join(root, "dist"));
  const dir = cl.baseModelDir();
  if (fs.existsSync(path.join(dir, cl.MODEL_JSON)) && !force) {
    if (ifMissing) {
      console.log(`train-base-model: ${path.relative(root, dir)} already holds a model; nothing to do.`);
      return;
    }
    console.error(`train-base-model: ${path.join(dir, cl.MODEL_JSON)} already exists. Pass --force to retrain and replace it.`);
    process.exit(1);
  }
  const tf = cl.tf;
  const backend = await cl.initBackend();
  if (!backend.canTrain) throw new Error(`train-base-model: the ${backend.name} backend cannot train convolutions here; see \`npm run bench\`.`);

  const data = await cl.loadFashionMnist({ trainSize: SETTINGS.trainSize, validationSize: SETTINGS.validationSize, testSize: SETTINGS.testSize, seed: SETTINGS.seed });
  cl.setSeed(SETTINGS.seed);
  const model = cl.baseNetwork({ classes: data.classNames.length });
  model.compile({ optimizer: tf.train.adam(SETTINGS.learningRate), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const result = await cl.fit(model, data.train, { epochs: SETTINGS.epochs, batchSize: SETTINGS.batchSize, validation: data.validation, chart: false, verbose: true, seed: SETTINGS.seed });
  cl.clearSeed();
  const test = await cl.evaluate(model, data.test);
  console.log(`test accuracy on ${SETTINGS.testSize} Fashion-MNIST test images: ${test.accuracy.toFixed(4)} (loss ${test.loss.toFixed(4)}); training took ${result.seconds.toFixed(1)} s on ${backend.name}`);
  const metadata = {
    dataset: "Fashion-MNIST (Debian dataset-fashion-mnist)",
    classNames: data.classNames,
    settings: SETTINGS,
    backend: backend.name,
    trainingSeconds: Number(result.seconds.toFixed(1)),
    history: result.history,
    testAccuracy: Number(test.accuracy.toFixed(4)),
    testLoss: Number(test.loss.toFixed(4)),
    parameters: model.countParams(),
    builtBy: "scripts/train-base-model.js",
  };
  const saved = await cl.saveModelToFile(model, dir, { overwrite: force, metadata });
  console.log(`saved ${path.relative(root, saved.modelJson)} and ${path.relative(root, saved.weights)} (${saved.weightBytes} bytes of weights, ${model.countParams()} parameters)`);
  model.dispose();
  data.dispose();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

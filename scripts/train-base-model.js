// @ts-check
// Trains the course's base network on Fashion-MNIST and saves it to datasets/models/fashion-base
// (model.json + weights.bin), for the transfer-learning lesson (13) and lesson 14.
//   npm run train-base                     refuses to replace an existing model (or any file of one)
//   npm run train-base -- --force          retrain and replace it
//   npm run train-base -- --if-missing     do nothing when the model is already there
// Every check on the files comes before training, so a refusal takes a second, not a minute.
// Rebuilds dist/ first when src/ is newer. Nothing is downloaded: Fashion-MNIST comes from the
// Debian package dataset-fashion-mnist.
"use strict";
const fs = require("fs");
const path = require("path");
const { CliError, runCli, values } = require("./cli");
const { ensureFreshBuild } = require("./fresh-build");

const root = path.resolve(__dirname, "..");
const DEFAULT_DIR = path.join(root, "datasets", "models", "fashion-base");
// The two files saveModelToFile writes (MODEL_JSON and WEIGHTS_BIN in src/models/io.ts).
const MODEL_FILES = ["model.json", "weights.bin"];
const SETTINGS = {
  trainSize: 20000,
  validationSize: 2000,
  testSize: 5000,
  epochs: 4,
  batchSize: 64,
  learningRate: 0.002,
  seed: 7,
};

/** @type {import("./cli").CommandSpec} */
const SPEC = {
  program: "train-base-model",
  usage: ["npm run train-base [-- options]", "node scripts/train-base-model.js [options]"],
  summary:
    `Trains the small base network lessons 13 and 14 reuse (${SETTINGS.epochs} epochs on ${SETTINGS.trainSize} Fashion-MNIST images, a few\n` +
    "minutes on a CPU) and saves model.json and weights.bin. An existing file is never replaced without --force.",
  flags: {
    "--force": { help: "retrain and replace model.json and weights.bin if they exist" },
    "--if-missing": { help: "do nothing when model.json and weights.bin are both there (CI)" },
    "--dir": { value: "DIR", help: `save into DIR instead of ${path.relative(root, DEFAULT_DIR)}`, parse: values.path },
  },
};

/**
 * What to do about the folder, decided before any training: "train", or "skip" (--if-missing and the
 * model is there). Throws a CliError naming the files and --force when training would replace a file.
 * @param {string} dir
 * @param {{ force: boolean, ifMissing: boolean, afterTraining?: boolean }} options
 * @returns {"train" | "skip"}
 */
function decide(dir, options) {
  if (options.force && options.ifMissing) {
    throw new CliError("--force and --if-missing contradict each other (replace the model / keep it). Give one.", {
      showUsageHint: true,
    });
  }
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory())
    throw new CliError(`${dir} is a file, not a folder. Pass --dir with a folder.`);
  const present = MODEL_FILES.filter((f) => fs.existsSync(path.join(dir, f)));
  const rel = path.relative(process.cwd(), dir);
  const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : dir;
  if (present.length === 0 || options.force) return "train";
  if (present.length === MODEL_FILES.length) {
    if (options.ifMissing) return "skip";
    throw new CliError(
      `${shown} already holds a model (${MODEL_FILES.join(", ")}). Pass --force to retrain and replace it.`,
    );
  }
  const missing = MODEL_FILES.filter((f) => !present.includes(f));
  throw new CliError(
    `${shown} holds ${present.join(", ")} but no ${missing.join(", ")}: not a complete model, and saving one would replace ${present.join(", ")}, so ${options.afterTraining ? "the model just trained is not saved" : "nothing was trained"}. ` +
      `Pass --force to retrain and replace ${present.length === 1 ? "it" : "them"}, or move ${present.join(", ")} away first.`,
  );
}

async function main(/** @type {import("./cli").ParsedArgs} */ args) {
  const dir = /** @type {string | undefined} */ (args.flags["--dir"]) ?? DEFAULT_DIR;
  const force = Boolean(args.flags["--force"]);
  if (decide(dir, { force, ifMissing: Boolean(args.flags["--if-missing"]) }) === "skip") {
    console.log(`train-base-model: ${path.relative(root, dir)} already holds a model; nothing to do.`);
    return 0;
  }
  await ensureFreshBuild();
  const cl = require(path.join(root, "dist"));
  if (cl.MODEL_JSON !== MODEL_FILES[0] || cl.WEIGHTS_BIN !== MODEL_FILES[1]) {
    throw new Error(
      `the library now saves ${cl.MODEL_JSON} and ${cl.WEIGHTS_BIN}; update MODEL_FILES in scripts/train-base-model.js to match.`,
    );
  }
  const tf = cl.tf;
  const backend = await cl.initBackend();
  if (!backend.canTrain)
    throw new CliError(`the ${backend.name} backend cannot train convolutions here; see \`npm run bench\`.`, {
      exitCode: 1,
    });

  const data = await cl.loadFashionMnist({
    trainSize: SETTINGS.trainSize,
    validationSize: SETTINGS.validationSize,
    testSize: SETTINGS.testSize,
    seed: SETTINGS.seed,
  });
  cl.setSeed(SETTINGS.seed);
  const model = cl.baseNetwork({ classes: data.classNames.length });
  model.compile({
    optimizer: tf.train.adam(SETTINGS.learningRate),
    loss: "categoricalCrossentropy",
    metrics: ["accuracy"],
  });
  const result = await cl.fit(model, data.train, {
    epochs: SETTINGS.epochs,
    batchSize: SETTINGS.batchSize,
    validation: data.validation,
    chart: false,
    verbose: true,
    seed: SETTINGS.seed,
  });
  cl.clearSeed();
  const test = await cl.evaluate(model, data.test);
  console.log(
    `test accuracy on ${SETTINGS.testSize} Fashion-MNIST test images: ${test.accuracy.toFixed(4)} (loss ${test.loss.toFixed(4)}); training took ${result.seconds.toFixed(1)} s on ${backend.name}`,
  );
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
  // Checked again: a file may have appeared while training ran.
  decide(dir, { force, ifMissing: false, afterTraining: true });
  const saved = await cl.saveModelToFile(model, dir, { overwrite: force, metadata });
  console.log(
    `saved ${path.relative(root, saved.modelJson)} and ${path.relative(root, saved.weights)} (${saved.weightBytes} bytes of weights, ${model.countParams()} parameters)`,
  );
  model.dispose();
  data.dispose();
  return 0;
}

if (require.main === module) runCli(SPEC, main);
module.exports = { decide };

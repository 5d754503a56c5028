import * as fs from "fs";
import * as path from "path";
import { FASHION_MNIST_FILES } from "./dataset-files";
import { gunzipIfNeeded, parseIdx } from "./idx";
import { readVerifiedFile } from "./integrity";
import { permutation } from "./random";
import { Dataset, DatasetLoadOptions, makeDataset, requireDatasetOptions, splitFromPixels } from "./split";

/** loadFashionMnist's options: by default 10000 / 2000 / 2000 images, from /usr/share/datasets/fashion-mnist. */
export type LoadFashionMnistOptions = DatasetLoadOptions;

export const FASHION_MNIST_CLASS_NAMES = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
];
export const FASHION_MNIST_DIRECTORY = "/usr/share/datasets/fashion-mnist";
export const FASHION_MNIST_REPAIR =
  "Reinstall it with `sudo apt-get install --reinstall dataset-fashion-mnist`, or download the four files again " +
  "from https://github.com/zalandoresearch/fashion-mnist.";
export const FASHION_MNIST_INSTALL =
  "Install it with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu), or put the four files " +
  "from https://github.com/zalandoresearch/fashion-mnist (train-images-idx3-ubyte.gz, …) in a folder and pass { directory }.";

/** The file to read for one part: `<name>.gz` if present, else the uncompressed `<name>`. */
export function fashionMnistFile(directory: string, name: string): string {
  const gz = path.join(directory, `${name}.gz`);
  const plain = path.join(directory, name);
  return fs.existsSync(gz) || !fs.existsSync(plain) ? gz : plain;
}

/** Reads, decompresses, verifies and parses one Fashion-MNIST file. */
function readVerified(directory: string, name: string): { shape: number[]; data: Uint8Array } {
  const file = fashionMnistFile(directory, name);
  const source = `loadFashionMnist: ${file}`;
  const content = readVerifiedFile(
    file,
    FASHION_MNIST_FILES[name],
    source,
    `Fashion-MNIST is not installed. ${FASHION_MNIST_INSTALL}`,
    FASHION_MNIST_REPAIR,
    (bytes) => gunzipIfNeeded(bytes, source),
  );
  const parsed = parseIdx(content, file);
  return { shape: parsed.shape, data: parsed.data as Uint8Array };
}

interface RawPart {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

const cache = new Map<string, { train: RawPart; test: RawPart }>();

function readAll(directory: string): { train: RawPart; test: RawPart } {
  const cached = cache.get(directory);
  if (cached) return cached;
  // All four files are verified before any tensor is made: a damaged file never yields a half-loaded dataset.
  const trainImages = readVerified(directory, "train-images-idx3-ubyte");
  const trainLabels = readVerified(directory, "train-labels-idx1-ubyte");
  const testImages = readVerified(directory, "t10k-images-idx3-ubyte");
  const testLabels = readVerified(directory, "t10k-labels-idx1-ubyte");
  const raw = {
    train: { images: trainImages.data, labels: trainLabels.data, count: trainLabels.shape[0] },
    test: { images: testImages.data, labels: testLabels.data, count: testLabels.shape[0] },
  };
  cache.set(directory, raw);
  return raw;
}

/**
 * Fashion-MNIST (Zalando, MIT licence): 28x28 gray photos of 10 kinds of clothing, read from
 * Debian's `dataset-fashion-mnist` after checking every file's size and MD5.
 * Train and validation come from the 60,000-image training file (disjoint), test from the
 * 10,000-image test file; a seeded shuffle picks which images.
 */
export async function loadFashionMnist(options: LoadFashionMnistOptions = {}): Promise<Dataset> {
  const caller = "loadFashionMnist";
  const { trainSize, validationSize, testSize, seed, directory } = requireDatasetOptions(
    caller,
    options,
    { trainSize: 10000, validationSize: 2000, testSize: 2000 },
    {
      shared: 60000,
      test: 10000,
      what: "The training file has 60,000 images, shared by trainSize and validationSize; the test file has 10,000",
    },
  );
  const raw = readAll(directory ?? FASHION_MNIST_DIRECTORY);
  const shape = { height: 28, width: 28, channels: 1 };
  const trainOrder = permutation(raw.train.count, seed);
  // A different stream for the test file, so changing one split size does not reshuffle the other.
  const testOrder = permutation(raw.test.count, (seed + 0x9e3779b9) >>> 0);
  const train = splitFromPixels(
    raw.train.images,
    raw.train.labels,
    trainOrder.subarray(validationSize, validationSize + trainSize),
    shape,
    10,
    1 / 255,
  );
  const validation = splitFromPixels(
    raw.train.images,
    raw.train.labels,
    trainOrder.subarray(0, validationSize),
    shape,
    10,
    1 / 255,
  );
  const test = splitFromPixels(raw.test.images, raw.test.labels, testOrder.subarray(0, testSize), shape, 10, 1 / 255);
  return makeDataset("Fashion-MNIST", FASHION_MNIST_CLASS_NAMES, train, validation, test);
}

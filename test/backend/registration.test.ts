import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { spawnSync } from "child_process";
import * as tf from "@tensorflow/tfjs";
import {
  describeBackend,
  initBackend,
  registerWasmTrainingKernels,
  wasmTrainingKernelList,
  wasmTrainingKernelsRegistered,
} from "../../src/backend";

test("initBackend on wasm registers our kernels once, silently, and reports that convnets can train", async () => {
  const warnings: string[] = [];
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  try {
    const info = await initBackend({ backend: "wasm", quiet: true });
    registerWasmTrainingKernels();
    registerWasmTrainingKernels();
    assert.equal(info.name, "wasm");
    assert.equal(info.canTrain, true);
    assert.ok(!describeBackend(info).includes("cannot train"));
  } finally {
    console.warn = originalWarn;
  }
  assert.deepEqual(warnings, []);
  assert.ok(wasmTrainingKernelsRegistered());
  const names = wasmTrainingKernelList().map((k) => k.kernelName);
  for (const needed of [
    "Conv2DBackpropFilter",
    "Conv2DBackpropInput",
    "DepthwiseConv2dNativeBackpropFilter",
    "DepthwiseConv2dNativeBackpropInput",
    "UnsortedSegmentSum",
    "Tile",
    "MaxPoolGrad",
  ]) {
    assert.ok(names.includes(needed), `${needed} is in the list`);
    assert.ok(tf.getKernel(needed, "wasm") !== undefined, `${needed} is registered for wasm`);
  }
  // Stock kernels we do not replace are still there (e.g. AvgPoolGrad is fast enough).
  assert.ok(tf.getKernel("AvgPoolGrad", "wasm") !== undefined);
});

test("registerWasmTrainingKernels says what to do when the wasm backend is not loaded", () => {
  const backendIndex = path.resolve(__dirname, "..", "..", "src", "backend", "index.js");
  const script = `try { require(${JSON.stringify(backendIndex)}).registerWasmTrainingKernels(); console.log("no error"); } catch (e) { console.log(e.message); }`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.match(child.stdout, /wasm backend is not loaded.*initBackend/);
});

test("an empty CONVNET_BACKEND means automatic choice, not a backend named ''", async () => {
  const saved = process.env.CONVNET_BACKEND;
  process.env.CONVNET_BACKEND = "";
  try {
    const info = await initBackend({ quiet: true });
    assert.ok(["tensorflow", "wasm", "cpu"].includes(info.name));
  } finally {
    if (saved === undefined) delete process.env.CONVNET_BACKEND;
    else process.env.CONVNET_BACKEND = saved;
  }
  await assert.rejects(
    () => initBackend({ backend: "gpu" as never, quiet: true }),
    /backend "gpu" is not one of tensorflow, wasm, cpu/,
  );
});

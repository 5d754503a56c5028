import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { spawnSync } from "child_process";
import { wasmThreadCount } from "../../src/backend/wasm-threads";

const backendIndex = path.resolve(__dirname, "..", "..", "src", "backend", "index.js");

/** Starts wasm in a fresh Node process (threads are fixed at start-up) and reports what it got. */
function startInChild(threads: string): {
  status: number | null;
  report: { threads: number; fallbacks: string[]; sum: number } | undefined;
  stderr: string;
} {
  const script = `
    const tf = require("@tensorflow/tfjs");
    require(${JSON.stringify(backendIndex)}).initBackend({ backend: "wasm", native: false, quiet: true }).then((info) => {
      // A convolution big enough for XNNPACK to split it between threads: 3x3 ones over ones.
      const y = tf.conv2d(tf.ones([2, 16, 16, 8]), tf.ones([3, 3, 8, 4]), 1, "valid");
      console.log(JSON.stringify({ threads: info.threads, fallbacks: info.fallbacks, sum: y.sum().dataSync()[0] }));
    });`;
  const child = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    cwd: path.resolve(__dirname, "..", ".."),
    env: { ...process.env, CONVNET_WASM_THREADS: threads },
    timeout: 60_000,
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  return { status: child.status, report: line.startsWith("{") ? JSON.parse(line) : undefined, stderr: child.stderr };
}

// Hand count: 2 images x 14x14 outputs x 4 filters, each the sum of 3*3*8 = 72 products of ones.
const EXPECTED_SUM = 2 * 14 * 14 * 4 * 72;

test("wasm starts with 2 threads under Node when asked, computes correctly and lets the process exit", () => {
  const { status, report, stderr } = startInChild("2");
  assert.equal(
    status,
    0,
    `the child exited by itself (a referenced worker would hang it until the timeout): ${stderr}`,
  );
  assert.ok(report, `the child printed its report: ${stderr}`);
  assert.deepEqual(report.fallbacks, []);
  assert.equal(report.threads, 2);
  assert.equal(report.sum, EXPECTED_SUM);
});

test("CONVNET_WASM_THREADS=1 keeps wasm on one thread", () => {
  const { status, report, stderr } = startInChild("1");
  assert.equal(status, 0, stderr);
  assert.equal(report?.threads, 1);
  assert.equal(report?.sum, EXPECTED_SUM);
});

test("a bad thread count is refused with the value, the rule and a fix", () => {
  for (const bad of [0, 9, 1.5, -2]) {
    assert.throws(
      () => wasmThreadCount(bad),
      new RegExp(`wasmThreads is ${bad}, but it must be a whole number from 1 to 8.*Use 1`),
    );
  }
  const saved = process.env.CONVNET_WASM_THREADS;
  process.env.CONVNET_WASM_THREADS = "many";
  try {
    assert.throws(() => wasmThreadCount(), /CONVNET_WASM_THREADS is "many", but it must be a whole number from 1 to 8/);
  } finally {
    if (saved === undefined) delete process.env.CONVNET_WASM_THREADS;
    else process.env.CONVNET_WASM_THREADS = saved;
  }
  assert.equal(wasmThreadCount(3), 3);
});
